/** Submissions to the regional secretariat: one schema per route (TypeBox); it validates input, types the handler and documents the API. */
import { Type } from '@sinclair/typebox';
import {
  DateTime,
  LangQuery,
  MultilingualRef,
  Nullable,
  OneOf,
  ReviewKey,
  SIGNED_IN,
  problems,
  refTo,
  Synthetic,
} from '../../contract.js';
import { Review } from '../reviews/schema.js';

const tags = ['submissions'];

/** `/{country}/{cycle}/submissions/{number}`: one submission of a review. */
const SubmissionKey = Type.Object({
  ...ReviewKey.properties,
  number: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});

/** Who, as people read it (services/author-names.ts): names, not addresses (issue 12, item 9). */
const ByName = Type.String({
  description: 'who, as people read it: the account’s display name (else its address), in the requested language',
});

const Acknowledgement = Type.Object(
  { by: Type.String(), byName: ByName, at: DateTime() },
  { additionalProperties: false, description: 'receipt acknowledged by the secretariat' },
);
const Return = Type.Object(
  {
    by: Type.String(),
    byName: ByName,
    at: DateTime(),
    reason: Nullable(Type.String({ description: 'null for a translator of the region (see `note`)' })),
  },
  { additionalProperties: false, description: 'returned to the country, with the reason' },
);

/** A submission without the review it holds: when, by whom, and what the secretariat did with it. */
export const SubmissionSummary = Type.Object(
  {
    number: Type.Integer({ minimum: 1, description: '1, 2, …: a resubmission after a return is the next number' }),
    submittedAt: DateTime(),
    submittedBy: Type.String({ description: 'who submitted it (an e-mail address)' }),
    submittedByName: ByName,
    note: Nullable(
      Type.String({
        description:
          'the transmittal note sent with it; null also for a translator of the region, which reads the answers, not the exchange between the country and the secretariat (note, comments, reason)',
      }),
    ),
    acknowledged: Nullable(Acknowledgement),
    returned: Nullable(Return),
    comments: Type.Integer({ minimum: 0 }),
    url: Type.String({ description: 'This submission in the API (a stable URL)' }),
  },
  { additionalProperties: false },
);

/** What the secretariat does with a submission (migration 015's submission_event.kind). */
export const SUBMISSION_EVENT_KINDS = ['acknowledged', 'comment', 'returned'] as const;

const SubmissionEvent = Type.Object(
  {
    id: Type.Integer(),
    kind: OneOf(SUBMISSION_EVENT_KINDS),
    by: Type.String({ description: 'as recorded: an e-mail address, or cli:<system user>' }),
    byName: Type.String({
      description:
        'who, as people read it: the account’s display name (else its address); the operator as « Pacte (démo) » or « Pacte (import) », in the requested language',
    }),
    at: DateTime(),
    text: Nullable(
      Type.String({ description: 'the comment, or the reason of a return; null for a translator of the region' }),
    ),
  },
  { additionalProperties: false },
);

const SubmissionCommentBody = Type.Object({ body: Type.String({ maxLength: 10000 }) }, { additionalProperties: false });

export const listCycleSubmissionsSchema = {
  operationId: 'listCycleSubmissions',
  summary: 'What the countries of a cycle submitted: each country’s latest submission',
  description:
    'For the cycle’s regional secretariat (and administrators); to anyone else signed in, the cycle does not ' +
    'exist (cycle.not_found). A country that took its review back stays listed with what it sent. Countries ' +
    'that never submitted are not listed.',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ cycle: ReviewKey.properties.cycle }),
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        cycle: Type.String(),
        region: Type.String(),
        submissions: Type.Array(
          Type.Object(
            {
              country: Type.String(),
              countryName: MultilingualRef,
              synthetic: Synthetic,
              latest: SubmissionSummary,
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const listReviewSubmissionsSchema = {
  operationId: 'listReviewSubmissions',
  summary: 'What the country submitted to its regional secretariat, newest first',
  description:
    'Read by the country’s focal points and validators, and by the region’s secretariat once the review ' +
    'was submitted (to anyone else, the review does not exist).',
  tags,
  security: SIGNED_IN,
  params: ReviewKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { country: Type.String(), cycle: Type.String(), submissions: Type.Array(SubmissionSummary) },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const getSubmissionSchema = {
  operationId: 'getSubmission',
  summary: 'One submission: the review as it was sent, and what happened to it since',
  description: 'A submission never changes: the secretariat reads this, never the country’s working copy.',
  tags,
  security: SIGNED_IN,
  params: SubmissionKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        ...SubmissionSummary.properties,
        country: Type.String(),
        cycle: Type.String(),
        events: Type.Array(SubmissionEvent, { description: 'acknowledgement, comments, return; oldest first' }),
        review: refTo(Review),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const acknowledgeSubmissionSchema = {
  operationId: 'acknowledgeSubmission',
  summary: 'Acknowledge receipt of a submission (once); the focal points are told',
  tags,
  security: SIGNED_IN,
  params: SubmissionKey,
  querystring: LangQuery,
  response: { 201: SubmissionEvent, ...problems(400, 401, 403, 404, 409) },
};

export const commentOnSubmissionSchema = {
  operationId: 'commentOnSubmission',
  summary: 'Comment on a submission; the focal points are told',
  tags,
  security: SIGNED_IN,
  params: SubmissionKey,
  querystring: LangQuery,
  body: SubmissionCommentBody,
  response: { 201: SubmissionEvent, ...problems(400, 401, 403, 404, 422) },
};

export const returnSubmissionSchema = {
  operationId: 'returnSubmission',
  summary: 'Return the review to the country with a reason: it goes back to draft',
  description:
    'Only the latest submission of a review still submitted. Audited; the focal points are told the reason. ' +
    'The country’s next submission is a new record.',
  tags,
  security: SIGNED_IN,
  params: SubmissionKey,
  querystring: LangQuery,
  body: Type.Object({ reason: Type.String({ maxLength: 10000 }) }, { additionalProperties: false }),
  response: {
    200: Type.Object(
      {
        country: Type.String(),
        cycle: Type.String(),
        number: Type.Integer(),
        status: Type.Literal('draft'),
        reason: Type.String(),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};
