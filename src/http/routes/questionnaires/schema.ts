/**
 * Questionnaire versions a secretariat shapes (issue 15, docs/questionnaires.md « API »): one
 * schema per route (TypeBox); it validates input, types the handler and documents the API.
 * Wording, ids and kinds are checked by the service, so that each mistake gets its own
 * `questionnaire.invalid` reason rather than a schema's 400.
 */
import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import { CYCLE_STATES } from '../../../domain/cycles.js';
import { DateTime, Lang, LangQuery, MultilingualRef, Nullable, OneOf, SIGNED_IN, problems } from '../../contract.js';
import { getQuestionnaireSchema } from '../catalogue/schema.js';

const tags = ['questionnaires'];
const Id = Type.String({ pattern: '^[a-z0-9-]{1,64}$', examples: ['arab-2021'] });
const Version = Type.Integer({ minimum: 1, maximum: 999999 });
const VersionParams = Type.Object({ id: Id, version: Version });
const WordingStatus = Type.Object(
  {
    fr: Type.Optional(OneOf(['official', 'unofficial'])),
    en: Type.Optional(OneOf(['official', 'unofficial'])),
    ar: Type.Optional(OneOf(['official', 'unofficial'])),
  },
  { additionalProperties: false },
);
/** Free text per language: length and emptiness are the service's to refuse (questionnaire.invalid). */
const Text = Type.Object(
  {
    fr: Type.Optional(Type.String({ maxLength: 20000 })),
    en: Type.Optional(Type.String({ maxLength: 20000 })),
    ar: Type.Optional(Type.String({ maxLength: 20000 })),
  },
  { additionalProperties: false },
);
const QuestionnaireAnswer = getQuestionnaireSchema.response[200];

const VersionSummary = Type.Object(
  {
    id: Type.String({ examples: ['arab-2021'] }),
    version: Type.Integer({ minimum: 1 }),
    title: MultilingualRef,
    sourceLanguage: OneOf(LANGUAGES),
    region: Nullable(Type.String({ description: 'The region whose secretariat edits it; null: shipped with Pacte' })),
    basedOn: Nullable(Type.Integer({ description: 'The version it was copied from' })),
    example: Type.Boolean({ description: "Pacte's own example, not a questionnaire a secretariat sent out" }),
    wordingStatus: WordingStatus,
    questions: Type.Integer({ minimum: 0 }),
    createdAt: DateTime(),
    createdBy: Nullable(Type.String({ description: 'null: shipped with Pacte' })),
    frozen: Type.Boolean({ description: 'A cycle that uses it has an answer: nobody edits it any more' }),
    editable: Type.Boolean({ description: 'The caller may edit it now (its region’s secretariat, not frozen)' }),
    copyable: Type.Boolean({ description: 'The caller may copy it to a new version of its region' }),
    cycles: Type.Array(
      Type.Object(
        { id: Type.String(), title: MultilingualRef, state: OneOf(CYCLE_STATES) },
        { additionalProperties: false },
      ),
      { description: 'The cycles that use it (that the caller may see)' },
    ),
  },
  { additionalProperties: false },
);

export const listQuestionnairesSchema = {
  operationId: 'listQuestionnaires',
  summary: 'Questionnaire versions: those shipped with Pacte, those of the caller’s region, those cycles use',
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  response: {
    200: Type.Object({ versions: Type.Array(VersionSummary) }, { additionalProperties: false }),
    ...problems(400, 401),
  },
};

export const copyQuestionnaireSchema = {
  operationId: 'copyQuestionnaire',
  summary: 'Copy a version to a new version of the same questionnaire (a region’s secretariat)',
  description:
    'The copy is the highest version + 1, identical to the one copied (so it maps onto it by question id), ' +
    'of the region given or the caller’s only secretariat region, and editable until a cycle using it has an answer.',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ id: Id }),
  querystring: LangQuery,
  body: Type.Object(
    {
      from: Version,
      region: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'default: the caller’s region' })),
    },
    { additionalProperties: false },
  ),
  response: { 201: QuestionnaireAnswer, ...problems(400, 401, 403, 404, 422) },
};

