/**
 * JSON Schemas of the workspace routes (docs/workspace.md): they validate input and document
 * the API. Errors answer a Problem with the status of their code (docs/errors.md).
 */
import { ANSWER_STATUSES, REVIEW_STATUSES } from '../../../domain/workflow.js';
import { langQuery, reviewKey } from '../reviews/schema.js';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const blocks = { type: 'array', items: { $ref: 'Block#' } } as const;
const multilingual = { type: 'object', additionalProperties: { type: 'string' } } as const;
const loose = { type: 'object', additionalProperties: true } as const;

export const answerKey = {
  type: 'object',
  required: ['country', 'cycle', 'questionId'],
  properties: {
    ...reviewKey.properties,
    questionId: { type: 'string', pattern: '^[IVX]+\\.[a-z]$', examples: ['II.d'] },
  },
} as const;

const move = {
  type: 'object',
  required: ['to'],
  properties: { to: { type: 'string' }, requires: { type: 'string', enum: ['comment', 'reason'] } },
} as const;

const entity = {
  type: 'object',
  required: ['id', 'name', 'category'],
  properties: { id: { type: 'integer' }, name: { type: 'string' }, category: { type: 'string' } },
} as const;

const savedAnswer = {
  type: 'object',
  required: ['questionId', 'revision', 'status', 'blocks'],
  properties: {
    questionId: { type: 'string' },
    revision: { type: 'integer' },
    status: { type: 'string', enum: [...ANSWER_STATUSES] },
    blocks,
  },
} as const;

const comment = {
  type: 'object',
  required: ['id', 'author', 'kind', 'body', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    author: { type: 'string' },
    kind: { type: 'string', enum: ['comment', 'return', 'reopen'] },
    body: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const tasksSchema = {
  summary: 'My work: reviews I take part in, questions assigned to my entities, answers waiting for my decision',
  tags: ['workspace'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['reviews', 'assignments', 'decisions'],
      properties: {
        reviews: { type: 'array', items: loose },
        assignments: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              country: { type: 'string' },
              cycle: { type: 'string' },
              questionId: { type: 'string' },
              questionText: multilingual,
              entity,
              dueOn: { type: ['string', 'null'], format: 'date' },
              overdue: { type: 'boolean' },
              dueSoon: { type: 'boolean' },
              contribution: { type: ['object', 'null'], properties: { status: { type: 'string' } } },
            },
          },
        },
        decisions: { type: 'array', items: loose },
      },
    },
    401: problem,
  },
} as const;

export const notificationsSchema = {
  summary: 'My notifications (assignments, returned answers, due dates), newest first',
  tags: ['workspace'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['notifications', 'unread'],
      properties: {
        unread: { type: 'integer' },
        notifications: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              kind: { type: 'string', enum: ['assigned', 'returned', 'due_soon', 'submitted', 'approved'] },
              country: { type: 'string' },
              cycle: { type: 'string' },
              questionId: { type: ['string', 'null'] },
              details: loose,
              createdAt: { type: 'string', format: 'date-time' },
              readAt: { type: ['string', 'null'], format: 'date-time' },
            },
          },
        },
      },
    },
    401: problem,
  },
} as const;

export const readNotificationsSchema = {
  summary: 'Mark my notifications read (the given ids, or all)',
  tags: ['workspace'],
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { ids: { type: 'array', items: { type: 'integer' }, maxItems: 500 } },
  },
  response: { 204: { type: 'null' }, 401: problem },
} as const;

export const createReviewSchema = {
  summary: "Open a country's review for a cycle (an empty draft)",
  tags: ['workspace'],
  body: {
    type: 'object',
    required: ['country', 'cycle', 'language'],
    additionalProperties: false,
    properties: {
      country: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      cycle: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
      language: { type: 'string', enum: ['fr', 'en', 'ar'] },
    },
  },
  response: {
    201: {
      type: 'object',
      properties: { country: { type: 'string' }, cycle: { type: 'string' }, status: { type: 'string' } },
    },
    ...errors,
  },
} as const;

