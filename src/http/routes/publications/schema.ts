import { langQuery, problems, reviewDocument, reviewKey } from '../reviews/schema.js';

const version = {
  type: 'object',
  required: ['version', 'publishedAt', 'url', 'page'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    publishedAt: { type: 'string', format: 'date-time' },
    url: { type: 'string', description: 'This version in the review JSON (a stable URL)' },
    page: { type: 'string', description: 'This version as a public page (a stable URL)' },
  },
} as const;

export const listVersionsSchema = {
  summary: 'The published versions of a review, newest first',
  description:
    'Publishing a review makes a dated version of it; a correction is published as the next version. ' +
    'Every version keeps its URL; the review’s own URL shows the latest. Public once a version exists.',
  tags: ['publications'],
  params: reviewKey,
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['country', 'cycle', 'versions'],
      properties: {
        country: { type: 'string' },
        cycle: { type: 'string' },
        versions: { type: 'array', items: version },
      },
    },
    ...problems,
  },
} as const;

export const getVersionSchema = {
  summary: 'One published version of a review, as it was published',
  tags: ['publications'],
  params: {
    ...reviewKey,
    required: [...reviewKey.required, 'version'],
    properties: { ...reviewKey.properties, version: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
  },
  querystring: langQuery,
  response: { 200: reviewDocument, ...problems },
} as const;

export const listOpenDataSchema = {
  summary: 'Open data: what is published, per cycle, with its licence and when it was last updated',
  tags: ['open data'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['licence', 'lastUpdated', 'cycles'],
      properties: {
        licence: {
          type: 'object',
          required: ['name', 'title', 'path'],
          properties: { name: { type: 'string' }, title: { type: 'string' }, path: { type: 'string' } },
        },
        lastUpdated: { type: ['string', 'null'], format: 'date-time' },
        cycles: {
          type: 'array',
          items: {
            type: 'object',
            required: ['cycle', 'title', 'region', 'reviews', 'lastUpdated', 'download'],
            properties: {
              cycle: { type: 'string' },
              title: { type: 'object', additionalProperties: { type: 'string' } },
              region: { type: 'string' },
              reviews: { type: 'integer' },
              lastUpdated: { type: 'string', format: 'date-time' },
              download: { type: 'string', description: 'The bulk zip of this cycle' },
            },
          },
        },
      },
    },
  },
} as const;

export const downloadOpenDataSchema = {
  summary: 'One cycle’s published reviews as a zip of JSON and CSV',
  description:
    'datapackage.json (a Frictionless Data Package: licence, last_updated, resources), LICENSE.txt, ' +
    'reviews.csv (one row per review: its latest version and stable URL), answers.csv (one row per line of ' +
    'an answer, as the CSV export) and reviews/ISO3.json (each review JSON as published). Last-Modified ' +
    'is the date of the newest publication.',
  tags: ['open data'],
  params: { type: 'object', required: ['cycle'], properties: { cycle: reviewKey.properties.cycle } },
  querystring: langQuery,
  response: {
    200: { description: 'The zip, as an attachment', type: 'string', format: 'binary' },
    ...problems,
  },
} as const;
