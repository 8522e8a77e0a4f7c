import type { Kysely } from 'kysely';
import * as digests from '../db/queries/mail-digest.js';
import type { Database } from '../db/schema.js';
import { pick, type Language, type Multilingual } from '../domain/language.js';
import { formatDate } from '../domain/locale-format.js';
import { translate } from '../i18n/index.js';
import type { Mail, Mailer } from './send-mail.js';

/** What every e-mail to a country's focal points names: the cycle, and the country. */
export interface MailAbout {
  cycle: Multilingual;
  country: string;
  countryName: Multilingual;
}

/**
 * What Pacte e-mails a country's focal points about, by kind (held_mail.kind, migrations 021 and
 * 023). The params are what the e-mail names, not its text: a digest keeps them as they are
 * (held_mail.params) and says them in the person's language on the day it goes.
 */
export type FocalPointMail =
  | { kind: 'reminder'; params: MailAbout & { dueOn: string | null } }
  /** `submittedAt`: when the country sent it, ISO 8601. */
  | { kind: 'submission_acknowledged'; params: MailAbout & { submission: number; submittedAt: string } }
  /** `reason`: the secretariat's, as it wrote it. */
  | { kind: 'submission_returned'; params: MailAbout & { submission: number; reason: string } };

/** E-mails ready to go once the use case's transaction has committed. */
export interface Outbox {
  /** Sends them; never throws. How many the SMTP server accepted. */
  send(): Promise<number>;
}

const EMPTY: Outbox = { send: async () => 0 };

/**
 * Tells the focal points of `countries` by e-mail what `mailOf` says for their country. Call it
 * inside the use case's transaction, with its in-app notification: for whoever chose the daily
 * digest the e-mail is held (send-mail-digests.ts) in that same transaction, so neither the
 * notification nor the held e-mail exists without the other. The others' e-mails, each in the
 * person's language (else `fallback`, the cycle's first language), come back in an outbox to send
 * after the commit: a slow SMTP server then holds no lock, and a failing one undoes nothing (the
 * in-app notification is there). Without a mailer (no SMTP server) nothing is held or sent.
 */
export async function mailFocalPoints(
  trx: Kysely<Database>,
  mailer: Mailer | undefined,
  countries: readonly string[],
  fallback: Language,
  mailOf: (country: string, countryName: Multilingual) => FocalPointMail,
): Promise<Outbox> {
  if (!mailer) return EMPTY;
  const recipients = (await digests.focalPointRecipients(trx, countries)).map((recipient) => ({
    recipient,
    mail: mailOf(recipient.country, recipient.countryName),
  }));
  await digests.holdMail(
    trx,
    recipients
      .filter(({ recipient }) => recipient.delivery === 'daily')
      .map(({ recipient, mail }) => ({
        userId: recipient.userId,
        kind: mail.kind,
        params: { ...mail.params },
        language: fallback,
      })),
  );
  const now: Mail[] = recipients
    .filter(({ recipient }) => recipient.delivery === 'immediate')
    .map(({ recipient, mail }) => ({ to: recipient.email, ...focalPointMail(recipient.language ?? fallback, mail) }));
  return {
    async send() {
      let sent = 0;
      for (const mail of now) {
        try {
          await mailer.send(mail);
          sent++;
        } catch {
          // Refused or unreachable: the in-app notification says it; the count says what left.
        }
      }
      return sent;
    },
  };
}

/** An e-mail's subject and plain text in `language` (no HTML: what people wrote goes as written). */
export function focalPointMail(language: Language, mail: FocalPointMail): { subject: string; text: string } {
  const t = (key: string, values: Record<string, unknown>) => translate(language, 'ui', key, values);
  const about = {
    cycle: pick(mail.params.cycle, language),
    country: pick(mail.params.countryName, language) || mail.params.country,
  };
  switch (mail.kind) {
    case 'reminder': {
      const { dueOn } = mail.params;
      const values = { ...about, date: dueOn ? formatDate(new Date(`${dueOn}T00:00:00Z`), language) : '—' };
      return { subject: t('reminder.mail_subject', values), text: t('reminder.mail_text', values) };
    }
    case 'submission_acknowledged': {
      const { submission, submittedAt } = mail.params;
      const values = { ...about, number: submission, date: formatDate(new Date(submittedAt), language) };
      return {
        subject: t('submission.acknowledged_mail_subject', values),
        text: t('submission.acknowledged_mail_text', values),
      };
    }
    case 'submission_returned': {
      const values = { ...about, number: mail.params.submission, reason: mail.params.reason };
      return {
        subject: t('submission.returned_mail_subject', values),
        text: t('submission.returned_mail_text', values),
      };
    }
  }
}
