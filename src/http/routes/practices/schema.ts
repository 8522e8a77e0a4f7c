/** The repository of practices (migration 034, docs/practices.md): one schema per route (TypeBox). */
import { Type } from '@sinclair/typebox';
import { ENTITY_CATEGORIES } from '../../../domain/entities.js';
import { LANGUAGES } from '../../../domain/language.js';
import { PRACTICE_SCOPES, PRACTICE_STATES } from '../../../domain/practices.js';
import {
  CountryCode,
  DateTime,
  Lang,
  LangQuery,
  MultilingualRef,
  Nullable,
  OneOf,
  PUBLIC,
  SIGNED_IN,
  Synthetic,
  problems,
} from '../../contract.js';

const tags = ['practices'];
/** Generous bounds for the wire; the service's limits (domain/practices.ts) say which field is too long. */
const Text = Type.String({ maxLength: 20_000 });
const Names = Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 200 });
const YearOrDay = Type.String({ maxLength: 10, description: 'a year (YYYY) or a day (YYYY-MM-DD)' });

const PracticeId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

const Period = Type.Object(
  { start: Nullable(YearOrDay), end: Nullable(YearOrDay) },
  { additionalProperties: false, description: 'no end: still running' },
);

/** What the country writes. */
const FieldsIn = {
  title: Type.String({ maxLength: 2000 }),
  summary: Text,
  countries: Type.Optional(
    Type.Array(Type.String({ maxLength: 3 }), { maxItems: 200, description: 'the proposing country is always one' }),
  ),
  scope: OneOf(PRACTICE_SCOPES),
  implementing: Type.Optional(Names),
  partners: Type.Optional(Names),
  period: Type.Optional(
    Type.Object({ start: Type.Optional(Nullable(YearOrDay)), end: Type.Optional(Nullable(YearOrDay)) }),
  ),
  objectives: Type.Optional(Type.Array(Type.Integer(), { maxItems: 100, description: 'GCM objectives, 1–23' })),
  principles: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
  stakeholders: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
  description: Type.Optional(Text),
  results: Type.Optional(Text),
  innovation: Type.Optional(Text),
  lessons: Type.Optional(Text),
  sustainability: Type.Optional(Text),
  links: Type.Optional(Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 200, description: 'http or https' })),
  contact: Type.Optional(Type.String({ maxLength: 4000 })),
};

const TranslatedFields = {
  title: Type.String(),
  summary: Type.String(),
  description: Type.String(),
  results: Type.String(),
  innovation: Type.String(),
  lessons: Type.String(),
  sustainability: Type.String(),
};

export const PracticeTranslation = Type.Object(
  {
    language: OneOf(LANGUAGES),
    ...TranslatedFields,
    translatorName: Type.String({ description: 'who wrote it last, as people read it' }),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  },
  { additionalProperties: false },
);

