import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { diffBlocks, type DiffLine } from '../domain/diff.js';
import { openHistory, revisionOf } from './answer-revisions.js';

/** What changed from one revision to another (either may be older). */
export async function diffRevisions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  from: number,
  to: number,
): Promise<{ from: number; to: number; lines: DiffLine[] }> {
  const access = await openHistory(db, actor, target);
  const [a, b] = await Promise.all([
    revisionOf(db, access, target.questionId, from),
    revisionOf(db, access, target.questionId, to),
  ]);
  return { from, to, lines: diffBlocks(a.blocks, b.blocks) };
}
