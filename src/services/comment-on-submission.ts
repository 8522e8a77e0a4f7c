import type { Kysely } from 'kysely';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockReview } from './review-access.js';
import { findSubmission, notifyFocalPoints, openSubmissions, submissionText } from './submission-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST …/submissions/{number}/comments`: the region's secretariat comments on a submission (any
 * of them: a comment on an older one stays with it); the focal points are told, with the comment.
 */
export async function commentOnSubmission(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; number: number },
  text: string,
): Promise<submissions.SubmissionEvent & { number: number }> {
  const { access: seen, who } = await openSubmissions(db, actor, target, 'submission.comment');
  return inTransaction(db, async (trx) => {
    // A share lock: comments do not wait for each other, and a review being returned is seen as it is.
    const access = await lockReview(trx, seen, 'share');
    await findSubmission(trx, access, target.number);
    const body = submissionText(text);
    if (!body) throw new PacteError('workflow.comment_required');
    const event = await submissions.addEvent(trx, {
      reviewId: access.review.id,
      number: target.number,
      kind: 'comment',
      actor: who.name,
      body,
    });
    await recordAudit(trx, who, 'submission.comment', {
      country: access.review.country,
      cycle: access.review.cycle,
      details: { submission: target.number, comment: event.id },
    });
    await notifyFocalPoints(trx, access, 'submission_comment', { submission: target.number, comment: body });
    return { ...event, number: target.number };
  });
}
