import type { Kysely } from 'kysely';
import * as publications from '../db/queries/publications.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { openReview } from './review-access.js';

/**
 * The published versions of a review, newest first. Public once there is one (a review being
 * corrected keeps its versions public); before that, only for those who may read the review.
 */
export async function listReviewVersions(
  db: Kysely<Database>,
  actor: Actor | null,
  country: string,
  cycle: string,
): Promise<{ country: string; cycle: string; versions: publications.VersionRow[] }> {
  const review = await reviews.findReview(db, country.toUpperCase(), cycle);
  const versions = review ? await publications.listVersions(db, review.id) : [];
  if (versions.length === 0) await openReview(db, actor, country, cycle); // 404 unless they may read it
  return { country: review?.country ?? country, cycle: review?.cycle ?? cycle, versions };
}
