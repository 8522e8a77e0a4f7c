import type { Kysely } from 'kysely';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { openHistory } from './answer-revisions.js';

/** The history of an answer: every revision, newest first, each with who, when and why. */
export async function listRevisions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
): Promise<reviews.RevisionRow[]> {
  const access = await openHistory(db, actor, target);
  return reviews.listRevisions(db, access.review.id, target.questionId);
}