export const dashboardSchema = {
  summary: 'The review dashboard: status, allowed moves, progress per section and per entity, overdue assignments',
  tags: ['workspace'],
  params: reviewKey,
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['country', 'cycle', 'status', 'allowedMoves', 'sections', 'byEntity', 'entities'],
      properties: {
        country: { type: 'string' },
        cycle: { type: 'string' },
        title: { type: 'string' },
        language: { type: 'string' },
        status: { type: 'string', enum: [...REVIEW_STATUSES] },
        allowedMoves: { type: 'array', items: move },
        may: loose,
        sections: { type: 'array', items: loose },
        byEntity: { type: 'array', items: loose },
        entities: { type: 'array', items: entity },
        versions: {
          type: 'array',
          description: 'The published versions, newest first (docs/publishing.md)',
          items: {
            type: 'object',
            required: ['version', 'publishedAt'],
            properties: { version: { type: 'integer' }, publishedAt: { type: 'string', format: 'date-time' } },
          },
        },
      },
    },
    ...errors,
  },
} as const;

export const moveReviewSchema = {
  summary: 'Move the review along its workflow (draft → in_consultation → validated → submitted → published)',
  tags: ['workspace'],
  params: reviewKey,
  body: {
    type: 'object',
    required: ['to'],
    additionalProperties: false,
    properties: {
      to: { type: 'string', enum: [...REVIEW_STATUSES] },
      reason: { type: 'string', maxLength: 10000 },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: { country: { type: 'string' }, cycle: { type: 'string' }, status: { type: 'string' } },
    },
    ...errors,
  },
} as const;

export const auditSchema = {
  summary: 'The audit log of a review: who did what and when, newest first',
  tags: ['workspace'],
  params: reviewKey,
  querystring: {
    type: 'object',
    properties: {
      ...langQuery.properties,
      limit: { type: 'integer', minimum: 1, maximum: 500 },
      before: {
        type: 'string',
        pattern: '^[0-9]{1,18}$',
        description: 'the id of the last event of the previous page',
      },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['events'],
      properties: {
        events: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              at: { type: 'string', format: 'date-time' },
              actor: { type: 'string' },
              action: { type: 'string' },
              questionId: { type: ['string', 'null'] },
              details: loose,
            },
          },
        },
      },
    },
    ...errors,
  },
} as const;

export const assignSchema = {
  summary: 'Assign questions to an entity of the country, with a due date',
  tags: ['workspace'],
  params: reviewKey,
  body: {
    type: 'object',
    required: ['questionIds', 'entityId'],
    additionalProperties: false,
    properties: {
      questionIds: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string' } },
      entityId: { type: 'integer' },
      dueOn: { type: ['string', 'null'], description: 'YYYY-MM-DD' },
    },
  },
  response: {
    201: { type: 'object', properties: { assigned: { type: 'array', items: { type: 'string' } } } },
    ...errors,
  },
} as const;

export const unassignSchema = {
  summary: 'Withdraw an assignment (the entity’s contribution, if any, is kept)',
  tags: ['workspace'],
  params: {
    type: 'object',
    required: ['country', 'cycle', 'questionId', 'entityId'],
    properties: { ...answerKey.properties, entityId: { type: 'integer' } },
  },
  response: { 204: { type: 'null' }, ...errors },
} as const;

export const getAnswerSchema = {
  summary:
    'One answer with what its page needs: status and allowed moves, assignments, contributions, comments, objectives',
  description:
    'The country’s team sees everything; a contributor or stakeholder sees questions given to their entity (stakeholders: any, while the review is in consultation) with their own contributions only.',
  tags: ['workspace'],
  params: answerKey,
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['questionId', 'status', 'revision', 'blocks', 'allowedMoves', 'may'],
      properties: {
        country: { type: 'string' },
        cycle: { type: 'string' },
        reviewStatus: { type: 'string' },
        reviewLanguage: { type: 'string' },
        questionId: { type: 'string' },
        section: { type: 'object', properties: { id: { type: 'string' }, title: multilingual } },
        text: multilingual,
        textStatus: loose,
        status: { type: 'string', enum: [...ANSWER_STATUSES] },
        revision: { type: 'integer' },
        blocks,
        updatedBy: { type: ['string', 'null'] },
        updatedAt: { type: ['string', 'null'], format: 'date-time' },
        allowedMoves: { type: 'array', items: move },
        may: loose,
        assignments: { type: 'array', items: loose },
        contributions: { type: 'array', items: loose },
        comments: { type: 'array', items: comment },
        objectives: { type: 'array', items: loose },
        myEntities: { type: 'array', items: loose },
      },
    },
    ...errors,
  },
} as const;

