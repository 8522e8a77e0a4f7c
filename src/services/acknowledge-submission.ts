import type { Kysely } from 'kysely';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockReview } from './review-access.js';
import type { Mailer } from './send-mail.js';
import { findSubmission, mailingOf, notifyFocalPoints, openSubmissions } from './submission-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST …/submissions/{number}/acknowledgement`: the region's secretariat acknowledges receipt
 * of a submission, once; the country's focal points are told in-app and, with an SMTP server,
 * by e-mail naming the submission and its date (mail-focal-points.ts: after the commit, or in
 * their daily digest). Decided under the review's lock (for update), so of two acknowledgements
 * at once the second sees the first and is refused (the database's unique index refuses it too).
 */
export async function acknowledgeSubmission(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; number: number },
  mailer?: Mailer,
): Promise<submissions.SubmissionEvent & { number: number }> {
  const { access: seen, who } = await openSubmissions(db, actor, target, 'submission.acknowledge');
  const mailing = await mailingOf(db, seen, mailer);
  const { outbox, ...acknowledged } = await inTransaction(db, async (trx) => {
    const access = await lockReview(trx, seen, 'update');
    const submission = await findSubmission(trx, access, target.number);
    if (submission.acknowledgedAt !== null) {
      throw new PacteError('submission.already_acknowledged', {
        country: access.review.country,
        number: target.number,
        at: submission.acknowledgedAt.toISOString(),
      });
    }
    const event = await submissions.addEvent(trx, {
      reviewId: access.review.id,
      number: target.number,
      kind: 'acknowledged',
      actor: who.name,
      body: null,
    });
    await recordAudit(trx, who, 'submission.acknowledge', {
      country: access.review.country,
      cycle: access.review.cycle,
      details: { submission: target.number },
    });
    await notifyFocalPoints(trx, access, 'submission_acknowledged', { submission: target.number });
    const outbox = await mailing.mail(trx, (about) => ({
      kind: 'submission_acknowledged',
      params: { ...about, submission: target.number, submittedAt: submission.submittedAt.toISOString() },
    }));
    return { ...event, number: target.number, outbox };
  });
  await outbox.send();
  return acknowledged;
}
