/** Country groups of a region: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import { DateTime, Lang, MultilingualRef, PUBLIC, SIGNED_IN, problems } from '../../contract.js';

const tags = ['regions'];
const RegionParams = Type.Object({ region: Type.String({ minLength: 1, maxLength: 64, examples: ['arab'] }) });
const GroupParams = Type.Object({
  region: RegionParams.properties.region,
  group: Type.String({ minLength: 1, maxLength: 100, examples: ['maghreb'] }),
});
const LangOnly = Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false });

export const CountryGroup = Type.Object(
  {
    id: Type.String({ examples: ['maghreb'] }),
    region: Type.String({ examples: ['arab'] }),
    names: MultilingualRef,
    countries: Type.Array(Type.String(), { description: 'member countries of the region, ISO 3166-1 alpha-3' }),
    updatedAt: DateTime(),
    updatedBy: Type.String(),
  },
  { additionalProperties: false },
);

// Names and countries are checked by the service, so that each mistake gets its own code
// (group.names_missing, group.unknown_country, group.country_outside_region).
const GroupBody = {
  names: Type.Object(
    {
      fr: Type.Optional(Type.String({ maxLength: 200 })),
      en: Type.Optional(Type.String({ maxLength: 200 })),
      ar: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false, description: 'the group’s name in French, English and Arabic (all three)' },
  ),
  countries: Type.Array(Type.String({ maxLength: 8 }), { maxItems: 300, description: 'ISO 3166-1 alpha-3 codes' }),
};
const refusals =
  'Refused with group.names_missing, group.unknown_country or group.country_outside_region; nothing is written then. ' +
  'The region’s secretariat and administrators only (403 otherwise). Audited.';

export const listGroupsSchema = {
  operationId: 'listCountryGroups',
  summary: 'A region’s country groups (public, like the region’s members)',
  tags,
  security: PUBLIC,
  params: RegionParams,
  querystring: LangOnly,
  response: {
    200: Type.Object({ region: Type.String(), groups: Type.Array(CountryGroup) }, { additionalProperties: false }),
    ...problems(400, 404),
  },
};

export const createGroupSchema = {
  operationId: 'createCountryGroup',
  summary: 'Add a country group to a region',
  description: `The id: lower-case letters, digits and hyphens (group.invalid_id); unique in the region (group.exists). ${refusals}`,
  tags,
  security: SIGNED_IN,
  params: RegionParams,
  querystring: LangOnly,
  body: Type.Object({ id: Type.String({ maxLength: 100 }), ...GroupBody }, { additionalProperties: false }),
  response: { 201: CountryGroup, ...problems(400, 401, 403, 404, 409, 422) },
};

export const editGroupSchema = {
  operationId: 'editCountryGroup',
  summary: 'Change a country group’s names and members (both replaced)',
  description: refusals,
  tags,
  security: SIGNED_IN,
  params: GroupParams,
  querystring: LangOnly,
  body: Type.Object(GroupBody, { additionalProperties: false }),
  response: { 200: CountryGroup, ...problems(400, 401, 403, 404, 422) },
};

export const deleteGroupSchema = {
  operationId: 'deleteCountryGroup',
  summary: 'Delete a country group',
  description: 'The region’s secretariat and administrators only (403 otherwise). Audited with what the group was.',
  tags,
  security: SIGNED_IN,
  params: GroupParams,
  querystring: LangOnly,
  response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
};
