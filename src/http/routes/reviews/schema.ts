/** JSON Schemas of the review routes: they validate input and document the API (OpenAPI). */

export const blockSchemas = [
  {
    $id: 'Block',
    description: 'A paragraph, or a list whose items may hold nested blocks.',
    oneOf: [{ $ref: 'ParagraphBlock#' }, { $ref: 'ListBlock#' }],
  },
  {
    $id: 'ParagraphBlock',
    type: 'object',
    required: ['type', 'text'],
    properties: { type: { type: 'string', enum: ['paragraph'] }, text: { type: 'string' } },
  },
  {
    $id: 'ListBlock',
    type: 'object',
    required: ['type', 'ordered', 'items'],
    properties: {
      type: { type: 'string', enum: ['list'] },
      ordered: { type: 'boolean' },
      items: { type: 'array', items: { $ref: 'ListItem#' } },
    },
  },
  {
    $id: 'ListItem',
    type: 'object',
    required: ['text', 'blocks'],
    properties: { text: { type: 'string' }, blocks: { type: 'array', items: { $ref: 'Block#' } } },
  },
  {
    $id: 'Problem',
    type: 'object',
    required: ['code', 'message', 'details'],
    description: 'An error: a stable code (docs/errors.md), a message in the requested language, details.',
    properties: {
      code: { type: 'string', examples: ['review.not_found'] },
      message: { type: 'string' },
      details: { type: 'object', additionalProperties: true },
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

const reviewDocument = {
  type: 'object',
  required: ['country', 'cycle', 'language', 'title', 'sections', 'facts'],
  properties: {
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
                  required: ['blocks', 'revision'],
                  properties: {
                    blocks: { type: 'array', items: { $ref: 'Block#' } },
                    revision: { type: 'integer', description: '0 when the question was never answered' },
                  },
                },
              },
            },
          },
        },
      },
    },
    facts: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

const problems = {
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
