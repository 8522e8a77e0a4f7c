import { langQuery } from '../reviews/schema.js';

const multilingual = {
  type: 'object',
  description: 'A text per language: {fr, en, ar}',
  properties: { fr: { type: 'string' }, en: { type: 'string' }, ar: { type: 'string' } },
} as const;

const status = {
  type: 'object',
  description: 'Per language: whether the text is verified/official (true, "official"), from a secondary source, or an unofficial translation (false, "unofficial")',
  additionalProperties: { type: ['boolean', 'string'] },
} as const;

export const questionnaireSchema = {
  summary: 'A questionnaire: sections and questions, worded in fr/en/ar',
  tags: ['catalogue'],
  params: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' } },
  },
  querystring: {
    type: 'object',
    properties: { ...langQuery.properties, version: { type: 'integer', minimum: 1, description: 'default: latest' } },
  },
  response: {
    200: {
      type: 'object',
      required: ['id', 'version', 'title', 'sourceLanguage', 'sections'],
      properties: {
        id: { type: 'string' },
        version: { type: 'integer' },
        title: multilingual,
        sourceLanguage: { type: 'string' },
        sections: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              title: multilingual,
              titleStatus: status,
              questions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    letter: { type: 'string' },
                    text: multilingual,
                    textStatus: status,
                  },
                },
              },
            },
          },
        },
      },
    },
    404: { $ref: 'Problem#' },
  },
} as const;

export const objectivesSchema = {
  summary: 'The 23 GCM objectives',
  tags: ['catalogue'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      properties: {
        objectives: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              number: { type: 'integer' },
              title: multilingual,
              shortName: multilingual,
              paragraph: { type: ['integer', 'null'] },
              verified: status,
            },
          },
        },
      },
    },
  },
} as const;

export const principlesSchema = {
  summary: 'The 10 guiding principles of the GCM',
  tags: ['catalogue'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      properties: {
        principles: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              key: { type: 'string' },
              letter: { type: 'string' },
              title: multilingual,
              summary: { type: ['string', 'null'] },
              verified: status,
            },
          },
        },
      },
    },
  },
} as const;

export const countriesSchema = {
  summary: 'Countries (ISO 3166-1 alpha-3) with their names and regions',
  tags: ['catalogue'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      properties: {
        countries: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              alpha2: { type: 'string' },
              name: multilingual,
              regions: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;
