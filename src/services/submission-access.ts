import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { isLanguage } from '../domain/language.js';
import { can, type Action, type Actor } from '../domain/permissions.js';
import { mailFocalPoints, type FocalPointMail, type MailAbout, type Outbox } from './mail-focal-points.js';
import { notifyCountry } from './notify.js';
import { openReview, requireOnReview, type ReviewAccess } from './review-access.js';
import type { Mailer } from './send-mail.js';

/**
 * The submissions of a review, for `action`: its country's team reads them; the region's
 * secretariat reads them once the review was submitted, and acts on them. Anyone who may not
 * know that the review exists gets `review.not_found`; who knows it but may not do this,
 * `auth.required` or `auth.forbidden`. The secretariat's access stops at the submissions: no
 * service reads the working copy for it.
 */
export async function openSubmissions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
  action: Action,
): Promise<{ access: ReviewAccess; who: Actor }> {
  const access = await openReview(db, actor, target.country, target.cycle, { submissions: true });
  return { access, who: requireOnReview(actor, action, access) };
}

/**
 * What of a submission's record `actor` reads: everything for who follows the exchange between the
 * country and the secretariat (`submission.follow`); for a translator, who reads the answers to
 * translate them, the texts of that exchange — the transmittal note, the return's reason, the
 * comments — are withheld (null), their dates and kinds kept.
 */
export function recordFor(actor: Actor | null, access: ReviewAccess) {
  const follows = can(actor, 'submission.follow', access.scope);
  return {
    row: <T extends submissions.SubmissionRow>(row: T): T =>
      follows ? row : { ...row, note: null, returnReason: null },
    event: (event: submissions.SubmissionEvent): submissions.SubmissionEvent =>
      follows ? event : { ...event, body: null },
  };
}

/** One submission of the review (without its document), or `submission.not_found`. */
export async function findSubmission(db: Kysely<Database>, access: ReviewAccess, number: number) {
  const found = (await submissions.listSubmissions(db, access.review.id)).find((s) => s.number === number);
  if (!found) throw notFound(access, number);
  return found;
}

export function notFound(access: ReviewAccess, number: number) {
  return new PacteError('submission.not_found', {
    country: access.review.country,
    cycle: access.review.cycle,
    number,
  });
}

/**
 * A note, a comment or a reason as it is kept: NFC, line breaks kept (a transmittal note may have
 * paragraphs), surrounding blanks trimmed; empty is no text (null).
 */
export function submissionText(text: string | undefined): string | null {
  const cleaned = (text ?? '').normalize('NFC').replace(/\r\n?/gu, '\n').trim();
  return cleaned === '' ? null : cleaned;
}

/** Tells the country's focal points what the secretariat did with its submission (in-app). */
export async function notifyFocalPoints(
  trx: Kysely<Database>,
  access: ReviewAccess,
  kind: 'submission_acknowledged' | 'submission_comment' | 'submission_returned',
  details: { submission: number; comment?: string; reason?: string },
): Promise<void> {
  await notifyCountry(trx, access.review.country, ['focal_point'], {
    kind,
    country: access.review.country,
    cycle: access.review.cycle,
    questionId: null,
    details,
  });
}

/**
 * How a use case on a submission e-mails the review's focal points (mail-focal-points.ts): the
 * cycle's title and first language (the e-mail's language for whoever chose none) are read here,
 * before the use case's transaction, and nothing without a mailer; `mail`, called inside the
 * transaction with the in-app notification, holds or prepares the e-mail `build` describes.
 */
export async function mailingOf(
  db: Kysely<Database>,
  access: ReviewAccess,
  mailer: Mailer | undefined,
): Promise<{ mail(trx: Kysely<Database>, build: (about: MailAbout) => FocalPointMail): Promise<Outbox> }> {
  const cycle = mailer ? await cycles.findCycle(db, access.review.cycle) : undefined;
  const first = cycle?.languages[0];
  const fallback = isLanguage(first) ? first : access.review.language;
  return {
    mail: (trx, build) =>
      mailFocalPoints(trx, mailer, [access.review.country], fallback, (country, countryName) =>
        build({ cycle: cycle?.title ?? {}, country, countryName }),
      ),
  };
}
