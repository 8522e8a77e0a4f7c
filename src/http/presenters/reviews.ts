import type { Static } from '@sinclair/typebox';
import type { StoredReview } from '../../services/get-review.js';
import type { ReviewSummary } from '../../db/queries/reviews.js';
import type { Review } from '../routes/reviews/schema.js';
import { known } from './known.js';

/** The query leaves removed objectives out: a review shows the suggested and the confirmed ones. */
const SHOWN_OBJECTIVE_STATUSES = ['suggested', 'confirmed'] as const;

/** The address of a review in the API (the review JSON). */
export const reviewUrl = (country: string, cycle: string) => `/api/v1/reviews/${country}/${cycle}`;

/** A review in the list: what it is, how far it is, and where to read it. */
export function presentReviewSummary(review: ReviewSummary) {
  return {
    country: review.country,
    cycle: review.cycle,
    language: review.language,
    title: review.title,
    status: review.status,
    answered: review.answered,
    synthetic: review.synthetic,
    updatedAt: review.updatedAt.toISOString(),
    url: reviewUrl(review.country, review.cycle),
  };
}

/**
 * The review JSON, as stored or as published. Objectives of a stored review carry their status
 * (`suggested` or `confirmed`: removed ones are left out by the query, and the database allows
 * no other); a published version holds what the stored review was when it was published.
 */
export function presentReview(review: StoredReview): Static<typeof Review> {
  const objectives = Object.fromEntries(
    Object.entries(review.objectives).map(([questionId, list]) => [
      questionId,
      list.map(({ number, score, evidence, status }) => ({
        number,
        score,
        evidence,
        status: known(SHOWN_OBJECTIVE_STATUSES, status),
      })),
    ]),
  );
  return {
    country: review.country,
    cycle: review.cycle,
    language: review.language,
    title: review.title,
    sections: review.sections,
    facts: review.facts,
    objectives,
    ...(review.synthetic ? { synthetic: true as const } : {}),
  };
}
