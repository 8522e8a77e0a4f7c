/**
 * Entities: the ministries, agencies and organisations of a country that contribute to its
 * review (government side) or give inputs to it (the whole-of-society stakeholders). The
 * categories are those of migrations/004_accounts.sql.
 */
export const ENTITY_CATEGORIES = [
  'government',
  'public_institution',
  'local_authority',
  'civil_society',
  'migrant_association',
  'private_sector',
  'union',
  'academia',
  'international_organisation',
  'un',
] as const;
export type EntityCategory = (typeof ENTITY_CATEGORIES)[number];

export const isEntityCategory = (value: string): value is EntityCategory =>
  (ENTITY_CATEGORIES as readonly string[]).includes(value);

export interface Entity {
  id: number;
  country: string;
  name: string;
  category: EntityCategory;
}
