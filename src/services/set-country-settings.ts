import type { Kysely } from 'kysely';
import { findCountrySettings, setCountrySettings, type CountrySettings } from '../db/queries/country-settings.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT /countries/{country}/settings` and `pacte country settings`: an administrator waives (or
 * restores) the separation of duties for one country — the author of an answer's current text may
 * then approve it (a team where one person is both focal point and validator). What is not given
 * stays. Audited when it changes (country.settings, with before and after): a waived rule is
 * something the country will be asked about.
 */
export async function setCountrySettingsFor(
  db: Kysely<Database>,
  actor: Actor | null,
  country: string,
  change: Partial<CountrySettings>,
): Promise<CountrySettings & { country: string }> {
  if (!actor) throw new PacteError('auth.required');
  const code = country.toUpperCase();
  return inTransaction(db, async (trx) => {
    const before = await findCountrySettings(trx, code, true);
    if (!before) throw new PacteError('country.not_found', { country });
    if (!can(actor, 'country.settings', { country: code }))
      throw new PacteError('auth.forbidden', { action: 'country.settings', country: code });
    const after: CountrySettings = { selfApproval: change.selfApproval ?? before.selfApproval };
    if (after.selfApproval !== before.selfApproval) {
      await setCountrySettings(trx, code, after);
      await recordAudit(trx, actor, 'country.settings', { country: code, details: { before, after } });
    }
    return { country: code, ...after };
  });
}
