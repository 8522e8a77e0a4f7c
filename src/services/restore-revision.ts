import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { openHistory, revisionOf } from './answer-revisions.js';
import { inAnswerTransaction, writeAnswer, type SavedAnswer } from './save-answer.js';

/** Restores an old revision as a new one: the history keeps everything in between. */
export async function restoreRevision(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  revision: number,
  baseRevision: number,
): Promise<SavedAnswer> {
  const access = await openHistory(db, actor, target);
  const old = await revisionOf(db, access, target.questionId, revision);
  return inAnswerTransaction(db, access, target.questionId, baseRevision, (trx) =>
    writeAnswer(trx, actor, access, target.questionId, {
      blocks: old.blocks,
      value: old.value,
      baseRevision,
      origin: 'restore',
      note: `restored from revision ${revision}`,
    }),
  );
}
