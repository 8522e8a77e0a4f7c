import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as digests from '../db/queries/mail-digest.js';
import * as tracking from '../db/queries/tracking.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { isLanguage, pick, type Language, type Multilingual } from '../domain/language.js';
import { formatDate } from '../domain/locale-format.js';
import { can, type Actor } from '../domain/permissions.js';
import { translate } from '../i18n/index.js';
import { recordAudit } from './audit.js';
import { getTracking } from './get-tracking.js';
import { notifyCountry } from './notify.js';
import type { Mailer } from './send-mail.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /cycles/{cycle}/reminders`: the region's secretariat reminds the focal points of some
 * participating countries, or of every overdue one (`late: true`, as the tracking decides), of
 * the cycle's due date. Each focal point gets an in-app notification (kind `reminder`) and, when
 * an SMTP server is configured, an e-mail in their language (their preference, else the cycle's
 * first language), sent after the notifications and the audit event have committed, so a failing
 * server undoes nothing — or, for those who chose a daily digest, held for it (`mailed` counts
 * the e-mails sent now). Anyone else signed in gets `cycle.not_found`, as for the tracking.
 */
export async function sendReminders(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  request: { countries?: string[] | undefined; late?: boolean | undefined },
  mailer: Mailer | undefined,
): Promise<{ countries: string[]; reminded: number; mailed: number }> {
  if (!actor) throw new PacteError('auth.required');
  const cycle = await cycles.findCycle(db, cycleId);
  if (!cycle || !can(actor, 'cycle.manage', { region: cycle.regionId })) {
    throw new PacteError('cycle.not_found', { cycle: cycleId });
  }
  const asked = [...new Set((request.countries ?? []).map((c) => c.toUpperCase()))];
  const strangers = asked.filter((c) => !cycle.countries.includes(c));
  if (strangers.length > 0) throw new PacteError('cycle.unknown_country', { countries: strangers.join(', ') });
  const late = request.late ? (await getTracking(db, actor, cycle.id, { overdue: true })).countries : [];
  const countries = [...new Set([...asked, ...late.map((c) => c.country)])].sort();
  const first = (cycle.languages[0] ?? 'fr') as Language;
  const names = new Map(
    mailer ? (await tracking.trackingOf(db, cycle.id))?.rows.map((r) => [r.country, r.countryName]) : [],
  );
  const paramsOf = (country: string): ReminderParams => ({
    cycle: cycle.title,
    country,
    countryName: names.get(country) ?? {},
    dueOn: cycle.dueOn,
  });
  const people = await inTransaction(db, async (trx) => {
    let reminded = 0;
    for (const country of countries) {
      reminded += await notifyCountry(trx, country, ['focal_point'], {
        kind: 'reminder',
        country,
        cycle: cycle.id,
        questionId: null,
        details: { dueOn: cycle.dueOn },
      });
    }
    await recordAudit(trx, actor, 'cycle.remind', {
      cycle: cycle.id,
      details: { countries, reminded, late: !!request.late },
    });
    const addresses = mailer ? await tracking.focalPointAddresses(trx, countries) : [];
    // Whoever takes a daily digest gets this e-mail in it (send-mail-digests.ts), held with the
    // notification so that neither exists without the other.
    await digests.holdMail(
      trx,
      addresses
        .filter((a) => a.delivery === 'daily')
        .map((a) => ({ userId: a.userId, kind: 'reminder', params: { ...paramsOf(a.country) }, language: first })),
    );
    return { reminded, addresses: addresses.filter((a) => a.delivery === 'immediate') };
  });
  let mailed = 0;
  for (const { email, country, language } of mailer ? people.addresses : []) {
    try {
      await mailer?.send({ to: email, ...reminderMail(isLanguage(language) ? language : first, paramsOf(country)) });
      mailed++;
    } catch {
      // The in-app reminder is there; the answer says how many e-mails left.
    }
  }
  return { countries, reminded: people.reminded, mailed };
}

/** What a reminder e-mail names, kept as is for a digest (held_mail.params). */
export interface ReminderParams {
  cycle: Multilingual;
  country: string;
  countryName: Multilingual;
  dueOn: string | null;
}

/** A reminder's subject and text in `language`. */
export function reminderMail(language: Language, params: ReminderParams): { subject: string; text: string } {
  const values = {
    cycle: pick(params.cycle, language),
    country: pick(params.countryName, language) || params.country,
    date: params.dueOn ? formatDate(new Date(`${params.dueOn}T00:00:00Z`), language) : '—',
  };
  return {
    subject: translate(language, 'ui', 'reminder.mail_subject', values),
    text: translate(language, 'ui', 'reminder.mail_text', values),
  };
}
