/** The signed-in person's work: tasks and notifications (docs/workspace.md). */
import { Type } from '@sinclair/typebox';
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES } from '../../../domain/contributions.js';
import { REVIEW_STATUSES } from '../../../domain/workflow.js';
import {
  DateOnly,
  DateTime,
  LangQuery,
  MultilingualRef,
  Nullable,
  OneOf,
  SIGNED_IN,
  problems,
  Synthetic,
} from '../../contract.js';
import { EntityRef } from '../contributions/schema.js';
import { AuthorName, tags } from './schema.js';

const ReviewTask = Type.Object(
  {
    country: Type.String(),
    cycle: Type.String(),
    title: Type.String(),
    status: OneOf(REVIEW_STATUSES),
    countryName: MultilingualRef,
    cycleTitle: MultilingualRef,
    answered: Type.Integer({ description: 'questions with an answer' }),
    questions: Type.Integer({ description: 'questions of the questionnaire' }),
    synthetic: Synthetic,
  },
  { additionalProperties: false },
);

const AssignmentTask = Type.Object(
  {
    country: Type.String(),
    cycle: Type.String(),
    questionId: Type.String(),
    questionText: MultilingualRef,
    entity: EntityRef,
    dueOn: Nullable(DateOnly()),
    note: Nullable(Type.String({ description: 'what the focal point asks of the entity' })),
    overdue: Type.Boolean({ description: 'the due date has passed, nothing submitted, the answer not approved' }),
    dueSoon: Type.Boolean({ description: 'due within three days, nothing submitted yet' }),
    contribution: Nullable(Type.Object({ status: OneOf(CONTRIBUTION_STATUSES) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

const DecisionTask = Type.Object(
  {
    country: Type.String(),
    cycle: Type.String(),
    questionId: Type.String(),
    questionText: MultilingualRef,
    since: DateTime({ description: 'when the answer was last saved' }),
  },
  { additionalProperties: false },
);

const TodoContribution = Type.Object(
  {
    country: Type.String(),
    cycle: Type.String(),
    questionId: Type.String(),
    questionText: MultilingualRef,
    contribution: Type.Integer({ description: 'its id' }),
    entity: Type.Object({ id: Type.Integer(), name: Type.String() }, { additionalProperties: false }),
    submittedAt: Nullable(DateTime()),
  },
  { additionalProperties: false },
);

const TodoReturned = Type.Object(
  {
    country: Type.String(),
    cycle: Type.String(),
    questionId: Type.String(),
    questionText: MultilingualRef,
    comment: Nullable(
      Type.Object(
        { author: Type.String(), authorName: AuthorName, body: Type.String(), createdAt: DateTime() },
        { additionalProperties: false, description: 'the latest return comment' },
      ),
    ),
  },
  { additionalProperties: false },
);

/** A focal point's to-do list, in the open reviews of its countries (empty for everyone else). */
const Todo = Type.Object(
  {
    toMerge: Type.Array(TodoContribution, { description: 'contributions submitted and not merged yet' }),
    inputs: Type.Array(TodoContribution, { description: 'stakeholders’ inputs without a response yet' }),
    returned: Type.Array(TodoReturned, { description: 'answers returned by the validator, to revise' }),
  },
  { additionalProperties: false },
);

export const listTasksSchema = {
  operationId: 'listTasks',
  summary: 'My work: reviews I take part in, questions assigned to my entities, answers waiting for my decision',
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        reviews: Type.Array(ReviewTask),
        assignments: Type.Array(AssignmentTask),
        decisions: Type.Array(DecisionTask),
        todo: Todo,
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401),
  },
};

export const NOTIFICATION_KINDS = [
  'assigned',
  'returned',
  'due_soon',
  'submitted',
  'approved',
  // What the regional secretariat did with the country's submission (migration 015).
  'submission_acknowledged',
  'submission_comment',
  'submission_returned',
  // The secretariat reminds the country of the cycle's due date (services/send-reminders.ts).
  'reminder',
  // Migration 025: a due date passed (due_soon is only « approaching »), an answer sent to review
  // (submitted is an entity's contribution or input), an assignment changed or withdrawn.
  'overdue',
  'answer_submitted',
  'assignment_changed',
  'unassigned',
  // A practice's moves (migration 034): the secretariat told of a proposal, the country of the rest.
  'practice_proposed',
  'practice_in_review',
  'practice_published',
  'practice_returned',
  // Requests to quote a country's words in a regional synthesis (migration 035): asked of the
  // country's focal points, answered to the region's secretariat.
  'citation_approval_requested',
  'citation_approved',
  'citation_refused',
] as const;

/** What a notification is about; which keys it has depends on its kind (services/notify.ts callers). */
export const NotificationDetails = Type.Object(
  {
    entity: Type.Optional(
      Type.Union([
        Type.String({ description: "the entity's name" }),
        Type.Object({ id: Type.Integer(), name: Type.String() }, { additionalProperties: false }),
      ]),
    ),
    dueOn: Type.Optional(Nullable(DateOnly())),
    comment: Type.Optional(Type.String()),
    contribution: Type.Optional(Type.Integer()),
    kind: Type.Optional(OneOf(CONTRIBUTION_KINDS)),
    submission: Type.Optional(Type.Integer({ minimum: 1 })),
    reason: Type.Optional(Type.String()),
    note: Type.Optional(Nullable(Type.String())),
    practice: Type.Optional(Type.Integer({ description: 'a practice (practice_*)' })),
    synthesis: Type.Optional(Type.Integer({ description: 'a regional synthesis (citation_*)' })),
    citation: Type.Optional(Type.Integer()),
    request: Type.Optional(Type.Integer()),
    title: Type.Optional(
      Type.String({ description: 'the synthesis’s title (citation_*), the practice’s (practice_*)' }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'assigned, due_soon, overdue, assignment_changed and unassigned: {entity (its name), dueOn, note}; returned, approved and answer_submitted: {comment}; submitted (a contribution or input): {contribution, kind, entity {id, name}}; ' +
      'submission_acknowledged: {submission}; submission_comment: {submission, comment}; submission_returned: {submission, reason}; reminder: {dueOn}; ' +
      'citation_approval_requested, citation_approved, citation_refused: {synthesis, citation, request, title}',
  },
);

export const listNotificationsSchema = {
  operationId: 'listNotifications',
  summary: 'My notifications (assignments, returned answers, due dates), newest first',
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        unread: Type.Integer(),
        notifications: Type.Array(
          Type.Object(
            {
              id: Type.Integer(),
              kind: OneOf(NOTIFICATION_KINDS),
              country: Type.String(),
              cycle: Type.String(),
              questionId: Nullable(Type.String()),
              details: NotificationDetails,
              text: Type.String({
                description: 'what it says, in the requested language (?lang= or Accept-Language), the entity named',
              }),
              createdAt: DateTime(),
              readAt: Nullable(DateTime()),
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

export const markNotificationsReadSchema = {
  operationId: 'markNotificationsRead',
  summary: 'Mark my notifications read (the given ids, or all)',
  tags,
  security: SIGNED_IN,
  body: Type.Object(
    { ids: Type.Optional(Type.Array(Type.Integer(), { maxItems: 500 })) },
    { additionalProperties: false },
  ),
  response: { 204: Type.Null({ description: 'Marked read' }), ...problems(400, 401, 403) },
};
