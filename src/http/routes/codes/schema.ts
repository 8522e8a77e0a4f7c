/** Codes of a cycle's questions and the coding of the countries' answers (issue 13): one schema per route. */
import { Type } from '@sinclair/typebox';
import { Blocks, DateTime, LangQuery, MultilingualRef, Nullable, OneOf, SIGNED_IN, problems } from '../../contract.js';

const tags = ['codes'];

const CycleParams = Type.Object({ cycle: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'e.g. demo-2' }) });
const QuestionId = Type.String({ pattern: '^[A-Za-z0-9._-]{1,32}$', description: 'e.g. I.a' });
const CodeParams = Type.Object({ ...CycleParams.properties, question: QuestionId });
const CountryParams = Type.Object({
  ...CodeParams.properties,
  country: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3' }),
});

const Text = Type.String({ maxLength: 200 });
const NamesIn = Type.Object(
  { fr: Type.Optional(Text), en: Type.Optional(Text), ar: Type.Optional(Text) },
  { additionalProperties: false, description: 'required in fr, en and ar (code.names_missing_language otherwise)' },
);
const Cues = Type.Array(Type.String({ maxLength: 120 }), { maxItems: 100 });
const CuesIn = Type.Object(
  { fr: Type.Optional(Cues), en: Type.Optional(Cues), ar: Type.Optional(Cues) },
  { additionalProperties: false },
);
const Kind = OneOf(['single', 'multiple'] as const, { description: 'one value per answer, or several' });

const CodeValue = Type.Object(
  {
    key: Type.String({ maxLength: 64, examples: ['existing_mechanism'] }),
    labels: MultilingualRef,
    cues: Type.Object(
      { fr: Type.Optional(Cues), en: Type.Optional(Cues), ar: Type.Optional(Cues) },
      { additionalProperties: false, description: 'cue phrases that suggest the value, per answer language' },
    ),
  },
  { additionalProperties: false },
);
const CodeValueIn = Type.Object(
  { key: Type.String({ maxLength: 64 }), labels: NamesIn, cues: Type.Optional(CuesIn) },
  { additionalProperties: false },
);

export const Code = Type.Object(
  {
    cycle: Type.String(),
    questionId: Type.String(),
    kind: Kind,
    names: MultilingualRef,
    values: Type.Array(CodeValue),
    updatedAt: DateTime(),
    updatedBy: Type.String(),
  },
  { additionalProperties: false },
);

