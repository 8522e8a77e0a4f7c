import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { sameValue, type AnswerValue } from '../domain/answer-value.js';
import { diffBlocks, type DiffLine } from '../domain/diff.js';
import { openHistory, revisionOf } from './answer-revisions.js';

/** What changed from one revision to another (either may be older), text and typed value. */
export async function diffRevisions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  from: number,
  to: number,
): Promise<{
  from: number;
  to: number;
  lines: DiffLine[];
  value?: { from: AnswerValue | null; to: AnswerValue | null };
}> {
  const access = await openHistory(db, actor, target);
  const [a, b] = await Promise.all([
    revisionOf(db, access, target.questionId, from),
    revisionOf(db, access, target.questionId, to),
  ]);
  // A typed value that changed (issue 15) is said beside the lines: it has no lines of its own.
  const value = sameValue(a.value, b.value) ? {} : { value: { from: a.value, to: b.value } };
  return { from, to, lines: diffBlocks(a.blocks, b.blocks), ...value };
}
