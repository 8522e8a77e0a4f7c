import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, managesPeople, type Actor, type Grant } from '../domain/permissions.js';

/** The regions of each country (a country may take part in several: Morocco in the Arab and African reviews). */
export type RegionsOf = (country: string) => readonly string[];

export async function regionsOfCountries(db: Kysely<Database>): Promise<RegionsOf> {
  const byCountry = new Map((await catalogue.listCountries(db)).map((c) => [c.code, c.regions]));
  return (country) => byCountry.get(country) ?? [];
}

/**
 * Whether the actor may give, withdraw, disable or enable this role (`people.manage`): a
 * secretariat for a country of its region — of any of the country's regions —, a focal point
 * for an entity of its country, an administrator for anyone.
 */
export function mayManage(actor: Actor, grant: Grant, regionsOf: RegionsOf): boolean {
  const scope = {
    role: grant.role,
    ...(grant.country !== null ? { country: grant.country } : {}),
    ...(grant.entity !== null ? { entity: grant.entity } : {}),
    // a role of a region (translator) is managed by that region's secretariat
    ...(grant.country === null && grant.region !== null ? { region: grant.region } : {}),
  };
  const regions = grant.country !== null ? regionsOf(grant.country) : [];
  return (
    can(actor, 'people.manage', scope) || regions.some((region) => can(actor, 'people.manage', { ...scope, region }))
  );
}

/** The actor, when it manages someone's roles; `auth.required` or `auth.forbidden` otherwise. */
export function requirePeopleManager(actor: Actor | null): Actor {
  if (!actor) throw new PacteError('auth.required');
  if (!managesPeople(actor)) throw new PacteError('auth.forbidden', { action: 'people.manage' });
  return actor;
}
