/** The review routes: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import { REVIEW_STATUSES } from '../../../domain/workflow.js';
import {
  Blocks,
  DateTime,
  Fact,
  FileResponse,
  LangQuery,
  ObjectiveSuggestion,
  OneOf,
  PUBLIC,
  ReviewKey,
  problems,
  refTo,
  Synthetic,
} from '../../contract.js';
import { EXPORT_MEDIA_TYPES, ExportOptions, JobAccepted } from '../exports/schema.js';
import { OptionalValue } from '../workspace/schema-values.js';

const Question = Type.Object(
  {
    id: Type.String({ examples: ['I.a'] }),
    text: Type.String({ description: 'The questionnaire’s wording, in the review’s language' }),
    // Review JSON 1.1 (issue 15), additive: on typed questions only.
    kind: Type.Optional(
      OneOf(['single_choice', 'multiple_choice', 'number', 'objectives', 'principles'], {
        description: 'absent: free text only (review JSON 1.0 questions are unchanged)',
      }),
    ),
    choices: Type.Optional(
      Type.Array(Type.Object({ id: Type.String(), label: Type.String() }, { additionalProperties: false }), {
        description: 'choice questions: the options, labels in the review’s language',
      }),
    ),
    unit: Type.Optional(Type.String({ description: 'number questions: the unit, in the review’s language' })),
    answer: Type.Object(
      {
        blocks: Blocks,
        value: OptionalValue,
        revision: Type.Optional(
          Type.Integer({
            minimum: 0,
            description: 'stored reviews only: 0 when the question was never answered',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** The review JSON (docs/review-json.md): the stored and published review, and an import's reading. */
export const ReviewDocumentProperties = {
  country: Type.String({ description: 'ISO 3166-1 alpha-3', examples: ['MAR'] }),
  cycle: Type.String({ examples: ['arab-2021'] }),
  language: OneOf(LANGUAGES, { description: 'The language the answers are written in' }),
  title: Type.String({ description: 'The document’s own title' }),
  sections: Type.Array(
    Type.Object(
      { id: Type.String({ examples: ['I'] }), title: Type.String(), questions: Type.Array(Question) },
      { additionalProperties: false },
    ),
    { description: 'Every question of the cycle’s questionnaire, in order; an unanswered one has no blocks' },
  ),
  facts: Type.Array(refTo(Fact), { description: 'The figures the answers quote' }),
};

/** Per question id: the GCM objectives suggested at import (or confirmed by a person). */
export const ObjectivesByQuestion = Type.Record(Type.String(), Type.Array(refTo(ObjectiveSuggestion)), {
  description: 'Per question id: the GCM objectives suggested at import or confirmed by a person',
});

export const Review = Type.Object(
  {
    ...ReviewDocumentProperties,
    objectives: ObjectivesByQuestion,
    synthetic: Type.Optional(
      Type.Literal(true, {
        description: 'Present on a fictional country’s review (the demo region): every text in it is synthetic data',
      }),
    ),
  },
  {
    $id: 'Review',
    additionalProperties: false,
    description: 'The review JSON (docs/review-json.md): every question with its answer, facts, objectives.',
  },
);

const ReviewSummary = Type.Object(
  {
    country: Type.String({ examples: ['MAR'] }),
    cycle: Type.String({ examples: ['arab-2021'] }),
    language: OneOf(LANGUAGES),
    title: Type.String(),
    status: OneOf(REVIEW_STATUSES, {
      description: 'As the caller may see it: a published review being corrected is `published` to the public',
    }),
    answered: Type.Integer({ minimum: 0, description: 'Questions with an answer' }),
    synthetic: Synthetic,
    updatedAt: DateTime(),
    url: Type.String({ description: 'The review JSON', examples: ['/api/v1/reviews/MAR/arab-2021'] }),
  },
  { additionalProperties: false },
);

export const listReviewsSchema = {
  operationId: 'listReviews',
  summary: 'All reviews',
  description: 'Published reviews for everyone; signed-in users also see the unpublished reviews they may read.',
  tags: ['reviews'],
  security: PUBLIC,
  querystring: LangQuery,
  response: {
    200: Type.Object({ reviews: Type.Array(ReviewSummary) }, { additionalProperties: false }),
    ...problems(400),
  },
};

export const getReviewSchema = {
  operationId: 'getReview',
  summary: 'One review: every question of its questionnaire with its answer',
  description:
    'Those who may read the working copy get it; anyone else gets its latest published version ' +
    '(review.not_found when there is none, as if the review did not exist).',
  tags: ['reviews'],
  security: PUBLIC,
  params: ReviewKey,
  querystring: LangQuery,
  response: { 200: refTo(Review), ...problems(400, 404) },
};

export const exportReviewSchema = {
  operationId: 'exportReview',
  summary: 'Export a review as a file: Word (DOCX), printable HTML, CSV or JSON; PDF as a job (202)',
  description:
    'For whoever may read the review (a published one: anyone). `lang` is the language of everything Pacte ' +
    'writes around the answers (headings, question wording, labels; else Accept-Language, else the review’s ' +
    'own); answers stay in their language. CSV: one row per line of an answer (country, cycle, question_id, ' +
    'depth, kind, ordered, text, synthetic), UTF-8 with a BOM, RFC 4180 quoting; a text starting with =, +, - or @ is ' +
    'prefixed with a single quote so that spreadsheets never run it as a formula. Recorded in the audit log.',
  tags: ['reviews'],
  security: PUBLIC,
  params: ReviewKey,
  querystring: Type.Object({
    ...ExportOptions,
    format: Type.String({
      maxLength: 16,
      // Not an enum: another format is answered export.unsupported_format (422) with the list.
      description:
        'docx | html | csv | json; pdf answers 202 with a job (as POST /api/v1/exports) (another: export.unsupported_format)',
      examples: ['docx'],
    }),
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description: 'One published version (else the latest, or the working copy for those who may read it)',
      }),
    ),
  }),
  response: {
    200: FileResponse(
      EXPORT_MEDIA_TYPES.filter((type) => type !== 'application/pdf'),
      'The file, as an attachment (Content-Disposition with an RFC 5987 filename*)',
    ),
    202: JobAccepted,
    ...problems(400, 404, 422, 429, 503),
  },
};
