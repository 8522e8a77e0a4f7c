import { Type } from '@sinclair/typebox';
import { ENTITY_CATEGORIES } from '../../../domain/entities.js';
import { CountryCode, Lang, OneOf, SIGNED_IN, problems } from '../../contract.js';

export const Entity = Type.Object(
  {
    id: Type.Integer(),
    country: Type.String({ description: 'ISO 3166-1 alpha-3' }),
    name: Type.String(),
    category: OneOf(ENTITY_CATEGORIES),
  },
  { additionalProperties: false },
);

export const listEntitiesSchema = {
  operationId: 'listEntities',
  summary: 'Entities (ministries, agencies, organisations) of the countries the caller holds a role in',
  description: 'Admins see every entity. Naming a country the caller holds no role in answers an empty list.',
  tags: ['entities'],
  security: SIGNED_IN,
  querystring: Type.Object({ country: Type.Optional(CountryCode), lang: Type.Optional(Lang) }),
  response: {
    200: Type.Object({ entities: Type.Array(Entity) }, { additionalProperties: false }),
    ...problems(400, 401),
  },
};

export const addEntitySchema = {
  operationId: 'addEntity',
  summary: 'Create an entity of a country (admins, or the focal point of that country)',
  tags: ['entities'],
  security: SIGNED_IN,
  querystring: Type.Object({ lang: Type.Optional(Lang) }),
  body: Type.Object(
    {
      country: CountryCode,
      name: Type.String({ minLength: 1, maxLength: 200 }),
      // Not an enum here: an unknown category is answered entity.invalid_category (422).
      category: Type.String({ maxLength: 64, description: ENTITY_CATEGORIES.join(', ') }),
    },
    { additionalProperties: false },
  ),
  response: { 201: Entity, ...problems(400, 401, 403, 404, 409, 422) },
};
