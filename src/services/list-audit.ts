import type { Kysely } from 'kysely';
import * as audit from '../db/queries/audit.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { openReview, requireOnReview } from './review-access.js';

/** `GET /reviews/{country}/{cycle}/audit`: who did what on a review, newest first, by pages. */
export async function listReviewAudit(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
  page: { limit?: number | undefined; before?: string | undefined } = {},
) {
  const access = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'audit.read', access);
  const events = await audit.listAuditEvents(db, {
    country: access.review.country,
    cycle: access.review.cycle,
    limit: Math.min(Math.max(page.limit ?? 100, 1), 500),
    ...(page.before ? { before: page.before } : {}),
  });
  return { events };
}
