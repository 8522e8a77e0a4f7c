import type { Kysely } from 'kysely';
import * as digests from '../db/queries/mail-digest.js';
import type { Database } from '../db/schema.js';
import { translate } from '../i18n/index.js';
import type { MailSettings } from '../config.js';
import { focalPointMail, type FocalPointMail } from './mail-focal-points.js';
import { smtpMailer, type Mailer } from './send-mail.js';
import { inTransaction } from './use-case.js';

/** How often `pacte serve` looks for digests that are due; each person still gets at most one a day. */
export const DIGEST_CHECK_MINUTES = 60;

/**
 * The daily digest (migration 021): to each person who chose it and whose last digest is a day
 * old or more (or who went back to immediate delivery), ONE e-mail naming every e-mail held for
 * them since, in their language (else the language the first one would have had). `pacte serve`
 * runs it every DIGEST_CHECK_MINUTES, `pacte mail digest` once.
 *
 * Several instances may run it at once: each person is claimed in a short transaction (row lock,
 * SKIP LOCKED, schedule moved to `now`) that commits before the e-mail is sent, so a slow SMTP
 * server holds no lock and nobody gets the digest twice. Once the server accepted it, what it
 * named is no longer held; if it refused, the schedule goes back and the next run tries again.
 */
export async function sendMailDigests(
  db: Kysely<Database>,
  mailer: Mailer | undefined,
  now: Date = new Date(),
): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  if (!mailer) return result;
  const refused = new Set<number>();
  for (;;) {
    // A person whose digest was refused in this run is due again (schedule put back): not now.
    const claimed = await inTransaction(db, (trx) => digests.claimDueDigest(trx, now, [...refused]));
    if (!claimed) break;
    try {
      await mailer.send({ to: claimed.email, ...digestMail(claimed) });
      await inTransaction(db, (trx) =>
        digests.releaseHeldMail(
          trx,
          claimed.mails.map((m) => m.id),
        ),
      );
      result.sent++;
    } catch {
      refused.add(claimed.userId);
      await inTransaction(db, (trx) => digests.unclaimDigest(trx, claimed.userId, claimed.previous));
      result.failed++;
    }
  }
  return result;
}

/** One e-mail listing the held ones, each with its own subject and text (by its kind), numbered. */
export function digestMail(digest: digests.ClaimedDigest): { subject: string; text: string } {
  const language = digest.language ?? digest.mails[0]?.language ?? 'fr';
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, 'ui', key, params);
  const items = digest.mails.map((mail, n) => {
    // held_mail.params is what mailFocalPoints held for this kind (migration 023 lists the kinds).
    const { subject, text } = focalPointMail(language, {
      kind: mail.kind,
      params: mail.params,
    } as unknown as FocalPointMail);
    return `${n + 1}. ${subject}\n\n${text}`;
  });
  return {
    subject: t('digest.mail_subject', { count: digest.mails.length }),
    text: [t('digest.mail_intro', { count: digest.mails.length }), ...items, t('digest.mail_outro')].join(
      '\n\n————\n\n',
    ),
  };
}

/**
 * `pacte serve`'s digest round: sendMailDigests now and every DIGEST_CHECK_MINUTES while the
 * server runs, with a mailer of its own; nothing without an SMTP server. The schedule is in the
 * database (each person's last digest), so a restart or a second instance sends nothing twice.
 * The timer does not keep the process alive, and stops when the server closes.
 */
export function scheduleMailDigests(
  app: { addHook(name: 'onClose', hook: () => Promise<void>): unknown; log: { error(o: unknown, m: string): void } },
  db: Kysely<Database>,
  mail: MailSettings | undefined,
): void {
  if (!mail) return;
  const mailer = smtpMailer(mail);
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sendMailDigests(db, mailer).catch((error: unknown) => app.log.error({ err: error }, 'mail digests'));
  };
  const timer = setInterval(run, DIGEST_CHECK_MINUTES * 60_000);
  timer.unref();
  run();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
    mailer.close();
  });
}
