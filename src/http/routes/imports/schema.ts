import { objectivesByQuestion, reviewDocumentProperties } from '../reviews/schema.js';

const importedReview = {
  type: 'object',
  properties: {
    ...reviewDocumentProperties,
    objectives: objectivesByQuestion,
    report: { $ref: 'ImportReport#' },
    outcome: {
      type: 'object',
      properties: {
        stored: { type: 'boolean' },
        created: { type: 'boolean' },
        changed: { type: 'array', items: { type: 'string' } },
        unchanged: { type: 'array', items: { type: 'string' } },
        conflicts: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

export const importSchema = {
  summary: 'Read a review file and say what was understood; store it with store=true',
  description:
    'multipart/form-data with one `file` (.txt, .docx or .pdf, chosen by content; at most PACTE_IMPORT_MAX_BYTES) and optional fields `country` (ISO 3166-1 alpha-3; guessed from the text when absent), `cycle` (e.g. arab-2021) and `store` (`true` to store it: needs a session of someone who may import for that country — a focal point of the country or an administrator; without it nothing is stored). Answers the review JSON with `facts`, suggested `objectives` per question, the import `report` and the `outcome` (what was stored, revised, unchanged or in conflict).',
  tags: ['imports'],
  consumes: ['multipart/form-data'],
  response: {
    200: importedReview,
    201: importedReview,
    401: { $ref: 'Problem#' },
    403: { $ref: 'Problem#' },
    413: { $ref: 'Problem#' },
    422: { $ref: 'Problem#' },
    503: { $ref: 'Problem#' },
  },
} as const;
