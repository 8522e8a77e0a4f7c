/** TypeBox schemas of the contribution routes: they validate input, type the handlers and document the API. */
import { Type } from '@sinclair/typebox';
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, EVIDENCE_TYPES } from '../../../domain/contributions.js';
import { ENTITY_CATEGORIES } from '../../../domain/entities.js';
import { ANSWER_STATUSES } from '../../../domain/workflow.js';
import {
  Blocks,
  DateTime,
  FileResponse,
  LangQuery,
  Nullable,
  OneOf,
  ReviewKey,
  SIGNED_IN,
  problems,
} from '../../contract.js';
import { AnswerValue, ValueInput } from '../workspace/schema-values.js';

/** An entity as assignments, contributions and dashboards name it (its country is the review's). */
export const EntityRef = Type.Object(
  { id: Type.Integer(), name: Type.String(), category: OneOf(ENTITY_CATEGORIES) },
  { additionalProperties: false },
);

const AnswerKey = Type.Object({
  ...ReviewKey.properties,
  questionId: Type.String({ maxLength: 32, description: 'e.g. I.a' }),
});

const ContributionKey = Type.Object({
  ...AnswerKey.properties,
  entityId: Type.Integer({ minimum: 1, description: 'The contributing entity (or the stakeholder)' }),
});

const EvidenceKey = Type.Object({ ...ContributionKey.properties, evidenceId: Type.Integer({ minimum: 1 }) });

const Evidence = Type.Object(
  {
    id: Type.Integer(),
    fileName: Type.String(),
    mediaType: OneOf(EVIDENCE_TYPES),
    size: Type.Integer({ description: 'bytes' }),
    url: Type.String({ description: 'where to download it' }),
  },
  { additionalProperties: false },
);

