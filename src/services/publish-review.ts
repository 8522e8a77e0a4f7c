import type { Kysely } from 'kysely';
import * as publications from '../db/queries/publications.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { operator, type Actor } from '../domain/permissions.js';
import { storedReview } from './get-review.js';
import { moveLockedReview } from './move-review.js';
import { lockReview, openReview } from './review-access.js';
import { indexPublication } from './search-index.js';
import { inTransaction } from './use-case.js';

/**
 * `pacte review publish --country ISO3 --cycle ID`: publishes a review whatever its state (an
 * administrator's move: a past review imported from its published PDF, say), as its next dated
 * version, recorded in the audit log. A review already published is refused with the way to
 * correct it (back to draft with a reason, then publish again), not silently published twice:
 * the status is read under the review's lock, so of two publications at once the second is refused.
 */
export async function publishReview(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
): Promise<{ country: string; cycle: string; version: number }> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  return inTransaction(db, async (trx) => {
    const { review } = await lockReview(trx, seen, 'update');
    if (review.status === 'published') {
      throw new PacteError('review.already_published', { country: review.country, cycle: review.cycle });
    }
    const moved = await moveLockedReview(trx, actor, seen, { to: 'published' });
    return { country: moved.country, cycle: moved.cycle, version: moved.version ?? 1 };
  });
}

/**
 * Reviews published before versions existed (migration 010) get their first version as they
 * are, when the database is opened, so every published review has a version to show.
 */
export async function versionPublishedReviews(db: Kysely<Database>): Promise<number> {
  const missing = await publications.publishedWithoutVersion(db);
  const system = operator('pacte');
  let versioned = 0;
  for (const { country, cycle } of missing) {
    const seen = await openReview(db, system, country, cycle);
    // Instances starting together both find it without a version: the first to lock it writes it.
    versioned += await inTransaction(db, async (trx) => {
      const { review } = await lockReview(trx, seen, 'update');
      if (review.status !== 'published' || (await publications.listVersions(trx, review.id)).length > 0) return 0;
      const document = await storedReview(trx, review, seen.questionnaire);
      const version = await publications.addVersion(trx, review.id, system.name, document);
      await indexPublication(trx, review.id, version, document);
      return 1;
    });
  }
  return versioned;
}
