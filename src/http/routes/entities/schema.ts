import { ENTITY_CATEGORIES } from '../../../domain/entities.js';
import { langQuery } from '../reviews/schema.js';

const entity = {
  type: 'object',
  required: ['id', 'country', 'name', 'category'],
  properties: {
    id: { type: 'integer' },
    country: { type: 'string', description: 'ISO 3166-1 alpha-3' },
    name: { type: 'string' },
    category: { type: 'string', enum: [...ENTITY_CATEGORIES] },
  },
} as const;

export const listEntitiesSchema = {
  summary: 'Entities (ministries, agencies, organisations) of the countries the caller holds a role in',
  description: 'Admins see every entity. Naming a country the caller holds no role in answers an empty list.',
  tags: ['entities'],
  querystring: {
    type: 'object',
    properties: {
      country: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      ...langQuery.properties,
    },
  },
  response: {
    200: { type: 'object', required: ['entities'], properties: { entities: { type: 'array', items: entity } } },
    401: { $ref: 'Problem#' },
  },
} as const;

export const addEntitySchema = {
  summary: 'Create an entity of a country (admins, or the focal point of that country)',
  tags: ['entities'],
  body: {
    type: 'object',
    required: ['country', 'name', 'category'],
    additionalProperties: false,
    properties: {
      country: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      // Not an enum here: an unknown category is answered entity.invalid_category (422).
      category: { type: 'string', maxLength: 64, description: ENTITY_CATEGORIES.join(', ') },
    },
  },
  response: {
    201: entity,
    401: { $ref: 'Problem#' },
    403: { $ref: 'Problem#' },
    404: { $ref: 'Problem#' },
    409: { $ref: 'Problem#' },
    422: { $ref: 'Problem#' },
  },
} as const;
