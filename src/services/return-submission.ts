import type { Kysely } from 'kysely';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { moveLockedReview } from './move-review.js';
import { lockReview } from './review-access.js';
import type { Mailer } from './send-mail.js';
import { findSubmission, mailingOf, notifyFocalPoints, openSubmissions, submissionText } from './submission-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST …/submissions/{number}/return`: the region's secretariat returns the review to the
 * country with a reason. The review goes back to `draft` (the move `submitted → draft`, action
 * submission.return: domain/workflow.ts, migration 015), the submission keeps the return and its
 * reason, the audit log both, and the focal points are told why: in-app and, with an SMTP server,
 * by e-mail quoting the reason as written (mail-focal-points.ts: after the commit, or in their daily
 * digest). Only the latest submission of a review still submitted can be returned: its next
 * submission will be a new record.
 */
export async function returnSubmission(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; number: number },
  request: { reason?: string | undefined },
  mailer?: Mailer,
): Promise<{ country: string; cycle: string; number: number; status: 'draft'; reason: string }> {
  const { access: seen, who } = await openSubmissions(db, actor, target, 'submission.return');
  const mailing = await mailingOf(db, seen, mailer);
  const { outbox, ...returned } = await inTransaction(db, async (trx) => {
    const access = await lockReview(trx, seen, 'update');
    const where = { country: access.review.country, cycle: access.review.cycle };
    const submission = await findSubmission(trx, access, target.number);
    const latest = await submissions.latestNumber(trx, access.review.id);
    if (target.number !== latest) {
      throw new PacteError('submission.not_latest', { ...where, number: target.number, latest });
    }
    if (submission.returnedAt !== null) {
      throw new PacteError('submission.already_returned', { ...where, number: target.number });
    }
    if (access.review.status !== 'submitted') {
      // The country took it back (validated) or it was published: there is nothing to return.
      throw new PacteError('review.not_in_state', { status: access.review.status, expected: 'submitted' });
    }
    const reason = submissionText(request.reason);
    if (!reason) throw new PacteError('workflow.reason_required');
    // The move itself: checked against the workflow, audited as any status move (with its reason).
    await moveLockedReview(trx, who, access, { to: 'draft', reason });
    await submissions.addEvent(trx, {
      reviewId: access.review.id,
      number: target.number,
      kind: 'returned',
      actor: who.name,
      body: reason,
    });
    await recordAudit(trx, who, 'submission.return', { ...where, details: { submission: target.number, reason } });
    await notifyFocalPoints(trx, access, 'submission_returned', { submission: target.number, reason });
    const outbox = await mailing.mail(trx, (about) => ({
      kind: 'submission_returned',
      params: { ...about, submission: target.number, reason },
    }));
    return { ...where, number: target.number, status: 'draft' as const, reason, outbox };
  });
  await outbox.send();
  return returned;
}
