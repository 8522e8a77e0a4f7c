import type { Kysely } from 'kysely';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { storedReview } from './get-review.js';
import { submissionText } from './submission-access.js';
import type { LockedReview } from './review-access.js';

/**
 * Keeps what a country submits to its region's secretariat: the review JSON as it is at the
 * move to `submitted`, as the next submission of the review, with who sent it and the optional
 * transmittal note. Called by moveLockedReview, in its transaction and under its lock (the
 * database refuses a submission of a review that is not submitted, and any later change).
 */
export async function recordSubmission(
  trx: Kysely<Database>,
  who: Actor,
  access: LockedReview,
  note: string | undefined,
): Promise<number> {
  const document = await storedReview(trx, access.review, access.questionnaire);
  const number = await submissions.addSubmission(trx, access.review.id, {
    submittedBy: who.name,
    note: submissionText(note),
    document,
  });
  await recordAudit(trx, who, 'submission.record', {
    country: access.review.country,
    cycle: access.review.cycle,
    details: { submission: number },
  });
  return number;
}