export const saveAnswerSchema = {
  summary: 'Save the answer (optimistic concurrency: name the revision you started from)',
  description:
    'A stale baseRevision answers 409 answer.edit_conflict with details {currentRevision, baseRevision, blocks, author}. contributionIds names the contributions the text was merged from.',
  tags: ['workspace'],
  params: answerKey,
  body: {
    type: 'object',
    required: ['blocks', 'baseRevision'],
    additionalProperties: false,
    properties: {
      blocks,
      baseRevision: { type: 'integer', minimum: 0 },
      contributionIds: { type: 'array', items: { type: 'integer' }, maxItems: 100 },
    },
  },
  response: { 200: savedAnswer, ...errors },
} as const;

export const moveAnswerSchema = {
  summary: 'Submit an answer for review, approve it, return it (comment required), re-open it (reason required)',
  tags: ['workspace'],
  params: answerKey,
  body: {
    type: 'object',
    required: ['to'],
    additionalProperties: false,
    properties: {
      to: { type: 'string', enum: [...ANSWER_STATUSES] },
      comment: { type: 'string', maxLength: 10000 },
    },
  },
  response: {
    200: { type: 'object', properties: { questionId: { type: 'string' }, status: { type: 'string' } } },
    ...errors,
  },
} as const;

const revision = {
  type: 'object',
  required: ['revision', 'author', 'origin', 'createdAt'],
  properties: {
    revision: { type: 'integer' },
    author: { type: 'string' },
    origin: { type: 'string', examples: ['import', 'edit', 'merge', 'restore'] },
    createdAt: { type: 'string', format: 'date-time' },
    contributionIds: { type: 'array', items: { type: 'integer' } },
    note: { type: ['string', 'null'] },
  },
} as const;

export const revisionsSchema = {
  summary: 'The history of an answer: every revision, newest first',
  tags: ['workspace'],
  params: answerKey,
  querystring: langQuery,
  response: {
    200: { type: 'object', properties: { revisions: { type: 'array', items: revision } } },
    ...errors,
  },
} as const;

const revisionKey = {
  type: 'object',
  required: ['country', 'cycle', 'questionId', 'revision'],
  properties: { ...answerKey.properties, revision: { type: 'integer', minimum: 1 } },
} as const;

export const revisionSchema = {
  summary: 'One revision of an answer',
  tags: ['workspace'],
  params: revisionKey,
  querystring: langQuery,
  response: {
    200: { type: 'object', properties: { ...revision.properties, blocks } },
    ...errors,
  },
} as const;

export const diffSchema = {
  summary: 'What changed between two revisions, line by line (paragraphs and list items with their depth)',
  tags: ['workspace'],
  params: answerKey,
  querystring: {
    type: 'object',
    required: ['from', 'to'],
    properties: {
      ...langQuery.properties,
      from: { type: 'integer', minimum: 1 },
      to: { type: 'integer', minimum: 1 },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        from: { type: 'integer' },
        to: { type: 'integer' },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              op: { type: 'string', enum: ['same', 'added', 'removed'] },
              depth: { type: 'integer' },
              marker: { type: 'string' },
              text: { type: 'string' },
            },
          },
        },
      },
    },
    ...errors,
  },
} as const;

export const restoreSchema = {
  summary: 'Restore an old revision as a new one',
  tags: ['workspace'],
  params: revisionKey,
  body: {
    type: 'object',
    required: ['baseRevision'],
    additionalProperties: false,
    properties: { baseRevision: { type: 'integer', minimum: 0 } },
  },
  response: { 200: savedAnswer, ...errors },
} as const;

export const commentsSchema = {
  summary: 'The comments on an answer',
  tags: ['workspace'],
  params: answerKey,
  querystring: langQuery,
  response: { 200: { type: 'object', properties: { comments: { type: 'array', items: comment } } }, ...errors },
} as const;

export const addCommentSchema = {
  summary: 'Comment on an answer',
  tags: ['workspace'],
  params: answerKey,
  body: {
    type: 'object',
    required: ['body'],
    additionalProperties: false,
    properties: { body: { type: 'string', minLength: 1, maxLength: 10000 } },
  },
  response: { 201: comment, ...errors },
} as const;

export const decideObjectiveSchema = {
  summary: 'Confirm (or add) or remove a GCM objective of an answer',
  tags: ['workspace'],
  params: {
    type: 'object',
    required: ['country', 'cycle', 'questionId', 'objective'],
    properties: { ...answerKey.properties, objective: { type: 'integer', minimum: 1, maximum: 23 } },
  },
  body: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: { status: { type: 'string', enum: ['confirmed', 'removed'] } },
  },
  response: {
    200: { type: 'object', properties: { objective: { type: 'integer' }, status: { type: 'string' } } },
    ...errors,
  },
} as const;