const QuestionInput = Type.Object(
  {
    letter: Type.String({ maxLength: 16, examples: ['a'], description: 'the question id is <section>.<letter>' }),
    text: Text,
    guidance: Type.Optional(Nullable(Text)),
    kind: Type.Optional(
      Type.String({
        maxLength: 32,
        description: 'text (default), single_choice, multiple_choice, number, objectives, principles',
      }),
    ),
    choices: Type.Optional(
      Nullable(
        Type.Array(Type.Object({ id: Type.String({ maxLength: 64 }), label: Text }, { additionalProperties: false }), {
          maxItems: 100,
        }),
      ),
    ),
    unit: Type.Optional(Nullable(Text)),
  },
  { additionalProperties: false },
);

export const editQuestionnaireSchema = {
  operationId: 'editQuestionnaire',
  summary: 'Replace a version’s title, sections and questions (its region’s secretariat)',
  description:
    'The whole version, in order. Refused with questionnaire.invalid (its reason), questionnaire.shipped, ' +
    'questionnaire.frozen; nothing is written then. Questions keep their stored mapping rows while their ids stay.',
  tags,
  security: SIGNED_IN,
  params: VersionParams,
  querystring: LangQuery,
  body: Type.Object(
    {
      title: Text,
      sections: Type.Array(
        Type.Object(
          {
            id: Type.String({ maxLength: 32, examples: ['I'] }),
            title: Text,
            guidance: Type.Optional(Nullable(Text)),
            questions: Type.Array(QuestionInput, { maxItems: 200 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    },
    { additionalProperties: false },
  ),
  response: { 200: QuestionnaireAnswer, ...problems(400, 401, 404, 409, 422) },
};

export const markWordingSchema = {
  operationId: 'markQuestionnaireWording',
  summary: 'Mark a language’s wording of a version official (distributed by the secretariat) or unofficial',
  description: 'Sets the version’s status and every section’s and question’s in that language. Refused once frozen.',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ id: Id, version: Version, lang: Lang }),
  querystring: LangQuery,
  body: Type.Object({ status: OneOf(['official', 'unofficial']) }, { additionalProperties: false }),
  response: { 200: QuestionnaireAnswer, ...problems(400, 401, 404, 409) },
};

const Key = Type.Object({ id: Type.String(), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const Row = Type.Object(
  {
    from: Type.String({ maxLength: 64, examples: ['I.a'] }),
    // Null first: the body's coercion would otherwise turn null into "" for the string.
    to: Type.Union([Type.Null(), Type.String({ maxLength: 64 })], { description: 'null: no successor' }),
  },
  { additionalProperties: false },
);
const MappingAnswer = Type.Object(
  {
    from: Key,
    to: Key,
    stored: Type.Boolean({ description: 'false: no row is stored and the pair maps by question id' }),
    rows: Type.Array(Row),
    questions: Type.Array(
      Type.Object(
        {
          question: Type.String({ description: 'an earlier question' }),
          to: Type.Array(Type.String(), { description: 'the later questions its answer goes to' }),
          follows: OneOf(['same', 'moved', 'split', 'merge', 'none'], {
            description:
              'same: to the question of the same id; moved: to another one; split: copied to each of several; ' +
              'merge: put after the others going to the same question; none: no successor (reported when copying)',
          }),
          valuesFollow: Type.Boolean({
            description: 'the typed value follows too (same kind, options kept, not merged)',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    newQuestions: Type.Array(Type.String(), { description: 'later questions no earlier answer goes to' }),
  },
  { additionalProperties: false },
);
const MappingQuery = Type.Object({
  from: Type.Optional(
    Type.String({
      maxLength: 80,
      examples: ['arab-2021@1'],
      description: 'the earlier version, id@version; default: the one it was copied from',
    }),
  ),
  lang: Type.Optional(Lang),
});

export const getMappingSchema = {
  operationId: 'getQuestionMapping',
  summary: 'How the answers to an earlier version’s questions follow onto this version',
  tags,
  security: SIGNED_IN,
  params: VersionParams,
  querystring: MappingQuery,
  response: { 200: MappingAnswer, ...problems(400, 401, 404, 422) },
};

export const saveMappingSchema = {
  operationId: 'saveQuestionMapping',
  summary: 'Replace the rows mapping an earlier version’s questions onto this version (its secretariat)',
  description:
    'A question no row names maps to the question of the same id. Refused with questionnaire.invalid_mapping, ' +
    'questionnaire.shipped, questionnaire.frozen.',
  tags,
  security: SIGNED_IN,
  params: VersionParams,
  querystring: MappingQuery,
  body: Type.Object({ rows: Type.Array(Row, { maxItems: 2000 }) }, { additionalProperties: false }),
  response: { 200: MappingAnswer, ...problems(400, 401, 404, 409, 422) },
};
