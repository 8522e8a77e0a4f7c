import type { Kysely } from 'kysely';
import * as tracking from '../db/queries/tracking.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockReview, openReview, requireOnReview } from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT /reviews/{country}/{cycle}/progress-sharing`: the focal point decides whether the region's
 * secretariat sees the review's progress in its tracking before the country submits (counts of
 * answered questions, never text; migration 018). It decides what leaves the country as it
 * decides to submit, hence the action review.move. A change is audited in its transaction; the
 * same value again changes nothing and records nothing.
 */
export async function shareTrackingProgress(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
  share: boolean,
): Promise<{ country: string; cycle: string; share: boolean }> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  const who = requireOnReview(actor, 'review.move', seen);
  return inTransaction(db, async (trx) => {
    const access = await lockReview(trx, seen, 'update');
    const where = { country: access.review.country, cycle: access.review.cycle };
    if ((await tracking.shareProgress(trx, access.review.id)) !== share) {
      await tracking.setShareProgress(trx, access.review.id, share);
      await recordAudit(trx, who, 'review.share_progress', { ...where, details: { share } });
    }
    return { ...where, share };
  });
}
