import type { Kysely } from 'kysely';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';

export type ReviewSummary = reviews.ReviewSummary;

/** Every review, with how many questions it answers (until accounts exist, all are public). */
export async function listReviews(db: Kysely<Database>): Promise<reviews.ReviewSummary[]> {
  return reviews.listReviews(db);
}
