import type { Kysely } from 'kysely';
import { listAuditEvents } from '../db/queries/audit.js';
import { findCountrySettings, type CountrySettings } from '../db/queries/country-settings.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';

/**
 * `GET /countries/{country}/settings`: what an administrator set for a country (migration 024),
 * read by its administrators and by the country's team, whose buttons depend on it. Countries
 * are public (the catalogue lists them), so an unknown code is `country.not_found` for anyone.
 * Administrators also read the setting's audited changes (country.settings), newest first.
 */
export async function getCountrySettings(
  db: Kysely<Database>,
  actor: Actor | null,
  country: string,
): Promise<CountrySettings & { country: string; changes: SettingsChange[] }> {
  if (!actor) throw new PacteError('auth.required');
  const code = country.toUpperCase();
  const settings = await findCountrySettings(db, code);
  if (!settings) throw new PacteError('country.not_found', { country });
  if (!can(actor, 'country.settings', { country: code }) && !can(actor, 'review.read', { country: code }))
    throw new PacteError('auth.forbidden', { action: 'country.settings', country: code });
  const changes = can(actor, 'country.settings', { country: code })
    ? await listAuditEvents(db, { country: code, action: 'country.settings', limit: CHANGES })
    : [];
  return {
    country: code,
    ...settings,
    changes: changes.map((e) => ({
      at: e.at,
      actor: e.actor,
      selfApproval: (e.details.after as Partial<CountrySettings> | undefined)?.selfApproval === true,
    })),
  };
}

/** How many of the latest changes the administrators read. */
const CHANGES = 10;

export interface SettingsChange {
  at: Date;
  actor: string;
  /** The waiver as the change left it. */
  selfApproval: boolean;
}
