/** One answer as its page works on it: reading, saving, moving, comments, GCM objectives. */
import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '../../../domain/language.js';
import { ANSWER_STATUSES, REVIEW_STATUSES } from '../../../domain/workflow.js';
import {
  Blocks,
  DateTime,
  LangQuery,
  MultilingualRef,
  Nullable,
  OneOf,
  SIGNED_IN,
  problems,
  Synthetic,
} from '../../contract.js';
import { Entity } from '../entities/schema.js';
import { Contribution } from '../contributions/schema.js';
import { OptionalValue, QuestionAsked, ValueInput } from './schema-values.js';
import { AnswerKey, Assignment, AuthorName, Comment, Move, SavedAnswer, WordingStatuses, tags } from './schema.js';

/** A GCM objective of the answer: suggested from its words, or confirmed by the focal point. */
const AnswerObjective = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 23 }),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    evidence: Type.Array(Type.String(), { description: "the answer's words that suggest it" }),
    status: OneOf(['suggested', 'confirmed']),
    title: MultilingualRef,
  },
  { additionalProperties: false },
);

/** An author's working draft of an answer (migration 027): autosaved, not a revision. */
const AnswerDraft = Type.Object(
  {
    blocks: Blocks,
    value: OptionalValue,
    baseRevision: Type.Integer({ minimum: 0, description: 'the revision the author started from' }),
    updatedAt: DateTime(),
  },
  { additionalProperties: false },
);

/** « Next answer » navigation, in the questionnaire's order. */
const Neighbours = Type.Object(
  {
    previous: Nullable(Type.String({ description: 'the question before this one' })),
    next: Nullable(Type.String({ description: 'the question after this one' })),
    nextForMe: Nullable(
      Type.String({
        description:
          'the next question (after this one, then from the start) whose next step is the caller’s: not started, ' +
          'drafting or returned for whoever may edit answers; in review for whoever may only approve or return them',
      }),
    ),
  },
  { additionalProperties: false },
);

export const getAnswerSchema = {
  operationId: 'getAnswer',
  summary:
    'One answer with what its page needs: status and allowed moves, assignments, contributions, comments, objectives',
  description:
    'The country’s team sees everything; a contributor or stakeholder sees questions given to their entity (stakeholders: any, while the review is in consultation) with their own contributions only.',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        country: Type.String(),
        cycle: Type.String(),
        reviewStatus: OneOf(REVIEW_STATUSES),
        reviewLanguage: OneOf(LANGUAGES),
        synthetic: Synthetic,
        questionId: Type.String(),
        section: Type.Object(
          { id: Type.String(), title: MultilingualRef, guidance: Type.Optional(MultilingualRef) },
          { additionalProperties: false },
        ),
        text: MultilingualRef,
        textStatus: WordingStatuses,
        ...QuestionAsked,
        status: OneOf(ANSWER_STATUSES),
        revision: Type.Integer({ description: '0: never written' }),
        blocks: Blocks,
        updatedBy: Nullable(Type.String({ description: "null for whoever is not of the country's team" })),
        updatedByName: Nullable(AuthorName),
        updatedAt: Nullable(DateTime()),
        // While the answer is returned (changes_requested): its latest return comment, shown at the top.
        returnedWith: Type.Union([Comment, Type.Null()], {
          description: 'while the answer is returned: the latest return comment, to show at the top; else null',
        }),
        allowedMoves: Type.Array(Move(OneOf(ANSWER_STATUSES))),
        blockedMoves: Type.Array(
          Type.Object(
            {
              to: OneOf(ANSWER_STATUSES),
              code: OneOf(['answer.self_approval'], {
                description: 'the error code the move would be refused with now (docs/errors.md)',
              }),
              details: Type.Object({}, { additionalProperties: false }),
            },
            { additionalProperties: false },
          ),
          {
            description:
              'moves the caller’s role allows from this status but a rule refuses now, and why: answer.self_approval ' +
              '(the caller wrote the current text and the country did not waive the separation of duties)',
          },
        ),
        may: Type.Object(
          {
            edit: Type.Boolean(),
            decide: Type.Boolean(),
            approve: Type.Boolean({
              description:
                'may approve it now: false for whoever wrote its current text, unless the country waived the ' +
                'separation of duties (answer.self_approval)',
            }),
            assign: Type.Boolean(),
            comment: Type.Boolean(),
          },
          { additionalProperties: false, description: 'what the caller may do now (which buttons to show)' },
        ),
        assignments: Type.Array(Assignment),
        contributions: Type.Array(Contribution),
        comments: Type.Array(Comment),
        objectives: Type.Array(AnswerObjective),
        myEntities: Type.Array(Entity, { description: "the caller's entities in the review's country" }),
        myDraft: Type.Union([AnswerDraft, Type.Null()], {
          description:
            "the caller's own autosaved draft of this answer (saveAnswerDraft), never anyone else's; else null",
        }),
        neighbours: Type.Union([Neighbours, Type.Null()], {
          description: "for the country's team: the questions around this one (null for contributors and stakeholders)",
        }),
      },
      { additionalProperties: false },
    ),
    // Whoever may not see the answer is told the review does not exist (404), signed in or not.
    ...problems(400, 404),
  },
};

