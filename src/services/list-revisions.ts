import type { Kysely } from 'kysely';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { openHistory } from './answer-revisions.js';

/**
 * The history of an answer: every revision, newest first, each with who, when and why; and
 * whether the review is a fictional country's (its text synthetic, to be labelled so).
 */
export async function listRevisions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
): Promise<{ revisions: reviews.RevisionRow[]; synthetic: boolean }> {
  const access = await openHistory(db, actor, target);
  return {
    revisions: await reviews.listRevisions(db, access.review.id, target.questionId),
    synthetic: access.review.synthetic,
  };
}
