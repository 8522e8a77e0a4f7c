/** Review cycles: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import { CYCLE_STATES, LATE_POLICIES } from '../../../domain/cycles.js';
import { LANGUAGES } from '../../../domain/language.js';
import {
  DateOnly,
  DateTime,
  LangQuery,
  Lang,
  MultilingualRef,
  Nullable,
  OneOf,
  PUBLIC,
  ReviewKey,
  SIGNED_IN,
  problems,
} from '../../contract.js';

const tags = ['cycles'];
const CycleParams = Type.Object({ cycle: ReviewKey.properties.cycle });

export const Cycle = Type.Object(
  {
    id: Type.String({ examples: ['arab-2021'] }),
    region: Type.String({ examples: ['arab'] }),
    title: MultilingualRef,
    questionnaire: Type.Object(
      { id: Type.String(), version: Type.Integer({ minimum: 1 }) },
      { additionalProperties: false },
    ),
    languages: Type.Array(OneOf(LANGUAGES), { description: 'the languages its reviews may be written in' }),
    opensOn: Nullable(DateOnly()),
    dueOn: Nullable(DateOnly({ description: 'when reviews are due' })),
    state: OneOf(CYCLE_STATES),
    synthetic: Type.Boolean({
      description: 'a cycle of the fictional demo region: its reviews are synthetic data, to be labelled so',
    }),
    settings: Type.Optional(
      Type.Object(
        {
          countries: Type.Array(Type.String(), { description: 'participating countries, ISO 3166-1 alpha-3' }),
          lateSubmissions: Nullable(
            OneOf(LATE_POLICIES, { description: 'chosen when closing: what happens to a review submitted after it' }),
          ),
          createdBy: Nullable(Type.String({ description: 'null: shipped with Pacte' })),
          createdAt: DateTime(),
          updatedBy: Nullable(Type.String()),
          updatedAt: DateTime(),
        },
        {
          additionalProperties: false,
          description: "For the cycle's regional secretariat and administrators only",
        },
      ),
    ),
  },
  { additionalProperties: false },
);

// Dates, ids, languages and countries are checked by the service, so that each mistake gets
// its own code (cycle.invalid_dates, cycle.unknown_country, …) rather than a schema's 400.
const Day = Type.String({ maxLength: 32, description: 'YYYY-MM-DD' });
const Settings = {
  title: Type.Optional(MultilingualRef),
  questionnaire: Type.Optional(Type.String({ minLength: 1, maxLength: 64, examples: ['arab-2021'] })),
  questionnaireVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the newest' })),
  languages: Type.Optional(Type.Array(Type.String({ maxLength: 8 }), { maxItems: 8, description: 'fr, en, ar' })),
  opensOn: Type.Optional(Nullable(Day)),
  dueOn: Type.Optional(Nullable(Day)),
  countries: Type.Optional(
    Type.Array(Type.String({ maxLength: 8 }), { maxItems: 300, description: 'ISO 3166-1 alpha-3 codes' }),
  ),
};

export const listCyclesSchema = {
  operationId: 'listCycles',
  summary: 'Review cycles: open and closed ones for everyone, planned ones and settings for their secretariat',
  tags,
  security: PUBLIC,
  querystring: Type.Object({ region: Type.Optional(Type.String({ maxLength: 64 })), lang: Type.Optional(Lang) }),
  response: { 200: Type.Object({ cycles: Type.Array(Cycle) }, { additionalProperties: false }), ...problems(400) },
};

export const getCycleSchema = {
  operationId: 'getCycle',
  summary: 'One review cycle (a planned one is cycle.not_found except to its secretariat)',
  tags,
  security: PUBLIC,
  params: CycleParams,
  querystring: LangQuery,
  response: { 200: Cycle, ...problems(400, 404) },
};

export const createCycleSchema = {
  operationId: 'createCycle',
  summary: "Create a cycle of a region, planned (the region's secretariat, or an admin)",
  description:
    'Defaults: the region’s name and the id as title, the questionnaire’s newest version, fr, en and ar. ' +
    'Refused with cycle.exists, cycle.invalid_id, cycle.invalid_dates, cycle.unknown_country, ' +
    'cycle.unknown_questionnaire, cycle.unknown_region, cycle.invalid_languages or cycle.invalid_title; nothing is written then.',
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  body: Type.Object(
    {
      id: Type.String({ minLength: 1, maxLength: 100, examples: ['arab-2024'] }),
      region: Type.String({ minLength: 1, maxLength: 64, examples: ['arab'] }),
      ...Settings,
      questionnaire: Type.String({ minLength: 1, maxLength: 64, examples: ['arab-2021'] }),
    },
    { additionalProperties: false },
  ),
  response: { 201: Cycle, ...problems(400, 401, 403, 404, 409, 422) },
};

export const editCycleSchema = {
  operationId: 'editCycle',
  summary: "Change a cycle's settings (its region's secretariat, or an admin); what is not given stays",
  description:
    'The questionnaire changes only while no review exists in the cycle (cycle.questionnaire_locked); a ' +
    'country with a review stays (cycle.country_has_review); an open or closed cycle keeps its dates.',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: LangQuery,
  body: Type.Object(Settings, { additionalProperties: false }),
  response: { 200: Cycle, ...problems(400, 401, 403, 404, 409, 422) },
};

export const moveCycleSchema = {
  operationId: 'moveCycle',
  summary: 'Open or close a cycle (planned → open → closed → open)',
  description:
    'Closing needs `late`: `accept` keeps receiving reviews submitted after it, `refuse` refuses them ' +
    '(cycle.closing_policy_required otherwise). Opening needs the cycle’s dates.',
  tags,
  security: SIGNED_IN,
  params: CycleParams,
  querystring: LangQuery,
  body: Type.Object(
    { to: Type.Union([Type.Literal('open'), Type.Literal('closed')]), late: Type.Optional(OneOf(LATE_POLICIES)) },
    { additionalProperties: false },
  ),
  response: { 200: Cycle, ...problems(400, 401, 403, 404, 409, 422) },
};
