import type { Kysely } from 'kysely';
import * as people from '../db/queries/people.js';
import type { Person } from '../db/queries/people.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { mayManage, regionsOfCountries, requirePeopleManager } from './invitation-scope.js';

/**
 * The people whose roles the actor manages, each with those roles only (enabled or disabled):
 * a secretariat sees its region's focal points — deputies included: a country may have several
 * — and validators, a focal point its country's contributors and stakeholders. `country` keeps
 * one country's.
 */
export async function listPeople(
  db: Kysely<Database>,
  by: Actor | null,
  filter: { country?: string | undefined } = {},
): Promise<Person[]> {
  const actor = requirePeopleManager(by);
  const regionsOf = await regionsOfCountries(db);
  const country = filter.country?.toUpperCase();
  return (await people.listPeople(db))
    .map((person) => ({
      ...person,
      grants: person.grants.filter(
        (g) => mayManage(actor, g, regionsOf) && (country === undefined || g.country === country),
      ),
    }))
    .filter((person) => person.grants.length > 0);
}
