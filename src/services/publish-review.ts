import type { Kysely } from 'kysely';
import * as publications from '../db/queries/publications.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { operator, type Actor } from '../domain/permissions.js';
import { storedReview } from './get-review.js';
import { moveReview } from './move-review.js';
import { openReview } from './review-access.js';
import { indexPublication } from './search-reviews.js';

/**
 * `pacte review publish --country ISO3 --cycle ID`: publishes a review whatever its state (an
 * administrator's move: a past review imported from its published PDF, say), as its next dated
 * version, recorded in the audit log. A review already published is refused with the way to
 * correct it (back to draft with a reason, then publish again), not silently published twice.
 */
export async function publishReview(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
): Promise<{ country: string; cycle: string; version: number }> {
  const { review } = await openReview(db, actor, target.country, target.cycle);
  if (review.status === 'published') {
    throw new PacteError('review.already_published', { country: review.country, cycle: review.cycle });
  }
  const moved = await moveReview(db, actor, target, { to: 'published' });
  return { country: moved.country, cycle: moved.cycle, version: moved.version ?? 1 };
}

/**
 * Reviews published before versions existed (migration 010) get their first version as they
 * are, when the database is opened, so every published review has a version to show.
 */
export async function versionPublishedReviews(db: Kysely<Database>): Promise<number> {
  const missing = await publications.publishedWithoutVersion(db);
  const system = operator('pacte');
  for (const { country, cycle } of missing) {
    const access = await openReview(db, system, country, cycle);
    await db.transaction().execute(async (trx) => {
      const document = await storedReview(trx, access.review, access.questionnaire);
      const version = await publications.addVersion(trx, access.review.id, system.name, document);
      await indexPublication(trx, access.review.id, version, document);
    });
  }
  return missing.length;
}
