import type { Kysely } from 'kysely';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { openSubmissions, recordFor } from './submission-access.js';

/**
 * `GET /reviews/{country}/{cycle}/submissions`: what the country sent to its region's
 * secretariat, newest first, each with its acknowledgement, return and number of comments.
 * Read by the country's team and by the region's secretariat (once the review was submitted), and
 * by the region's translators without the exchange's texts (`recordFor`).
 */
export async function listReviewSubmissions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
): Promise<{ country: string; cycle: string; submissions: submissions.SubmissionRow[] }> {
  const { access } = await openSubmissions(db, actor, target, 'submission.read');
  return {
    country: access.review.country,
    cycle: access.review.cycle,
    submissions: (await submissions.listSubmissions(db, access.review.id)).map(recordFor(actor, access).row),
  };
}
