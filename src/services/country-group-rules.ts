import type { Kysely } from 'kysely';
import * as groups from '../db/queries/country-groups.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { LANGUAGES, type Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import { requireAllowed } from './require-allowed.js';

/** A group's id: what the side-by-side view's `group` filter and the API's address name it by. */
export const GROUP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/u;

export interface GroupRequest {
  names: Partial<Record<string, string>>;
  countries: string[];
}

/**
 * Who edits a region's groups: its secretariat and administrators (the action that lets them
 * organise the region's cycles, `cycle.manage`); anyone else 403, signed out 401. The region must
 * exist (404 `region.not_found`, told only to who may edit it).
 */
export async function openRegionGroups(
  db: Kysely<Database>,
  actor: Actor | null,
  region: string,
): Promise<{ who: Actor; members: string[] }> {
  const who = requireAllowed(actor, 'cycle.manage', { region });
  const members = await groups.regionMembers(db, region);
  if (!members) throw new PacteError('region.not_found', { region });
  return { who, members };
}

/** Names in the three languages (trimmed, NFC) and members of the region, or a specific error. */
export async function checkGroup(
  db: Kysely<Database>,
  members: string[],
  request: GroupRequest,
): Promise<{ names: Multilingual; countries: string[] }> {
  const names: Multilingual = {};
  const missing: string[] = [];
  for (const language of LANGUAGES) {
    const name = (request.names[language] ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
    if (name === '' || name.length > 120) missing.push(language);
    else names[language] = name;
  }
  if (missing.length > 0) throw new PacteError('group.names_missing', { languages: missing.join(', ') });
  const countries = [...new Set(request.countries.map((c) => c.trim().toUpperCase()))].sort();
  const outside = countries.filter((c) => !members.includes(c));
  if (outside.length > 0) {
    const known = new Set(await groups.existingCountries(db, outside));
    const unknown = outside.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new PacteError('group.unknown_country', { countries: unknown.join(', ') });
    throw new PacteError('group.country_outside_region', { countries: outside.join(', ') });
  }
  return { names, countries };
}
