import { reviewDocumentProperties } from '../reviews/schema.js';

export const previewImportSchema = {
  summary: 'Read a review file and say what was understood; stores nothing',
  description:
    'multipart/form-data with one `file` (.txt, .docx or .pdf, chosen by content; at most PACTE_IMPORT_MAX_BYTES) and optional fields `country` (ISO 3166-1 alpha-3; guessed from the text when absent) and `cycle` (e.g. arab-2021). Answers the review JSON with `facts`, suggested `objectives` per question and the import `report`. Storing an import through the API comes with accounts; until then use `pacte import`.',
  tags: ['imports'],
  consumes: ['multipart/form-data'],
  response: {
    200: {
      type: 'object',
      properties: {
        ...reviewDocumentProperties,
        objectives: {
          type: 'object',
          additionalProperties: { type: 'array', items: { $ref: 'ObjectiveSuggestion#' } },
        },
        report: { $ref: 'ImportReport#' },
      },
    },
    413: { $ref: 'Problem#' },
    422: { $ref: 'Problem#' },
    503: { $ref: 'Problem#' },
  },
} as const;
