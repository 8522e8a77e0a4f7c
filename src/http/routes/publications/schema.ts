/** Published versions and open data: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import {
  DateTime,
  FileResponse,
  LangQuery,
  MultilingualRef,
  Nullable,
  PUBLIC,
  ReviewKey,
  problems,
  refTo,
} from '../../contract.js';
import { Review } from '../reviews/schema.js';

const Version = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    publishedAt: DateTime(),
    url: Type.String({ description: 'This version in the review JSON (a stable URL)' }),
    page: Type.String({ description: 'This version as a public page (a stable URL)' }),
  },
  { additionalProperties: false },
);

export const listReviewVersionsSchema = {
  operationId: 'listReviewVersions',
  summary: 'The published versions of a review, newest first',
  description:
    'Publishing a review makes a dated version of it; a correction is published as the next version. ' +
    'Every version keeps its URL; the review’s own URL shows the latest. Public once a version exists.',
  tags: ['publications'],
  security: PUBLIC,
  params: ReviewKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { country: Type.String(), cycle: Type.String(), versions: Type.Array(Version) },
      { additionalProperties: false },
    ),
    ...problems(400, 404),
  },
};

export const getReviewVersionSchema = {
  operationId: 'getReviewVersion',
  summary: 'One published version of a review, as it was published',
  tags: ['publications'],
  security: PUBLIC,
  params: Type.Object({ ...ReviewKey.properties, version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }),
  querystring: LangQuery,
  response: { 200: refTo(Review), ...problems(400, 404) },
};

export const listOpenDataSchema = {
  operationId: 'listOpenData',
  summary: 'Open data: what is published, per cycle, with its licence and when it was last updated',
  tags: ['open data'],
  security: PUBLIC,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        licence: Type.Object(
          {
            name: Type.String({ examples: ['CC-BY-4.0'] }),
            title: Type.String(),
            path: Type.String({ description: 'The licence’s text' }),
          },
          { additionalProperties: false },
        ),
        lastUpdated: Nullable(DateTime({ description: 'The newest publication; null when nothing is published' })),
        cycles: Type.Array(
          Type.Object(
            {
              cycle: Type.String({ examples: ['arab-2021'] }),
              title: MultilingualRef,
              region: Type.String({ examples: ['arab'] }),
              reviews: Type.Integer({ minimum: 1, description: 'Published reviews of the cycle' }),
              synthetic: Type.Integer({
                minimum: 0,
                description:
                  'Of them, fictional countries’ (the demo region): synthetic data, generated for demonstration, marked synthetic: true in the zip',
              }),
              lastUpdated: DateTime(),
              download: Type.String({ description: 'The bulk zip of this cycle' }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400),
  },
};

export const downloadOpenDataSchema = {
  operationId: 'downloadOpenData',
  summary: 'One cycle’s published reviews as a zip of JSON and CSV',
  description:
    'datapackage.json (a Frictionless Data Package: licence, last_updated, resources), LICENSE.txt, ' +
    'reviews.csv (one row per review: its latest version and stable URL), answers.csv (one row per line of ' +
    'an answer, as the CSV export) and reviews/ISO3.json (each review JSON as published). Last-Modified ' +
    'is the date of the newest publication.',
  tags: ['open data'],
  security: PUBLIC,
  params: Type.Object({ cycle: ReviewKey.properties.cycle }),
  querystring: LangQuery,
  response: {
    200: FileResponse(['application/zip'], 'The zip, as an attachment'),
    ...problems(400, 404),
  },
};
