import type { Kysely } from 'kysely';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { canSeeReview, type Actor } from '../domain/permissions.js';

/**
 * The reviews `actor` may see, with how many questions each answers: published ones for
 * everyone, and the unpublished ones their roles let them read. A published review being
 * corrected stays listed for everyone else, as published (its latest version is what they read).
 */
export async function listReviews(db: Kysely<Database>, actor: Actor | null): Promise<reviews.ReviewSummary[]> {
  return (await reviews.listReviews(db)).flatMap((r) => {
    if (canSeeReview(actor, { country: r.country, region: r.region, status: r.status })) return [r];
    return r.published ? [{ ...r, status: 'published' }] : [];
  });
}
