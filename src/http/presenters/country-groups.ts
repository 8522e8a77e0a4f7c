import type { Static } from '@sinclair/typebox';
import type { CountryGroupRow } from '../../db/queries/country-groups.js';
import type { CountryGroup } from '../routes/country-groups/schema.js';

/** A country group as the API answers it. */
export function presentGroup(group: CountryGroupRow): Static<typeof CountryGroup> {
  return {
    id: group.id,
    region: group.region,
    names: group.names,
    countries: group.countries,
    updatedAt: group.updatedAt.toISOString(),
    updatedBy: group.updatedBy,
  };
}
