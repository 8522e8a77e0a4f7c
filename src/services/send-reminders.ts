import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as tracking from '../db/queries/tracking.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { pick, type Language } from '../domain/language.js';
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
 * an SMTP server is configured, an e-mail in the cycle's first language (Pacte does not know a
 * person's language), sent after the notifications and the audit event have committed, so a
 * failing server undoes nothing. Anyone else signed in gets `cycle.not_found`, as for the tracking.
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
    return { reminded, addresses: await tracking.focalPointAddresses(trx, countries) };
  });
  let mailed = 0;
  if (mailer && people.addresses.length > 0) {
    const language = (cycle.languages[0] ?? 'fr') as Language;
    const names = new Map((await tracking.trackingOf(db, cycle.id))?.rows.map((r) => [r.country, r.countryName]));
    const t = (key: string, params: Record<string, unknown>) => translate(language, 'ui', key, params);
    const title = pick(cycle.title, language);
    for (const { email, country } of people.addresses) {
      const params = {
        cycle: title,
        country: pick(names.get(country) ?? {}, language) || country,
        date: cycle.dueOn ? formatDate(new Date(`${cycle.dueOn}T00:00:00Z`), language) : '—',
      };
      try {
        await mailer.send({
          to: email,
          subject: t('reminder.mail_subject', params),
          text: t('reminder.mail_text', params),
        });
        mailed++;
      } catch {
        // The in-app reminder is there; the answer says how many e-mails left.
      }
    }
  }
  return { countries, reminded: people.reminded, mailed };
}
