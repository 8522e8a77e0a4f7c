import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { openHistory, revisionOf } from './answer-revisions.js';

/** One revision of an answer: its text, who wrote it, when and why. */
export async function getRevision(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  revision: number,
) {
  const access = await openHistory(db, actor, target);
  return revisionOf(db, access, target.questionId, revision);
}
