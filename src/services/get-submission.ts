import type { Kysely } from 'kysely';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import type { StoredReview } from './get-review.js';
import { notFound, openSubmissions, recordFor } from './submission-access.js';

export interface SubmissionRecord extends submissions.SubmissionRow {
  country: string;
  cycle: string;
  /** The review JSON as it was submitted: it never changes (migration 015). */
  review: StoredReview;
  events: submissions.SubmissionEvent[];
}

/**
 * `GET /reviews/{country}/{cycle}/submissions/{number}`: one submission as it was received, with
 * what happened to it since (acknowledgement, comments, return). This, not the working copy, is
 * what the secretariat reads of a country's review: it stays when the country takes it back. A
 * translator reads the answers, not the exchange around them (`recordFor`).
 */
export async function getSubmission(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; number: number },
): Promise<SubmissionRecord> {
  const { access } = await openSubmissions(db, actor, target, 'submission.read');
  const found = await submissions.findSubmission(db, access.review.id, target.number);
  if (!found) throw notFound(access, target.number);
  const { document, ...row } = found;
  const record = recordFor(actor, access);
  return {
    ...record.row(row),
    country: access.review.country,
    cycle: access.review.cycle,
    review: document as StoredReview,
    events: (await submissions.listEvents(db, access.review.id, target.number)).map(record.event),
  };
}
