/** Human translations of submitted answers (migration 031): one schema per route (TypeBox). */
import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import {
  Blocks,
  DateTime,
  LangQuery,
  MultilingualRef,
  Nullable,
  OneOf,
  ReviewKey,
  SIGNED_IN,
  Synthetic,
  problems,
} from '../../contract.js';

const tags = ['translations'];

const SubmissionKey = Type.Object({
  ...ReviewKey.properties,
  number: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});

export const Translation = Type.Object(
  {
    submission: Type.Integer({ minimum: 1, description: 'the submission whose answer was translated' }),
    questionId: Type.String(),
    language: OneOf(LANGUAGES, { description: 'the language translated into' }),
    revision: Type.Integer({ minimum: 1, description: 'each change is the next revision; none is lost' }),
    blocks: Blocks,
    translator: Type.String({ description: 'who wrote this revision, as recorded (an e-mail address)' }),
    translatorName: Type.String({ description: 'who wrote it, as people read it, in the requested language' }),
    machine: Type.Boolean({ description: 'machine-translated (never without machineNote naming the system)' }),
    machineNote: Nullable(Type.String()),
    createdAt: DateTime({ description: 'the first revision' }),
    updatedAt: DateTime({ description: 'this revision' }),
    outdated: Type.Boolean({
      description: 'the country’s latest submission answers the question differently from the one translated',
    }),
    latest: Type.Integer({ minimum: 1, description: 'the country’s latest submission' }),
  },
  { additionalProperties: false },
);

export const listTranslationsSchema = {
  operationId: 'listTranslations',
  summary: 'The human translations that go with one submission’s answers',
  description:
    'Read by whoever reads the submission. For each question and language, the current translation of the ' +
    'latest submission up to this one that has one, flagged outdated when the country’s latest submission ' +
    'answers differently.',
  tags,
  security: SIGNED_IN,
  params: SubmissionKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        country: Type.String(),
        cycle: Type.String(),
        number: Type.Integer(),
        answerLanguage: OneOf(LANGUAGES, { description: 'the language the country answered in' }),
        languages: Type.Array(OneOf(LANGUAGES), { description: 'the cycle’s languages' }),
        translations: Type.Array(Translation),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const saveTranslationSchema = {
  operationId: 'saveTranslation',
  summary: 'Write the human translation of one answer of a submission into another language of the cycle',
  description:
    'The region’s secretariat and translators. Refused: the answer’s own language (translation.same_language), a ' +
    'language not among the cycle’s, a question the submission leaves unanswered (translation.no_answer), an ' +
    'empty or too large text, machine: true without a machineNote naming the system, a stale baseRevision ' +
    '(translation.edit_conflict). Each change is the next revision (none is lost); audited translation.save.',
  tags,
  security: SIGNED_IN,
  params: Type.Object({
    ...SubmissionKey.properties,
    questionId: Type.String({ maxLength: 64 }),
    language: OneOf(LANGUAGES),
  }),
  querystring: LangQuery,
  body: Type.Object(
    {
      blocks: Blocks,
      baseRevision: Type.Optional(Type.Integer({ minimum: 0, description: 'the revision edited (0: a first one)' })),
      machine: Type.Optional(Type.Boolean({ description: 'false unless a system translated it (then say which)' })),
      machineNote: Type.Optional(Type.String({ maxLength: 2000, description: 'which system translated it' })),
    },
    { additionalProperties: false },
  ),
  response: { 200: Translation, ...problems(400, 401, 403, 404, 409, 422) },
};

export const listTranslationWorkSchema = {
  operationId: 'listTranslationWork',
  summary: 'What is left to translate: submissions of the open cycles of the caller’s regions',
  description:
    'For a translator or a secretariat: each country’s latest submission to an open cycle of its region, with, ' +
    'for each other language of the cycle, how many answered questions have no current translation.',
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        work: Type.Array(
          Type.Object(
            {
              country: Type.String(),
              countryName: MultilingualRef,
              synthetic: Synthetic,
              cycle: Type.String(),
              cycleTitle: MultilingualRef,
              number: Type.Integer({ minimum: 1 }),
              answerLanguage: OneOf(LANGUAGES),
              answered: Type.Integer({ minimum: 0 }),
              missing: Type.Array(
                Type.Object(
                  { language: OneOf(LANGUAGES), questions: Type.Integer({ minimum: 1 }) },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401),
  },
};