export const saveAnswerSchema = {
  operationId: 'saveAnswer',
  summary: 'Save the answer (optimistic concurrency: name the revision you started from)',
  description:
    'A stale baseRevision answers 409 answer.edit_conflict with details {currentRevision, baseRevision, blocks, author}. contributionIds names the contributions the text was merged from. ' +
    'value (typed questions): absent keeps the current value, null clears it; a value alone is an answer. ' +
    'Saving the text and value already there writes no revision (the current one is returned).',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  body: Type.Object(
    {
      blocks: Blocks,
      value: ValueInput,
      baseRevision: Type.Integer({ minimum: 0 }),
      contributionIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 100 })),
    },
    { additionalProperties: false },
  ),
  response: { 200: SavedAnswer, ...problems(400, 401, 403, 404, 409, 422) },
};

export const saveAnswerDraftSchema = {
  operationId: 'saveAnswerDraft',
  summary: 'Autosave the caller’s working draft of an answer (no revision)',
  description:
    'Keeps what the author is typing, for the author only, without writing a revision: the history keeps the texts ' +
    'people saved. Refused as saveAnswer would be (rights, review open, blocks.too_large, answer.locked). A stale ' +
    'baseRevision is kept: saving the answer from it answers answer.edit_conflict. Saving the answer deletes the draft.',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  body: Type.Object(
    { blocks: Blocks, value: ValueInput, baseRevision: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      { savedAt: DateTime(), baseRevision: Type.Integer({ minimum: 0 }) },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

export const discardAnswerDraftSchema = {
  operationId: 'discardAnswerDraft',
  summary: 'Discard the caller’s working draft of an answer',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  response: { 204: Type.Null({ description: 'Discarded (or there was none)' }), ...problems(400, 401, 403, 404) },
};

export const moveAnswerSchema = {
  operationId: 'moveAnswer',
  summary: 'Submit an answer for review, approve it, return it (comment required), re-open it (reason required)',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  body: Type.Object(
    { to: OneOf(ANSWER_STATUSES), comment: Type.Optional(Type.String({ maxLength: 10000 })) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({ questionId: Type.String(), status: OneOf(ANSWER_STATUSES) }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

export const listCommentsSchema = {
  operationId: 'listComments',
  summary: 'The comments on an answer',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  querystring: LangQuery,
  response: {
    200: Type.Object({ comments: Type.Array(Comment) }, { additionalProperties: false }),
    ...problems(400, 404),
  },
};

export const addCommentSchema = {
  operationId: 'addComment',
  summary: 'Comment on an answer',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 10000 }) }, { additionalProperties: false }),
  response: { 201: Comment, ...problems(400, 401, 403, 404) },
};

export const decideObjectiveSchema = {
  operationId: 'decideObjective',
  summary: 'Confirm (or add) or remove a GCM objective of an answer',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ ...AnswerKey.properties, objective: Type.Integer({ minimum: 1, maximum: 23 }) }),
  body: Type.Object({ status: OneOf(['confirmed', 'removed']) }, { additionalProperties: false }),
  response: {
    200: Type.Object(
      { objective: Type.Integer(), status: OneOf(['confirmed', 'removed']) },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409),
  },
};
