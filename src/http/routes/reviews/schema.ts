/** JSON Schemas of the review routes: they validate input and document the API (OpenAPI). */

import { SHARED_SCHEMAS } from '../../contract.js';
import { jobAccepted } from '../exports/schema.js';

export const blockSchemas = [
  ...SHARED_SCHEMAS,
  {
    $id: 'ImportReport',
    type: 'object',
    required: ['format', 'recognised', 'unanswered', 'warnings', 'unmatched'],
    properties: {
      format: { type: 'string', enum: ['txt', 'docx', 'pdf'] },
      recognised: {
        type: 'object',
        properties: {
          sections: { type: 'integer' },
          questions: { type: 'integer' },
          items: { type: 'integer' },
          facts: { type: 'integer' },
        },
      },
      unanswered: { type: 'array', items: { type: 'string' } },
      warnings: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' }, questionId: { type: 'string' } },
        },
      },
      unmatched: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } },
    },
  },
];

const lang = {
  type: 'string',
  enum: ['fr', 'en', 'ar'],
  description: 'Language of messages (else Accept-Language).',
};

export const reviewKey = {
  type: 'object',
  required: ['country', 'cycle'],
  properties: {
    country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3, e.g. MAR' },
    cycle: { type: 'string', pattern: '^[a-z0-9-]{1,64}$', description: 'e.g. arab-2021' },
  },
} as const;

export const langQuery = { type: 'object', properties: { lang } } as const;

/** The review JSON (docs/review-json.md); the import preview and the stored review add to it. */
export const reviewDocumentProperties = {
  country: { type: 'string' },
  cycle: { type: 'string' },
  language: { type: 'string', enum: ['fr', 'en', 'ar'] },
  title: { type: 'string' },
  sections: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'title', 'questions'],
      properties: {
        id: { type: 'string' },
        title: { type: 'string' },
        questions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'text', 'answer'],
            properties: {
              id: { type: 'string', examples: ['I.a'] },
              text: { type: 'string' },
              answer: {
                type: 'object',
                required: ['blocks'],
                properties: {
                  blocks: { type: 'array', items: { $ref: 'Block#' } },
                  revision: {
                    type: 'integer',
                    description: 'stored reviews only: 0 when the question was never answered',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  facts: { type: 'array', items: { $ref: 'Fact#' } },
} as const;

/** Per question id: the GCM objectives suggested at import (or confirmed by a person). */
export const objectivesByQuestion = {
  type: 'object',
  description: 'Per question id: the GCM objectives suggested at import or confirmed by a person',
  additionalProperties: { type: 'array', items: { $ref: 'ObjectiveSuggestion#' } },
} as const;

export const reviewDocument = {
  type: 'object',
  required: ['country', 'cycle', 'language', 'title', 'sections', 'facts'],
  properties: { ...reviewDocumentProperties, objectives: objectivesByQuestion },
} as const;

export const problems = {
  400: { $ref: 'Problem#' },
  404: { $ref: 'Problem#' },
};

export const listReviewsSchema = {
  summary: 'All reviews',
  tags: ['reviews'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['reviews'],
      properties: {
        reviews: {
          type: 'array',
          items: {
            type: 'object',
            required: ['country', 'cycle', 'language', 'title', 'status', 'answered', 'updatedAt', 'url'],
            properties: {
              country: { type: 'string' },
              cycle: { type: 'string' },
              language: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'string' },
              answered: { type: 'integer' },
              updatedAt: { type: 'string', format: 'date-time' },
              url: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;

export const getReviewSchema = {
  summary: 'One review: every question of its questionnaire with its answer',
  tags: ['reviews'],
  params: reviewKey,
  querystring: langQuery,
  response: { 200: reviewDocument, ...problems },
} as const;

export const exportReviewSchema = {
  summary: 'Export a review as a file: Word (DOCX), printable HTML, CSV or JSON; PDF as a job (202)',
  description:
    'For whoever may read the review (a published one: anyone). `lang` is the language of everything Pacte ' +
    'writes around the answers (headings, question wording, labels; else Accept-Language, else the review’s ' +
    'own); answers stay in their language. CSV: one row per line of an answer (country, cycle, question_id, ' +
    'depth, kind, ordered, text), UTF-8 with a BOM, RFC 4180 quoting; a text starting with =, +, - or @ is ' +
    'prefixed with a single quote so that spreadsheets never run it as a formula. Recorded in the audit log.',
  tags: ['reviews'],
  params: reviewKey,
  querystring: {
    type: 'object',
    required: ['format'],
    properties: {
      format: {
        type: 'string',
        maxLength: 16,
        description:
          'docx | html | csv | json; pdf answers 202 with a job (as POST /api/v1/exports) (another: export.unsupported_format)',
        examples: ['docx'],
      },
      lang: { type: 'string', enum: ['fr', 'en', 'ar'], description: 'Language of the document around the answers.' },
      layout: {
        type: 'string',
        maxLength: 16,
        description: 'DOCX: table (default, « Questions | Réponses ») or paragraphs',
      },
      version: {
        type: 'integer',
        minimum: 1,
        maximum: 1_000_000,
        description: 'One published version (else the latest, or the working copy for those who may read it)',
      },
    },
  },
  response: {
    200: {
      description: 'The file, as an attachment (Content-Disposition with an RFC 5987 filename*)',
      type: 'string',
      format: 'binary',
    },
    ...problems,
    422: { $ref: 'Problem#' },
    202: jobAccepted,
  },
} as const;