const Passage = Type.Object(
  {
    source: Type.Union([
      Type.Object(
        {
          kind: Type.Literal('submission'),
          country: Type.String(),
          cycle: Type.String(),
          number: Type.Integer(),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          kind: Type.Literal('revision'),
          country: Type.String(),
          cycle: Type.String(),
          revision: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ]),
    questionId: Type.String(),
    position: Type.Object(
      { block: Type.Array(Type.Integer()), start: Type.Integer(), end: Type.Integer() },
      { additionalProperties: false },
    ),
    text: Type.String(),
  },
  {
    additionalProperties: false,
    description: 'words of an answer (src/domain/passage.ts): whose, which question, block path, UTF-16 offsets, quote',
  },
);

export const Coding = Type.Object(
  {
    submissionNumber: Type.Integer(),
    values: Type.Array(Type.String()),
    state: OneOf(['suggested', 'confirmed', 'rejected'] as const),
    evidence: Type.Array(
      Type.Object({ value: Type.String(), passages: Type.Array(Passage) }, { additionalProperties: false }),
      { description: 'the passages that suggested each value' },
    ),
    suggestedAt: Nullable(DateTime()),
    decidedBy: Nullable(Type.String({ description: 'who confirmed or rejected it' })),
    decidedByName: Nullable(
      Type.String({ description: 'who, as people read it: the account’s display name (else its address)' }),
    ),
    decidedAt: Nullable(DateTime()),
  },
  { additionalProperties: false },
);

const CodeInputFields = {
  kind: Kind,
  names: NamesIn,
  values: Type.Array(CodeValueIn, { maxItems: 60 }),
};

export const listCodesSchema = {
  operationId: 'listCodes',
  summary: 'The codes of a cycle’s questions',
  description:
    'For the cycle’s regional secretariat (and administrators); to anyone else signed in, the cycle does not exist.',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        region: Type.String(),
        codes: Type.Array(Code),
        defaults: Type.Array(
          Type.Object(
            { questionId: Type.String(), kind: Kind, names: MultilingualRef, values: Type.Integer({ minimum: 0 }) },
            { additionalProperties: false },
          ),
          {
            description:
              'The default codes POST …/codes/defaults would install now (questions of the questionnaire that have ' +
              'one and no code yet): question, kind, names, how many values',
          },
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 404),
  },
};

export const createCodeSchema = {
  operationId: 'createCode',
  summary: 'Give a question of the cycle a code (its closed list of values)',
  description: 'The cycle’s secretariat. Names and value labels in fr, en and ar. Audited.',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: LangQuery,
  body: Type.Object({ questionId: QuestionId, ...CodeInputFields }, { additionalProperties: false }),
  response: { 201: Code, ...problems(400, 401, 403, 404, 409, 422) },
};

export const installDefaultCodesSchema = {
  operationId: 'installDefaultCodes',
  summary: 'Give the cycle Pacte’s default codes (I.a, II.a, V.a of arab-2021-like questionnaires)',
  description: 'Only for questions of the cycle’s questionnaire that have no code yet. Audited.',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: LangQuery,
  response: {
    200: Type.Object({ created: Type.Array(Type.String()) }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404),
  },
};

export const getCodeSchema = {
  operationId: 'getCode',
  summary: 'A question’s code with each country’s answer and coding',
  description:
    'Each country whose latest submission stands (not returned), or whose answer was coded: the answer as ' +
    'submitted (to show the evidence passages in it) and its coding, if any.',
  tags,
  security: SIGNED_IN,
  params: CodeParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        region: Type.String(),
        code: Code,
        countries: Type.Array(
          Type.Object(
            {
              country: Type.String(),
              countryName: MultilingualRef,
              synthetic: Type.Boolean(),
              answer: Nullable(
                Type.Object(
                  { number: Type.Integer(), language: OneOf(['fr', 'en', 'ar'] as const), blocks: Blocks },
                  { additionalProperties: false },
                ),
              ),
              coding: Nullable(Coding),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 404),
  },
};

export const editCodeSchema = {
  operationId: 'editCode',
  summary: 'Rewrite a question’s code (names, values, cue phrases)',
  description:
    'A value confirmed on some answer cannot be removed (code.values_in_use), nor can the code become single ' +
    'choice while an answer is confirmed with several values (code.kind_in_use). Audited.',
  tags,
  security: SIGNED_IN,
  params: CodeParams,
  querystring: LangQuery,
  body: Type.Object(CodeInputFields, { additionalProperties: false }),
  response: { 200: Code, ...problems(400, 401, 403, 404, 409, 422) },
};

export const suggestCodesSchema = {
  operationId: 'suggestCodes',
  summary: 'Suggest the code’s values for every country’s submitted answer',
  description:
    'Stored as suggested, with the passages that suggest each value. An answer a person already confirmed or ' +
    'rejected (same submission) is kept as it is. Audited.',
  tags,
  security: SIGNED_IN,
  params: CodeParams,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { suggested: Type.Array(Type.String()), kept: Type.Array(Type.String()) },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const decideCodingSchema = {
  operationId: 'decideCoding',
  summary: 'Confirm (accept or correct) or reject how a country’s answer is coded',
  description:
    'confirmed: the values set (known values; one only for a single-choice code); rejected: none fits. Who and ' +
    'when are kept, and audited with what was suggested.',
  tags,
  security: SIGNED_IN,
  params: CountryParams,
  querystring: LangQuery,
  body: Type.Union([
    Type.Object(
      { state: Type.Literal('confirmed'), values: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 60 }) },
      { additionalProperties: false },
    ),
    Type.Object({ state: Type.Literal('rejected') }, { additionalProperties: false }),
  ]),
  response: { 200: Coding, ...problems(400, 401, 403, 404, 422) },
};
