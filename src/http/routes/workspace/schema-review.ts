/** A review as its team prepares it: opening it, the dashboard, its workflow, assignments, the audit log. */
import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import { ANSWER_STATUSES, REVIEW_STATUSES } from '../../../domain/workflow.js';
import {
  CountryCode,
  DateOnly,
  DateTime,
  LangQuery,
  Lang,
  MultilingualRef,
  Nullable,
  OneOf,
  ReviewKey,
  SIGNED_IN,
  problems,
  Synthetic,
} from '../../contract.js';
import { EntityRef } from '../contributions/schema.js';
import { AnswerKey, Assignment, AuthorName, Move, WordingStatuses, tags } from './schema.js';

const ReviewState = Type.Object(
  { country: Type.String(), cycle: Type.String(), status: OneOf(REVIEW_STATUSES) },
  { additionalProperties: false },
);

/** What starting from an earlier review copied (docs/regional.md): by question id. */
const CopyReport = Type.Object(
  {
    from: Type.String({ description: 'the cycle of the review copied' }),
    questions: Type.Array(Type.String(), { description: 'questions whose answer was copied (origin copied)' }),
    notInQuestionnaire: Type.Array(Type.String(), {
      description: 'questions answered in the earlier review that this cycle’s questionnaire does not have',
    }),
    split: Type.Array(Type.Object({ from: Type.String(), to: Type.Array(Type.String()) }), {
      description: 'earlier questions whose answer was copied to several of this cycle’s questions (a split)',
    }),
    merged: Type.Array(Type.Object({ from: Type.Array(Type.String()), to: Type.String() }), {
      description: 'this cycle’s questions that received several earlier answers, one after the other (a merge)',
    }),
    valuesNotCarried: Type.Array(Type.String(), {
      description: 'this cycle’s questions that received an earlier answer’s text but not its typed value',
    }),
  },
  { additionalProperties: false },
);