/** One contribution (or input) as GET answers it; the answer page lists the same items. */
export const Contribution = Type.Object(
  {
    id: Type.Integer(),
    questionId: Type.String(),
    entity: EntityRef,
    kind: OneOf(CONTRIBUTION_KINDS, {
      description: "an entity's contribution to an assigned question, or a stakeholder's input",
    }),
    status: OneOf(CONTRIBUTION_STATUSES),
    revision: Type.Integer(),
    blocks: Blocks,
    value: Type.Optional(AnswerValue),
    response: Nullable(Type.String({ description: "how the focal point took a stakeholder's input into account" })),
    evidence: Type.Array(Evidence),
    updatedAt: DateTime(),
    updatedBy: Type.String(),
    updatedByName: Type.String({
      description:
        'who, as people read it: the account’s display name (else its address); the operator as « Pacte (démo) » or « Pacte (import) », in the requested language',
    }),
    merged: Nullable(
      Type.Object(
        {
          at: DateTime(),
          by: Type.String({ description: 'who merged it, as recorded (an e-mail address)' }),
          byName: Type.String({ description: 'who merged it, as people read it (as updatedByName)' }),
        },
        {
          additionalProperties: false,
          description: 'when and by whom it was merged into the answer; null until it is',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

const tags = ['contributions'];

export const getContributionSchema = {
  operationId: 'getContribution',
  summary: "An entity's contribution (or a stakeholder's input) to a question",
  description:
    "For the country's focal points and validators, and the contributors and stakeholders of that entity. 404 contribution.not_found when the entity has written nothing yet.",
  tags,
  security: SIGNED_IN,
  params: ContributionKey,
  querystring: LangQuery,
  response: { 200: Contribution, ...problems(400, 401, 403, 404) },
};

export const saveContributionSchema = {
  operationId: 'saveContribution',
  summary: "Save the entity's contribution (or the stakeholder's input)",
  description:
    'Contributors write for an entity the question is assigned to (else 404 assignment.not_found); stakeholders write inputs while the review is in consultation. `baseRevision` is the revision the text started from (0 creates): if someone saved meanwhile, 409 contribution.edit_conflict with details {currentRevision, baseRevision, blocks, author, authorName} (authorName: who saved, as people read it). Saving a submitted contribution takes it back to draft; a merged one is closed (409 contribution.closed).',
  tags,
  security: SIGNED_IN,
  params: ContributionKey,
  querystring: LangQuery,
  body: Type.Object(
    { blocks: Blocks, value: ValueInput, baseRevision: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      {
        id: Type.Integer(),
        revision: Type.Integer(),
        status: OneOf(CONTRIBUTION_STATUSES),
        blocks: Blocks,
        value: Type.Optional(AnswerValue),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

export const submitContributionSchema = {
  operationId: 'submitContribution',
  summary: 'Submit the contribution (or input) to the focal point',
  description: "The country's focal points are notified. An empty contribution is refused (422 contribution.empty).",
  tags,
  security: SIGNED_IN,
  params: ContributionKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { id: Type.Integer(), revision: Type.Integer(), status: Type.Literal('submitted') },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

const UPLOAD_RULES =
  'multipart/form-data with a `file` part. The type is read from the content, not the name: PDF, Word (DOCX), OpenDocument text or spreadsheet (ODT, ODS), Excel (XLSX) or CSV (else 422 evidence.unsupported_type); files above the configured limit (PACTE_EVIDENCE_MAX_BYTES, 10 MB by default) are refused while they arrive (413 evidence.too_large). Whoever may write the contribution, while it is a draft (409 contribution.submitted once submitted, contribution.closed once merged) and the review open.';

export const addEvidenceSchema = {
  operationId: 'addEvidence',
  summary: 'Attach an evidence file (PDF, DOCX, ODT, ODS, XLSX or CSV) to the contribution',
  description: `${UPLOAD_RULES} Audited evidence.add.`,
  tags,
  security: SIGNED_IN,
  consumes: ['multipart/form-data'],
  params: ContributionKey,
  querystring: LangQuery,
  response: { 201: Evidence, ...problems(400, 401, 403, 404, 409, 413, 422) },
};

export const replaceEvidenceSchema = {
  operationId: 'replaceEvidence',
  summary: 'Replace an evidence file with a new one',
  description: `${UPLOAD_RULES} The new file is stored and the old one removed in one transaction (audited evidence.remove then evidence.add with \`replaces\`): if either fails, nothing changed. 404 evidence.not_found when the file is not one of this contribution's.`,
  tags,
  security: SIGNED_IN,
  consumes: ['multipart/form-data'],
  params: EvidenceKey,
  querystring: LangQuery,
  response: { 200: Evidence, ...problems(400, 401, 403, 404, 409, 413, 422) },
};

export const removeEvidenceSchema = {
  operationId: 'removeEvidence',
  summary: 'Remove an evidence file from the contribution',
  description:
    "The same rights as uploading it: whoever may write the contribution, while it is a draft (409 contribution.submitted once submitted, contribution.closed once merged) and the review open. 404 evidence.not_found when the file is not one of this contribution's. Audited evidence.remove.",
  tags,
  security: SIGNED_IN,
  params: EvidenceKey,
  querystring: LangQuery,
  response: { 204: Type.Null({ description: 'removed' }), ...problems(400, 401, 403, 404, 409) },
};

export const getEvidenceSchema = {
  operationId: 'getEvidence',
  summary: 'Download an evidence file',
  description: 'The stored bytes, with their media type, as an attachment: for whoever may read the contribution.',
  tags,
  security: SIGNED_IN,
  params: EvidenceKey,
  querystring: LangQuery,
  response: {
    200: FileResponse(EVIDENCE_TYPES, 'The file (PDF, DOCX, ODT, ODS, XLSX or CSV)'),
    ...problems(400, 401, 403, 404),
  },
};

export const respondToInputSchema = {
  operationId: 'respondToInput',
  summary: "Say how a stakeholder's input was taken into account",
  description: 'The focal point (answer.edit); the stakeholder sees the response with the input.',
  tags,
  security: SIGNED_IN,
  params: ContributionKey,
  querystring: LangQuery,
  body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 10000 }) }, { additionalProperties: false }),
  response: {
    200: Type.Object({ id: Type.Integer(), response: Type.String() }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404, 409),
  },
};

export const mergeContributionsSchema = {
  operationId: 'mergeContributions',
  summary: 'Append submitted contributions to the answer',
  description:
    "The chosen contributions' blocks are appended, in the given order, to the current answer: a new revision (origin merge) that names them, and they become merged. A stale `baseRevision` is answered 409 answer.edit_conflict with details {currentRevision, baseRevision, blocks, author}; contributions of another question are 400 request.invalid. Nothing is written when anything is refused.",
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  querystring: LangQuery,
  body: Type.Object(
    {
      contributionIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100 }),
      baseRevision: Type.Integer({ minimum: 0 }),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      {
        questionId: Type.String(),
        revision: Type.Integer(),
        status: OneOf(ANSWER_STATUSES),
        blocks: Blocks,
        value: Type.Optional(Nullable(AnswerValue)),
        contributionIds: Type.Array(Type.Integer()),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};
