/** One question's answers side by side: one schema per route (TypeBox). */
import { Type } from '@sinclair/typebox';
import { QUESTION_KINDS } from '../../../domain/questionnaire.js';
import { COMPARED_STATES } from '../../../services/compare-answers.js';
import { Translation } from '../translations/schema.js';
import {
  Blocks,
  DateTime,
  FileResponse,
  Lang,
  MultilingualRef,
  OneOf,
  PUBLIC,
  ReviewKey,
  problems,
} from '../../contract.js';

const tags = ['cycles'];
const Params = Type.Object({
  cycle: ReviewKey.properties.cycle,
  questionId: Type.String({ minLength: 1, maxLength: 32, examples: ['I.a'] }),
});
const Query = Type.Object(
  {
    lang: Type.Optional(Lang),
    group: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'a country group of the cycle’s region' }),
    ),
    objective: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 23, description: 'answers whose confirmed GCM objectives include it' }),
    ),
    state: Type.Optional(OneOf(COMPARED_STATES, { description: 'where the text read stands' })),
  },
  { additionalProperties: false },
);

/** A typed value: one shape per kind of question (src/domain/answer-value.ts). */
const AnswerValue = Type.Union([
  Type.Object({ choices: Type.Array(Type.String()) }, { additionalProperties: false }),
  Type.Object({ number: Type.Number() }, { additionalProperties: false }),
  Type.Object({ objectives: Type.Array(Type.Integer({ minimum: 1, maximum: 23 })) }, { additionalProperties: false }),
  Type.Object({ principles: Type.Array(Type.String()) }, { additionalProperties: false }),
]);

const Answer = Type.Object(
  {
    country: Type.String({ examples: ['MAR'] }),
    countryName: MultilingualRef,
    synthetic: Type.Boolean({ description: 'a fictional country of the demo region: synthetic data' }),
    source: Type.Object(
      {
        kind: OneOf(['submission', 'published'] as const),
        number: Type.Integer({ minimum: 1, description: 'the submission’s number, or the published version' }),
        at: DateTime(),
      },
      { additionalProperties: false },
    ),
    state: OneOf(COMPARED_STATES),
    language: Lang,
    direction: OneOf(['ltr', 'rtl'] as const),
    blocks: Blocks,
    value: Type.Union([AnswerValue, Type.Null()], {
      description: 'the answer’s typed value (docs/questionnaires.md); null for a free-text question or none given',
    }),
    objectives: Type.Array(Type.Integer(), { description: 'GCM objectives confirmed for this answer' }),
    translation: Type.Union([Translation, Type.Null()], {
      description:
        'the answer’s current human translation into the reader’s language (`lang`), as listTranslations gives it: ' +
        'that of the latest submission up to the one shown that has one, outdated when the answer shown differs. ' +
        'Only for an answer read from a submission (whoever reads a submission reads its translations); null ' +
        'otherwise, when there is none, or when the answer is in that language',
    }),
  },
  { additionalProperties: false },
);

const description =
  'What each reader reads, country by country: the cycle’s regional secretariat (and administrators) each ' +
  'country’s latest submission (a returned one included, state `returned`), else its latest published version; ' +
  'a country’s focal point or validator its own latest submission and the others’ published versions; anyone ' +
  'else the latest published versions only. Never a working copy. Sorted by country name in the reader’s ' +
  'language. A planned cycle is cycle.not_found except to its secretariat.';

export const compareAnswersSchema = {
  operationId: 'compareAnswers',
  summary: 'One question’s answers, country beside country',
  description,
  tags,
  security: PUBLIC,
  params: Params,
  querystring: Query,
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        region: Type.String(),
        title: MultilingualRef,
        synthetic: Type.Boolean(),
        question: Type.Object(
          {
            id: Type.String(),
            section: Type.String(),
            text: Type.String({ description: 'in the reader’s language' }),
            kind: OneOf(QUESTION_KINDS, { description: 'what the question asks for besides free text' }),
            unit: Type.Union([Type.String(), Type.Null()], { description: 'a number question’s unit' }),
          },
          { additionalProperties: false },
        ),
        options: Type.Union(
          [
            Type.Array(
              Type.Object(
                { key: Type.String(), label: Type.String(), count: Type.Integer({ minimum: 0 }) },
                { additionalProperties: false },
              ),
            ),
            Type.Null(),
          ],
          {
            description:
              'a choice, objectives or principles question’s options, each with how many of the answers listed ' +
              'picked it (counted from the values, without coding); null for free text and numbers',
          },
        ),
        sections: Type.Array(
          Type.Object(
            {
              id: Type.String(),
              title: Type.String(),
              questions: Type.Array(
                Type.Object({ id: Type.String(), text: Type.String() }, { additionalProperties: false }),
              ),
            },
            { additionalProperties: false, description: 'the cycle’s questionnaire, for a question picker' },
          ),
        ),
        answers: Type.Array(Answer),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 404),
  },
};

export const compareAnswersCsvSchema = {
  operationId: 'compareAnswersCsv',
  summary: 'The same answers as CSV: one line per country (UTF-8 with a byte order mark)',
  description,
  tags,
  security: PUBLIC,
  params: Params,
  querystring: Query,
  response: { 200: FileResponse(['text/csv'], 'The lines, as an attachment'), ...problems(400, 404) },
};

export const compareAnswersDocxSchema = {
  operationId: 'compareAnswersDocx',
  summary: 'The same answers as a Word document: one section per country',
  description,
  tags,
  security: PUBLIC,
  params: Params,
  querystring: Query,
  response: {
    200: FileResponse(
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      'The document, as an attachment',
    ),
    ...problems(400, 404),
  },
};
