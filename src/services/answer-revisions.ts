import type { Kysely } from 'kysely';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { openReview, questionOf, requireOnReview, type ReviewAccess } from './review-access.js';

/**
 * An answer's history, as its use cases read it: list-revisions.ts, get-revision.ts,
 * diff-revisions.ts, restore-revision.ts.
 */

/** The answer named by `target`, whose history `actor` may read (authors are named in it). */
export async function openHistory(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
): Promise<ReviewAccess> {
  const access = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'review.read', access); // authors' names are not public, even once published
  questionOf(access, target.questionId);
  return access;
}

/** One revision of the answer, or `revision.not_found`. */
export async function revisionOf(db: Kysely<Database>, access: ReviewAccess, questionId: string, revision: number) {
  const row = await reviews.findRevision(db, access.review.id, questionId, revision);
  if (!row) throw new PacteError('revision.not_found', { question: questionId, revision });
  return row;
}