export const createReviewSchema = {
  operationId: 'createReview',
  summary: "Open a country's review for a cycle in which it takes part: empty, or from its review of an earlier cycle",
  description:
    'With `from`, the answers of the country’s review of that cycle become the first revisions (origin copied), ' +
    'question by question along the stored mapping of the two questionnaire versions (the same id by default; ' +
    '`mapping` overrides it for the questions it names); `copied` reports what was copied, split, merged, ' +
    'what the new questionnaire lacks and which typed values could not follow. ' +
    'A country outside the cycle: cycle.not_participating; a language the cycle does not offer: cycle.language_not_offered.',
  tags,
  security: SIGNED_IN,
  body: Type.Object(
    {
      country: CountryCode,
      cycle: ReviewKey.properties.cycle,
      language: OneOf(LANGUAGES, { description: 'the language the review is written in' }),
      from: Type.Optional(
        Type.Object(
          {
            cycle: ReviewKey.properties.cycle,
            mapping: Type.Optional(
              Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 64 }), {
                maxProperties: 1000,
                description:
                  'earlier question id → this cycle’s question id, overriding the stored mapping of the two versions for the questions it names (default: the stored mapping, else the same id)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object({ ...ReviewState.properties, copied: Type.Optional(CopyReport) }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

const count = Type.Integer({ minimum: 0 });

const DashboardQuestion = Type.Object(
  {
    id: Type.String(),
    letter: Type.String(),
    text: MultilingualRef,
    textStatus: WordingStatuses,
    status: OneOf(ANSWER_STATUSES),
    revision: Type.Integer({ description: '0: never written' }),
    allowedMoves: Type.Array(Move(OneOf(ANSWER_STATUSES)), {
      description:
        'the moves the caller may make now on this answer (as its editor offers them): approving is left out ' +
        'for whoever wrote its current text, unless the country waived the separation of duties',
    }),
    assignments: Type.Array(Assignment),
    inputs: Type.Integer({ description: "stakeholders' inputs submitted" }),
    comments: Type.Integer(),
  },
  { additionalProperties: false },
);

const DashboardSection = Type.Object(
  {
    id: Type.String(),
    title: MultilingualRef,
    progress: Type.Object(
      { not_started: count, drafting: count, in_review: count, changes_requested: count, approved: count },
      { additionalProperties: false, description: 'how many answers of the section are in each status' },
    ),
    questions: Type.Array(DashboardQuestion),
  },
  { additionalProperties: false },
);

const questionIds = Type.Array(Type.String(), { description: 'the questions concerned, in questionnaire order' });

/** A move the role and status allow but a precondition refuses now, with the refusal's error code. */
const BlockedReviewMove = Type.Object(
  {
    to: OneOf(REVIEW_STATUSES),
    code: OneOf(['review.answers_not_approved', 'cycle.closed'], {
      description: 'the error code the move would be refused with now (docs/errors.md)',
    }),
    details: Type.Object(
      {
        notApproved: Type.Optional(count),
        total: Type.Optional(Type.Integer({ minimum: 0, description: 'written answers' })),
        questions: Type.Optional(questionIds),
        cycle: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const ChecklistItem = Type.Object({ count, questions: questionIds }, { additionalProperties: false });

/** What to look at before validating or submitting: warnings (the server refuses only by blockedMoves). */
const Checklist = Type.Object(
  {
    unanswered: ChecklistItem,
    notApproved: ChecklistItem,
    overdue: Type.Object(
      { count: Type.Integer({ minimum: 0, description: 'overdue assignments' }), questions: questionIds },
      { additionalProperties: false },
    ),
    toMerge: Type.Object(
      {
        count: Type.Integer({ minimum: 0, description: 'contributions submitted, not merged' }),
        questions: questionIds,
      },
      { additionalProperties: false },
    ),
    inputs: Type.Object(
      {
        count: Type.Integer({ minimum: 0, description: "stakeholders' inputs without a response" }),
        questions: questionIds,
      },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    description:
      'before validating or submitting: questions unanswered, written answers not approved, overdue assignments, ' +
      "contributions submitted but not merged, stakeholders' inputs not answered",
  },
);

export const getDashboardSchema = {
  operationId: 'getDashboard',
  summary: 'The review dashboard: status, allowed moves, progress per section and per entity, overdue assignments',
  tags,
  security: SIGNED_IN,
  params: ReviewKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        country: Type.String(),
        cycle: Type.String(),
        title: Type.String(),
        language: OneOf(LANGUAGES),
        status: OneOf(REVIEW_STATUSES),
        synthetic: Synthetic,
        allowedMoves: Type.Array(Move(OneOf(REVIEW_STATUSES)), {
          description: 'the moves the caller may make now and that would succeed (role, status and preconditions)',
        }),
        blockedMoves: Type.Array(BlockedReviewMove, {
          description:
            'moves the caller’s role and the status allow but a precondition refuses now: review.answers_not_approved ' +
            '(validating: written answers not approved), cycle.closed (submitting: the cycle no longer receives submissions)',
        }),
        checklist: Checklist,
        may: Type.Object(
          {
            edit: Type.Boolean(),
            assign: Type.Boolean(),
            audit: Type.Boolean(),
            shareProgress: Type.Boolean({ description: 'may decide whether the secretariat sees the progress' }),
          },
          { additionalProperties: false, description: 'what the caller may do now (which buttons to show)' },
        ),
        shareProgress: Type.Boolean({
          description:
            'the region’s secretariat sees the review’s progress before it is submitted (counts only, never text; PUT …/progress-sharing)',
        }),
        sections: Type.Array(DashboardSection),
        byEntity: Type.Array(
          Type.Object(
            { entity: EntityRef, assigned: count, submitted: count, overdue: count },
            { additionalProperties: false },
          ),
        ),
        entities: Type.Array(EntityRef, { description: 'the entities of the country (questions may be given to)' }),
        versions: Type.Array(
          Type.Object({ version: Type.Integer(), publishedAt: DateTime() }, { additionalProperties: false }),
          { description: 'The published versions, newest first (docs/publishing.md)' },
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const moveReviewSchema = {
  operationId: 'moveReview',
  summary: 'Move the review along its workflow (draft → in_consultation → validated → submitted → published)',
  tags,
  security: SIGNED_IN,
  params: ReviewKey,
  body: Type.Object(
    {
      to: OneOf(REVIEW_STATUSES),
      reason: Type.Optional(Type.String({ maxLength: 10000 })),
      note: Type.Optional(
        Type.String({ maxLength: 2000, description: 'a transmittal note kept with the submission (to: submitted)' }),
      ),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      {
        ...ReviewState.properties,
        version: Type.Optional(Type.Integer({ description: 'the version written, when the move publishes' })),
        submission: Type.Optional(
          Type.Integer({ description: 'the submission written, when the move submits (its number)' }),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

export const listReviewAuditSchema = {
  operationId: 'listReviewAudit',
  summary: 'The audit log of a review: who did what and when, newest first',
  tags,
  security: SIGNED_IN,
  params: ReviewKey,
  querystring: Type.Object({
    lang: Type.Optional(Lang),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    before: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,18}$', description: 'the id of the last event of the previous page' }),
    ),
  }),
  response: {
    200: Type.Object(
      {
        events: Type.Array(
          Type.Object(
            {
              id: Type.String({ description: 'a 64-bit number, as text' }),
              at: DateTime(),
              actor: Type.String({ description: 'as recorded: an e-mail address, or cli:<system user>' }),
              actorName: AuthorName,
              action: Type.String({ examples: ['answer.edit', 'review.status'] }),
              questionId: Nullable(Type.String()),
              // Each action records what it concerns (a revision, a move's from and to, a file's
              // hash…): a free map whose keys the action decides.
              details: Type.Record(Type.String(), Type.Unknown(), {
                description: 'what the action concerns; its keys depend on the action',
              }),
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

export const assignQuestionsSchema = {
  operationId: 'assignQuestions',
  summary: 'Assign questions to an entity of the country, with a due date',
  description:
    'Assigning again changes the due date and the note. The entity’s contributors are notified. A due date ' +
    'before today (in the earliest time zone, UTC−12) is refused: assignment.due_in_past.',
  tags,
  security: SIGNED_IN,
  params: ReviewKey,
  body: Type.Object(
    {
      questionIds: Type.Array(Type.String(), { minItems: 1, maxItems: 100 }),
      entityId: Type.Integer(),
      // Not a format here: a date that is not one is answered assignment.invalid_due_date (422).
      dueOn: Type.Optional(
        Nullable(Type.String({ description: 'YYYY-MM-DD, today or later (assignment.due_in_past)' })),
      ),
      note: Type.Optional(Nullable(Type.String({ maxLength: 4000, description: 'what is asked of the entity' }))),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object({ assigned: Type.Array(Type.String()) }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

export const unassignQuestionSchema = {
  operationId: 'unassignQuestion',
  summary: 'Withdraw an assignment (the entity’s contribution, if any, is kept)',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ ...AnswerKey.properties, entityId: Type.Integer() }),
  response: { 204: Type.Null({ description: 'Withdrawn' }), ...problems(400, 401, 403, 404, 409) },
};

export const updateAssignmentSchema = {
  operationId: 'updateAssignment',
  summary: 'Change an assignment’s due date or its note to the entity; what is not given stays',
  description:
    'A past due date is refused (assignment.due_in_past); null removes the due date or the note. When something ' +
    'changed, the entity’s contributors are notified (assignment_changed) and it is audited (assignment.change).',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ ...AnswerKey.properties, entityId: Type.Integer() }),
  body: Type.Object(
    {
      dueOn: Type.Optional(Nullable(Type.String({ description: 'YYYY-MM-DD, today or later' }))),
      note: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      {
        questionId: Type.String(),
        entityId: Type.Integer(),
        dueOn: Nullable(DateOnly()),
        note: Nullable(Type.String()),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};
