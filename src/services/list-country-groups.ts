import type { Kysely } from 'kysely';
import * as groups from '../db/queries/country-groups.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';

/**
 * `GET /regions/{region}/groups`: a region's country groups. Public, like the region and its
 * members: the public comparison of published answers filters by them too.
 */
export async function listCountryGroups(db: Kysely<Database>, region: string): Promise<groups.CountryGroupRow[]> {
  if (!(await groups.regionMembers(db, region))) throw new PacteError('region.not_found', { region });
  return groups.listGroups(db, region);
}
