/** Tracking a cycle's countries: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import { TRACKING_SORTS, TRACKING_STATES } from '../../../services/get-tracking.js';
import {
  DateOnly,
  DateTime,
  FileResponse,
  Lang,
  MultilingualRef,
  Nullable,
  OneOf,
  ReviewKey,
  SIGNED_IN,
  problems,
} from '../../contract.js';

const tags = ['cycles'];

const TrackingQuery = Type.Object(
  {
    lang: Type.Optional(Lang),
    sort: Type.Optional(
      OneOf(TRACKING_SORTS, {
        description:
          'country (default); state in workflow order; lastActivity, the longest silent first; overdue first',
      }),
    ),
    state: Type.Optional(OneOf(TRACKING_STATES, { description: 'only the countries whose review is in this state' })),
    overdue: Type.Optional(OneOf(['true', 'false'] as const)),
  },
  { additionalProperties: false },
);

const Progress = Type.Object(
  {
    answered: Type.Integer({ minimum: 0 }),
    sections: Type.Array(
      Type.Object(
        { id: Type.String(), questions: Type.Integer({ minimum: 0 }), answered: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    ),
  },
  {
    additionalProperties: false,
    description:
      'answered questions (an answer with text), counts only; null until the country has submitted, ' +
      'unless its focal point shares its progress before (PUT …/progress-sharing)',
  },
);

export const TrackedCountry = Type.Object(
  {
    country: Type.String({ examples: ['MAR'] }),
    countryName: MultilingualRef,
    state: OneOf(TRACKING_STATES, { description: 'the review’s state; none while the country has no review' }),
    progress: Nullable(Progress),
    lastActivity: Nullable(DateTime({ description: 'the latest change, answer revision or submission' })),
    overdue: Type.Boolean({ description: 'the due date has passed and no submission awaits the secretariat' }),
    submissions: Type.Object(
      {
        count: Type.Integer({ minimum: 0 }),
        lastAt: Nullable(DateTime()),
        acknowledged: Type.Boolean({ description: 'the latest submission was acknowledged' }),
        returned: Type.Boolean({ description: 'the latest submission was returned to the country' }),
      },
      { additionalProperties: false },
    ),
    synthetic: Type.Boolean({
      description: 'a fictional country of the demo region: its review is synthetic data, to be labelled so',
    }),
  },
  { additionalProperties: false },
);

const description =
  'For the cycle’s regional secretariat (and administrators); to anyone else signed in, the cycle does not ' +
  'exist (cycle.not_found). One row per participating country.';

export const getTrackingSchema = {
  operationId: 'getCycleTracking',
  summary: 'Where each participating country of a cycle stands',
  description,
  tags,
  security: SIGNED_IN,
  params: Type.Object({ cycle: ReviewKey.properties.cycle }),
  querystring: TrackingQuery,
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        region: Type.String(),
        dueOn: Nullable(DateOnly()),
        questions: Type.Integer({ minimum: 0, description: 'questions of the cycle’s questionnaire' }),
        countries: Type.Array(TrackedCountry),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 404),
  },
};

export const getTrackingCsvSchema = {
  operationId: 'getCycleTrackingCsv',
  summary: 'The tracking rows as CSV (UTF-8 with a byte order mark)',
  description: `${description} The same rows, filters and order as the JSON.`,
  tags,
  security: SIGNED_IN,
  params: Type.Object({ cycle: ReviewKey.properties.cycle }),
  querystring: TrackingQuery,
  response: { 200: FileResponse(['text/csv'], 'The rows, as an attachment'), ...problems(400, 401, 404) },
};

export const shareProgressSchema = {
  operationId: 'shareReviewProgress',
  summary: 'Let the region’s secretariat see the review’s progress before it is submitted (or stop)',
  description:
    'The country’s focal point (or an administrator) decides. The secretariat then sees, in its tracking, ' +
    'how many questions are answered in each section: counts, never text. Audited when it changes.',
  tags: ['reviews'],
  security: SIGNED_IN,
  params: ReviewKey,
  querystring: Type.Object({ lang: Type.Optional(Lang) }),
  body: Type.Object({ share: Type.Boolean() }, { additionalProperties: false }),
  response: {
    200: Type.Object(
      { country: Type.String(), cycle: Type.String(), share: Type.Boolean() },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const sendRemindersSchema = {
  operationId: 'sendReminders',
  summary: 'Remind the focal points of some countries, or of every overdue one, of the cycle’s due date',
  description:
    'For the cycle’s regional secretariat (and administrators); to anyone else signed in, the cycle does not ' +
    'exist (cycle.not_found). An in-app notification to each focal point, and an e-mail in their language (else ' +
    'the cycle’s first) when an SMTP server is configured — held for the daily digest of those who chose it ' +
    '(PUT /session/preferences). Audited (cycle.remind).',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ cycle: ReviewKey.properties.cycle }),
  querystring: Type.Object({ lang: Type.Optional(Lang) }),
  body: Type.Union([
    Type.Object(
      { countries: Type.Array(Type.String({ pattern: '^[A-Za-z]{3}$' }), { minItems: 1, maxItems: 300 }) },
      { additionalProperties: false },
    ),
    Type.Object({ late: Type.Literal(true) }, { additionalProperties: false }),
  ]),
  response: {
    200: Type.Object(
      {
        countries: Type.Array(Type.String(), { description: 'the countries reminded' }),
        reminded: Type.Integer({ minimum: 0, description: 'focal points notified in the app' }),
        mailed: Type.Integer({
          minimum: 0,
          description: 'e-mails the SMTP server accepted now (not those held for a digest)',
        }),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 404, 422),
  },
};
