/** JSON Schema of the search route: validates the query and documents the API (OpenAPI). */
import { MAX_LIMIT, MAX_QUERY_LENGTH } from '../../../services/search-reviews.js';

export const searchSchema = {
  summary: 'Full-text search across the reviews the caller may see',
  description:
    'Published reviews for everyone; signed-in users also search the unpublished reviews they may read. ' +
    'Each answer is matched through the text search configuration of its language (french, english, arabic) ' +
    'after accents and Arabic letter variants are folded and the Arabic prefixes و and ال dropped, the same ' +
    'for answers and queries. `q` accepts "quoted phrases", `or` and `-word`. Best first (ts_rank). ' +
    'The snippet is HTML: the answer text escaped, with matches wrapped in <mark>…</mark> and no other markup.',
  tags: ['search'],
  querystring: {
    type: 'object',
    required: ['q'],
    additionalProperties: false,
    properties: {
      q: { type: 'string', description: `What to look for (1 to ${MAX_QUERY_LENGTH} characters)` },
      lang: {
        type: 'string',
        enum: ['fr', 'en', 'ar'],
        description: 'Only answers written in this language (and messages in it); all languages when absent',
      },
      country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3 code' },
      cycle: { type: 'string', maxLength: 100 },
      section: { type: 'string', maxLength: 20, examples: ['II'] },
      question: { type: 'string', maxLength: 20, examples: ['II.d'] },
      objective: { type: 'integer', minimum: 1, maximum: 23, description: 'A GCM objective confirmed for the answer' },
      limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 },
      offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['hits', 'total'],
      additionalProperties: false,
      properties: {
        hits: {
          type: 'array',
          items: {
            type: 'object',
            required: ['country', 'cycle', 'questionId', 'snippet', 'score'],
            additionalProperties: false,
            properties: {
              country: { type: 'string', examples: ['MAR'] },
              cycle: { type: 'string', examples: ['arab-2021'] },
              questionId: { type: 'string', examples: ['II.d'] },
              snippet: { type: 'string', examples: ['… la <mark>régularisation</mark> des migrants …'] },
              score: { type: 'number' },
            },
          },
        },
        total: { type: 'integer', description: 'Matching answers in all, whatever limit and offset' },
      },
    },
    400: { $ref: 'Problem#' },
  },
} as const;
