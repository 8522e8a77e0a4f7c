/** The search route: its schema (TypeBox) validates the query, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import { MAX_LIMIT, MAX_QUERY_LENGTH } from '../../../services/search-reviews.js';
import { CountryCode, OneOf, PUBLIC, Synthetic, problems } from '../../contract.js';

export const searchReviewsSchema = {
  operationId: 'searchReviews',
  summary: 'Full-text search across the reviews the caller may see',
  description:
    'Published reviews for everyone; signed-in users also search the unpublished reviews they may read. ' +
    'Each answer is matched through the text search configuration of its language (french, english, arabic) ' +
    'after accents and Arabic letter variants are folded and the Arabic prefixes و and ال dropped, the same ' +
    'for answers and queries. `q` accepts "quoted phrases", `or` and `-word`. Best first (ts_rank). ' +
    'The snippet is HTML: the answer text escaped, with matches wrapped in <mark>…</mark> and no other markup.',
  tags: ['search'],
  security: PUBLIC,
  querystring: Type.Object(
    {
      // No length bounds here: an empty or too long query is answered search.invalid_query (400).
      q: Type.String({ description: `What to look for (1 to ${MAX_QUERY_LENGTH} characters)` }),
      lang: Type.Optional(
        OneOf(LANGUAGES, {
          description: 'Only answers written in this language (and messages in it); all languages when absent',
        }),
      ),
      country: Type.Optional(CountryCode),
      cycle: Type.Optional(Type.String({ maxLength: 100 })),
      section: Type.Optional(Type.String({ maxLength: 20, examples: ['II'] })),
      question: Type.Optional(Type.String({ maxLength: 20, examples: ['II.d'] })),
      objective: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 23, description: 'A GCM objective confirmed for the answer' }),
      ),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 20 })),
      offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      {
        hits: Type.Array(
          Type.Object(
            {
              country: Type.String({ examples: ['MAR'] }),
              cycle: Type.String({ examples: ['arab-2021'] }),
              questionId: Type.String({ examples: ['II.d'] }),
              snippet: Type.String({ examples: ['… la <mark>régularisation</mark> des migrants …'] }),
              score: Type.Number(),
              synthetic: Synthetic,
            },
            { additionalProperties: false },
          ),
        ),
        total: Type.Integer({ minimum: 0, description: 'Matching answers in all, whatever limit and offset' }),
      },
      { additionalProperties: false },
    ),
    ...problems(400),
  },
};