const PassagePosition = Type.Object(
  {
    block: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1, maxItems: 20 }),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const Practice = Type.Object(
  {
    id: Type.Integer(),
    cycle: Type.String(),
    region: Type.String(),
    country: Type.String({ description: 'the proposing country, whose focal points edit it' }),
    countries: Type.Array(Type.Object({ code: Type.String(), name: MultilingualRef }, { additionalProperties: false })),
    language: OneOf(LANGUAGES, { description: 'the language the country wrote it in' }),
    state: OneOf(PRACTICE_STATES),
    version: Type.Integer({ minimum: 1, description: 'send it back with an edit: another one is a conflict (409)' }),
    ...TranslatedFields,
    scope: OneOf(PRACTICE_SCOPES),
    implementing: Type.Array(Type.String()),
    partners: Type.Array(Type.String()),
    period: Period,
    objectives: Type.Array(Type.Integer({ minimum: 1, maximum: 23 })),
    principles: Type.Array(Type.String()),
    stakeholders: Type.Array(OneOf(ENTITY_CATEGORIES)),
    links: Type.Array(Type.String()),
    contact: Type.String(),
    source: Nullable(
      Type.Object(
        {
          country: Type.String(),
          cycle: Type.String(),
          number: Type.Integer({ description: 'the submission quoted' }),
          questionId: Type.String(),
          position: PassagePosition,
          text: Type.String({ description: 'the words quoted' }),
          published: Nullable(
            Type.Object(
              { version: Type.Integer() },
              { additionalProperties: false, description: 'the published review still saying them' },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    returnComment: Nullable(Type.String({ description: 'the secretariat’s comment when it last returned it' })),
    synthetic: Synthetic,
    editable: Type.Boolean({ description: 'the caller may edit it now' }),
    moves: Type.Array(OneOf(PRACTICE_STATES), { description: 'the states the caller may move it to now' }),
    createdAt: DateTime(),
    updatedAt: DateTime(),
    publishedAt: Nullable(DateTime()),
    translations: Type.Array(PracticeTranslation),
    history: Type.Optional(
      Type.Array(
        Type.Object(
          {
            from: Nullable(OneOf(PRACTICE_STATES)),
            to: OneOf(PRACTICE_STATES),
            comment: Nullable(Type.String()),
            by: Type.String(),
            byName: Type.String(),
            at: DateTime(),
          },
          { additionalProperties: false },
        ),
        { description: 'every move, who made it and when (to those who may see it unpublished)' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PracticeListQuery = Type.Object({
  objective: Type.Optional(Type.Integer({ minimum: 1, maximum: 23 })),
  principle: Type.Optional(Type.String({ maxLength: 100 })),
  country: Type.Optional(CountryCode),
  state: Type.Optional(OneOf(PRACTICE_STATES)),
  region: Type.Optional(Type.String({ maxLength: 64 })),
  q: Type.Optional(Type.String({ maxLength: 500, description: 'words (published practices only)' })),
  searchLanguage: Type.Optional(Lang),
  lang: Type.Optional(Lang),
});

export const listPracticesSchema = {
  operationId: 'listPractices',
  summary: 'Practices: the published ones, and those the caller may read in other states',
  description:
    'The public sees published practices only; a country’s focal points and validators also see their country’s, ' +
    'a secretariat its region’s. Filters: GCM objective, guiding principle, country (any of the practice’s), state, ' +
    'region, and words (q, in searchLanguage or all three), which find published practices only.',
  tags,
  security: PUBLIC,
  querystring: PracticeListQuery,
  response: {
    200: Type.Object({ practices: Type.Array(Practice) }, { additionalProperties: false }),
    ...problems(400),
  },
};

export const proposePracticeSchema = {
  operationId: 'proposePractice',
  summary: 'Propose a practice of one’s country in a cycle of its region',
  description:
    'A focal point of the country. Written in `language`; the proposing country is always among its countries. ' +
    'Optionally from a passage of one of the country’s submissions to the cycle, which stays cited. Audited ' +
    'practice.propose; the region’s secretariat is told.',
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  body: Type.Object(
    {
      cycle: Type.String({ maxLength: 64 }),
      country: CountryCode,
      language: OneOf(LANGUAGES),
      ...FieldsIn,
      source: Type.Optional(
        Type.Object(
          {
            number: Type.Integer({ minimum: 1 }),
            questionId: Type.String({ maxLength: 64 }),
            position: PassagePosition,
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  response: { 201: Practice, ...problems(400, 401, 403, 404, 422) },
};

export const getPracticeSchema = {
  operationId: 'getPractice',
  summary: 'One practice, with its translations (and its history, to those who may read it unpublished)',
  tags,
  security: PUBLIC,
  params: PracticeId,
  querystring: LangQuery,
  response: { 200: Practice, ...problems(400, 404) },
};

export const editPracticeSchema = {
  operationId: 'editPractice',
  summary: 'Rewrite a practice while it is with its country (proposed or returned)',
  description:
    'A focal point of the proposing country. `version` is the one edited: another one means someone saved in ' +
    'between (practice.edit_conflict, 409, nothing written). Audited practice.edit.',
  tags,
  security: SIGNED_IN,
  params: PracticeId,
  querystring: LangQuery,
  body: Type.Object({ version: Type.Integer({ minimum: 1 }), ...FieldsIn }, { additionalProperties: false }),
  response: { 200: Practice, ...problems(400, 401, 403, 404, 409, 422) },
};

export const movePracticeSchema = {
  operationId: 'movePractice',
  summary: 'Move a practice along its workflow',
  description:
    'proposed → in_review → published, or in_review → returned (with a comment), by the region’s secretariat; ' +
    'returned → proposed by the country’s focal point. Any other move: practice.not_in_state (409). Audited ' +
    'practice.move; the other side is told.',
  tags,
  security: SIGNED_IN,
  params: PracticeId,
  querystring: LangQuery,
  body: Type.Object(
    {
      to: OneOf(PRACTICE_STATES),
      comment: Type.Optional(Type.String({ maxLength: 20_000, description: 'required to return it' })),
      version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version the mover saw' })),
    },
    { additionalProperties: false },
  ),
  response: { 200: Practice, ...problems(400, 401, 403, 404, 409, 422) },
};

export const translatePracticeSchema = {
  operationId: 'translatePractice',
  summary: 'Write the human translation of a practice’s texts into another language',
  description:
    'The region’s secretariat and translators, or the country’s focal point while the practice is with the country. ' +
    'The title is required; not into the practice’s own language (practice.same_language). Audited practice.translate.',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ ...PracticeId.properties, language: OneOf(LANGUAGES) }),
  querystring: LangQuery,
  body: Type.Object(
    {
      title: Type.String({ maxLength: 2000 }),
      summary: Type.Optional(Text),
      description: Type.Optional(Text),
      results: Type.Optional(Text),
      innovation: Type.Optional(Text),
      lessons: Type.Optional(Text),
      sustainability: Type.Optional(Text),
    },
    { additionalProperties: false },
  ),
  response: { 200: Practice, ...problems(400, 401, 403, 404, 422) },
};
