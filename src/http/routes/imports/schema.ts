/** The import route: its schema (TypeBox) types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import { WARNINGS } from '../../../domain/errors.js';
import { OneOf, PUBLIC, problems, refTo } from '../../contract.js';
import { ObjectivesByQuestion, ReviewDocumentProperties } from '../reviews/schema.js';

/** What an import understood of a file (docs/review-json.md, `report`). */
export const ImportReport = Type.Object(
  {
    format: OneOf(['txt', 'docx', 'odt', 'pdf', 'json'], { description: 'Read from the content, not the file name' }),
    recognised: Type.Object(
      {
        sections: Type.Integer({ minimum: 0 }),
        questions: Type.Integer({ minimum: 0, description: 'Questions answered' }),
        items: Type.Integer({ minimum: 0, description: 'Paragraphs and list items' }),
        facts: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    unanswered: Type.Array(Type.String(), { description: 'Questions of the questionnaire the file does not answer' }),
    warnings: Type.Array(
      Type.Object(
        {
          code: OneOf(WARNINGS),
          message: Type.String({ description: 'In the language asked for' }),
          questionId: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    unmatched: Type.Array(Type.Object({ text: Type.String() }, { additionalProperties: false }), {
      description: 'Text the reader could not place under a question',
    }),
  },
  { $id: 'ImportReport', additionalProperties: false, description: 'What an import understood of a file.' },
);

/** The review JSON of the file, with what the import understood and did. */
const importedReview = (description: string) =>
  Type.Object(
    {
      ...ReviewDocumentProperties,
      objectives: ObjectivesByQuestion,
      report: refTo(ImportReport),
      outcome: Type.Object(
        {
          stored: Type.Boolean(),
          created: Type.Boolean({ description: 'The review did not exist before' }),
          changed: Type.Array(Type.String(), { description: 'Questions whose answer got a new revision' }),
          unchanged: Type.Array(Type.String(), { description: 'Questions whose answer was already the file’s' }),
          conflicts: Type.Array(Type.String(), {
            description: 'Questions whose answer someone edited in Pacte since the last import: left as they are',
          }),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false, description },
  );

export const importReviewSchema = {
  operationId: 'importReview',
  summary: 'Read a review file and say what was understood; store it with store=true',
  description:
    'multipart/form-data with one `file` (.txt, .docx, .odt, .pdf or a review .json, chosen by content; at most PACTE_IMPORT_MAX_BYTES) and optional fields `country` (ISO 3166-1 alpha-3; recognised from the title and first page when absent, formal names included; `import.country_unknown` when it cannot be), `cycle` (e.g. arab-2021) and `store` (`true` to store it: needs a session of someone who may import for that country — a focal point of the country or an administrator; without it nothing is stored). Answers the review JSON with `facts`, suggested `objectives` per question, the import `report` and the `outcome` (what was stored, revised, unchanged or in conflict). A few files are read at a time: import.busy (503) asks to retry.',
  tags: ['imports'],
  security: PUBLIC,
  consumes: ['multipart/form-data'],
  response: {
    200: importedReview('Read; nothing stored'),
    201: importedReview('Read and stored'),
    ...problems(400, 401, 403, 404, 409, 413, 422, 503),
  },
};
