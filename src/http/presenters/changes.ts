import type { Static } from '@sinclair/typebox';
import type { CountryChange } from '../../services/get-country-change.js';
import type { RegionChange } from '../../services/get-region-change.js';
import type { getCountryChangeSchema, getRegionChangeSchema } from '../routes/changes/schema.js';

/** A country's change between two cycles as the API answers it (dates as ISO strings). */
export function presentCountryChange(c: CountryChange): Static<(typeof getCountryChangeSchema.response)[200]> {
  const side = (s: CountryChange['from']) => ({ ...s, at: s.at?.toISOString() ?? null });
  return { ...c, from: side(c.from), to: side(c.to) };
}

export function presentRegionChange(c: RegionChange): Static<(typeof getRegionChangeSchema.response)[200]> {
  const at = (s: { number: number; at: Date }) => ({ number: s.number, at: s.at.toISOString() });
  return {
    from: c.from.id,
    to: c.to.id,
    region: c.to.regionId,
    synthetic: c.to.synthetic,
    countries: c.countries.map((row) => ({ ...row, from: at(row.from), to: at(row.to) })),
    notCompared: c.notCompared,
  };
}
