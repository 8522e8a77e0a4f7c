import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { getTracking } from './get-tracking.js';
import { mailFocalPoints } from './mail-focal-points.js';
import { notifyCountry } from './notify.js';
import type { Mailer } from './send-mail.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /cycles/{cycle}/reminders`: the region's secretariat reminds the focal points of some
 * participating countries, or of every overdue one (`late: true`, as the tracking decides), of
 * the cycle's due date. Each focal point gets an in-app notification (kind `reminder`) and, when
 * an SMTP server is configured, an e-mail (mail-focal-points.ts: in their language, sent once the
 * notifications and the audit event have committed, or held for those who chose a daily digest;
 * `mailed` counts the e-mails the server accepted now). Anyone else signed in gets
 * `cycle.not_found`, as for the tracking.
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
  const { reminded, outbox } = await inTransaction(db, async (trx) => {
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
    const outbox = await mailFocalPoints(
      trx,
      mailer,
      countries,
      (cycle.languages[0] ?? 'fr') as Language,
      (country, countryName) => ({
        kind: 'reminder',
        params: { cycle: cycle.title, country, countryName, dueOn: cycle.dueOn },
      }),
    );
    return { reminded, outbox };
  });
  return { countries, reminded, mailed: await outbox.send() };
}
