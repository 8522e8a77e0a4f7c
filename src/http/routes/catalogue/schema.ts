/** The catalogue routes: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import { QUESTION_KINDS } from '../../../domain/questionnaire.js';
import { Lang, LangQuery, MultilingualRef, Nullable, OneOf, PUBLIC, problems } from '../../contract.js';

/** Per language: how far the wording may be trusted. */
const languageMap = <T extends Parameters<typeof Type.Optional>[0]>(value: T, description: string) =>
  Type.Object(
    { fr: Type.Optional(value), en: Type.Optional(value), ar: Type.Optional(value) },
    { additionalProperties: false, description },
  );

/** The questionnaire's wording per language: the secretariat's text, or Pacte's own translation. */
const WordingStatus = languageMap(
  OneOf(['official', 'unofficial']),
  'Per language: `official` (the text the secretariat sent out) or `unofficial` (Pacte’s translation)',
);

/** A reference text per language: verified (true), from a secondary source (a word saying which), or not (false). */
const Verified = languageMap(
  Type.Union([Type.Boolean(), Type.String({ examples: ['secondary'] })]),
  'Per language: whether the text is verified against the official one (true), from a secondary source ("secondary"), or an unofficial translation (false)',
);

export const getQuestionnaireSchema = {
  operationId: 'getQuestionnaire',
  summary: 'A questionnaire: sections and questions, worded in fr/en/ar',
  tags: ['catalogue'],
  security: PUBLIC,
  params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,64}$', examples: ['arab-2021'] }) }),
  querystring: Type.Object({
    lang: Type.Optional(Lang),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'default: latest' })),
  }),
  response: {
    200: Type.Object(
      {
        id: Type.String({ examples: ['arab-2021'] }),
        version: Type.Integer({ minimum: 1 }),
        title: MultilingualRef,
        sourceLanguage: OneOf(LANGUAGES, { description: 'The language of the official wording' }),
        wordingStatus: Type.Optional(WordingStatus),
        region: Type.Optional(Nullable(Type.String({ description: 'The region whose secretariat edits it; null: shipped with Pacte' }))),
        basedOn: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'The version it was copied from' }))),
        example: Type.Optional(Type.Boolean({ description: "Pacte's own example, not a questionnaire a secretariat sent out" })),
        sections: Type.Array(
          Type.Object(
            {
              id: Type.String({ description: 'Roman numeral', examples: ['I'] }),
              title: MultilingualRef,
              titleStatus: WordingStatus,
              guidance: Type.Optional(Nullable(MultilingualRef)),
              questions: Type.Array(
                Type.Object(
                  {
                    id: Type.String({ examples: ['I.a'] }),
                    letter: Type.String({ examples: ['a'] }),
                    text: MultilingualRef,
                    textStatus: WordingStatus,
                    kind: Type.Optional(OneOf(QUESTION_KINDS, { description: 'Absent: text (free text only); docs/questionnaires.md' })),
                    choices: Type.Optional(
                      Nullable(
                        Type.Array(
                          Type.Object({ id: Type.String(), label: MultilingualRef }, { additionalProperties: false }),
                        ),
                      ),
                    ),
                    unit: Type.Optional(Nullable(MultilingualRef)),
                    guidance: Type.Optional(Nullable(MultilingualRef)),
                  },
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
    ...problems(400, 404),
  },
};

export const listObjectivesSchema = {
  operationId: 'listObjectives',
  summary: 'The 23 GCM objectives',
  tags: ['catalogue'],
  security: PUBLIC,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        objectives: Type.Array(
          Type.Object(
            {
              number: Type.Integer({ minimum: 1, maximum: 23 }),
              title: MultilingualRef,
              shortName: MultilingualRef,
              paragraph: Nullable(Type.Integer({ description: 'Its paragraph in the Compact' })),
              verified: Verified,
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400),
  },
};

export const listPrinciplesSchema = {
  operationId: 'listPrinciples',
  summary: 'The 10 guiding principles of the GCM',
  tags: ['catalogue'],
  security: PUBLIC,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        principles: Type.Array(
          Type.Object(
            {
              key: Type.String(),
              letter: Type.String({ examples: ['a'] }),
              title: MultilingualRef,
              summary: Nullable(Type.String()),
              verified: Verified,
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400),
  },
};

export const listCountriesSchema = {
  operationId: 'listCountries',
  summary: 'Countries (ISO 3166-1 alpha-3) with their names and regions',
  tags: ['catalogue'],
  security: PUBLIC,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        countries: Type.Array(
          Type.Object(
            {
              code: Type.String({ description: 'ISO 3166-1 alpha-3', examples: ['MAR'] }),
              alpha2: Type.String({ description: 'ISO 3166-1 alpha-2', examples: ['MA'] }),
              name: MultilingualRef,
              regions: Type.Array(Type.String({ examples: ['arab'] })),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400),
  },
};
