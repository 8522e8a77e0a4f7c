/** JSON Schemas of the contribution routes: they validate input and document the API (OpenAPI). */
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, EVIDENCE_TYPES } from '../../../domain/contributions.js';
import { langQuery } from '../reviews/schema.js';

const problem = { $ref: 'Problem#' } as const;
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, problem]));

const blocks = { type: 'array', items: { $ref: 'Block#' } } as const;

const answerKey = {
  type: 'object',
  required: ['country', 'cycle', 'questionId'],
  properties: {
    country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3, e.g. MAR' },
    cycle: { type: 'string', pattern: '^[a-z0-9-]{1,64}$', description: 'e.g. arab-2021' },
    questionId: { type: 'string', maxLength: 32, description: 'e.g. I.a' },
  },
} as const;

const contributionKey = {
  type: 'object',
  required: [...answerKey.required, 'entityId'],
  properties: {
    ...answerKey.properties,
    entityId: { type: 'integer', minimum: 1, description: 'The contributing entity (or the stakeholder)' },
  },
} as const;

const evidenceKey = {
  type: 'object',
  required: [...contributionKey.required, 'evidenceId'],
  properties: { ...contributionKey.properties, evidenceId: { type: 'integer', minimum: 1 } },
} as const;

const evidence = {
  type: 'object',
  required: ['id', 'fileName', 'mediaType', 'size', 'url'],
  properties: {
    id: { type: 'integer' },
    fileName: { type: 'string' },
    mediaType: { type: 'string', enum: [...EVIDENCE_TYPES] },
    size: { type: 'integer', description: 'bytes' },
    url: { type: 'string', description: 'where to download it' },
  },
} as const;

/** One contribution (or input) as GET answers it; the answer page lists the same items. */
export const contribution = {
  type: 'object',
  required: [
    'id',
    'questionId',
    'entity',
    'kind',
    'status',
    'revision',
    'blocks',
    'response',
    'evidence',
    'updatedAt',
    'updatedBy',
  ],
  properties: {
    id: { type: 'integer' },
    questionId: { type: 'string' },
    entity: {
      type: 'object',
      required: ['id', 'name', 'category'],
      properties: { id: { type: 'integer' }, name: { type: 'string' }, category: { type: 'string' } },
    },
    kind: {
      type: 'string',
      enum: [...CONTRIBUTION_KINDS],
      description: "an entity's contribution to an assigned question, or a stakeholder's input",
    },
    status: { type: 'string', enum: [...CONTRIBUTION_STATUSES] },
    revision: { type: 'integer' },
    blocks,
    response: {
      type: ['string', 'null'],
      description: "how the focal point took a stakeholder's input into account",
    },
    evidence: { type: 'array', items: evidence },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string' },
  },
} as const;

const tags = ['contributions'];

export const getContributionSchema = {
  summary: "An entity's contribution (or a stakeholder's input) to a question",
  description:
    "For the country's focal points and validators, and the contributors and stakeholders of that entity. 404 contribution.not_found when the entity has written nothing yet.",
  tags,
  params: contributionKey,
  querystring: langQuery,
  response: { 200: contribution, ...problems(401, 403, 404) },
} as const;

export const saveContributionSchema = {
  summary: "Save the entity's contribution (or the stakeholder's input)",
  description:
    'Contributors write for an entity the question is assigned to (else 404 assignment.not_found); stakeholders write inputs while the review is in consultation. `baseRevision` is the revision the text started from (0 creates): if someone saved meanwhile, 409 contribution.edit_conflict with details {currentRevision, baseRevision, blocks, author}. Saving a submitted contribution takes it back to draft; a merged one is closed (409 contribution.closed).',
  tags,
  params: contributionKey,
  querystring: langQuery,
  body: {
    type: 'object',
    required: ['blocks', 'baseRevision'],
    additionalProperties: false,
    properties: { blocks, baseRevision: { type: 'integer', minimum: 0 } },
  },
  response: {
    200: {
      type: 'object',
      required: ['id', 'revision', 'status', 'blocks'],
      properties: {
        id: { type: 'integer' },
        revision: { type: 'integer' },
        status: { type: 'string', enum: [...CONTRIBUTION_STATUSES] },
        blocks,
      },
    },
    ...problems(400, 401, 403, 404, 409, 422),
  },
} as const;

export const submitContributionSchema = {
  summary: 'Submit the contribution (or input) to the focal point',
  description: "The country's focal points are notified. An empty contribution is refused (422 contribution.empty).",
  tags,
  params: contributionKey,
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['id', 'revision', 'status'],
      properties: { id: { type: 'integer' }, revision: { type: 'integer' }, status: { type: 'string' } },
    },
    ...problems(401, 403, 404, 409, 422),
  },
} as const;

export const addEvidenceSchema = {
  summary: 'Attach an evidence file (PDF, XLSX or CSV) to the contribution',
  description:
    'multipart/form-data with a `file` part. The type is read from the content, not the name (else 422 evidence.unsupported_type); files above the configured limit (PACTE_EVIDENCE_MAX_BYTES, 10 MB by default) are refused while they arrive (413 evidence.too_large).',
  tags,
  consumes: ['multipart/form-data'],
  params: contributionKey,
  querystring: langQuery,
  response: { 201: evidence, ...problems(400, 401, 403, 404, 409, 413, 422) },
} as const;

export const getEvidenceSchema = {
  summary: 'Download an evidence file',
  description: 'The stored bytes, with their media type, as an attachment: for whoever may read the contribution.',
  tags,
  params: evidenceKey,
  querystring: langQuery,
  response: {
    200: { description: 'The file (application/pdf, XLSX or text/csv)', type: 'string', format: 'binary' },
    ...problems(401, 403, 404),
  },
} as const;

export const respondSchema = {
  summary: "Say how a stakeholder's input was taken into account",
  description: 'The focal point (answer.edit); the stakeholder sees the response with the input.',
  tags,
  params: contributionKey,
  querystring: langQuery,
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: { text: { type: 'string', minLength: 1, maxLength: 10000 } },
  },
  response: {
    200: {
      type: 'object',
      required: ['id', 'response'],
      properties: { id: { type: 'integer' }, response: { type: 'string' } },
    },
    ...problems(400, 401, 403, 404, 409),
  },
} as const;

export const mergeSchema = {
  summary: 'Append submitted contributions to the answer',
  description:
    "The chosen contributions' blocks are appended, in the given order, to the current answer: a new revision (origin merge) that names them, and they become merged. A stale `baseRevision` is answered 409 answer.edit_conflict with details {currentRevision, baseRevision, blocks, author}; contributions of another question are 400 request.invalid. Nothing is written when anything is refused.",
  tags,
  params: answerKey,
  querystring: langQuery,
  body: {
    type: 'object',
    required: ['contributionIds', 'baseRevision'],
    additionalProperties: false,
    properties: {
      contributionIds: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'integer', minimum: 1 } },
      baseRevision: { type: 'integer', minimum: 0 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['questionId', 'revision', 'status', 'blocks', 'contributionIds'],
      properties: {
        questionId: { type: 'string' },
        revision: { type: 'integer' },
        status: { type: 'string' },
        blocks,
        contributionIds: { type: 'array', items: { type: 'integer' } },
      },
    },
    ...problems(400, 401, 403, 404, 409, 422),
  },
} as const;
