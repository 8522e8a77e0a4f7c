/** The history of an answer: its revisions, what changed between two, restoring one. */
import { Type } from '@sinclair/typebox';
import { Blocks, DateTime, LangQuery, Lang, Nullable, OneOf, SIGNED_IN, problems, Synthetic } from '../../contract.js';
import { AnswerValue } from './schema-values.js';
import { AnswerKey, AuthorName, SavedAnswer, tags } from './schema.js';

const revisionFields = {
  revision: Type.Integer(),
  author: Type.String(),
  authorName: AuthorName,
  origin: Type.String({ examples: ['import', 'edit', 'merge', 'restore'] }),
  createdAt: DateTime(),
  contributionIds: Type.Array(Type.Integer(), { description: 'the contributions merged into it' }),
  note: Nullable(Type.String()),
};

const RevisionKey = Type.Object({ ...AnswerKey.properties, revision: Type.Integer({ minimum: 1 }) });

export const listRevisionsSchema = {
  operationId: 'listRevisions',
  summary: 'The history of an answer: every revision, newest first',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { revisions: Type.Array(Type.Object(revisionFields, { additionalProperties: false })), synthetic: Synthetic },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const getRevisionSchema = {
  operationId: 'getRevision',
  summary: 'One revision of an answer',
  tags,
  security: SIGNED_IN,
  params: RevisionKey,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      { ...revisionFields, blocks: Blocks, value: Type.Optional(AnswerValue) },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const diffRevisionsSchema = {
  operationId: 'diffRevisions',
  summary: 'What changed between two revisions, line by line (paragraphs and list items with their depth)',
  tags,
  security: SIGNED_IN,
  params: AnswerKey,
  querystring: Type.Object({
    lang: Type.Optional(Lang),
    from: Type.Integer({ minimum: 1 }),
    to: Type.Integer({ minimum: 1 }),
  }),
  response: {
    200: Type.Object(
      {
        from: Type.Integer(),
        to: Type.Integer(),
        lines: Type.Array(
          Type.Object(
            {
              op: OneOf(['same', 'added', 'removed']),
              depth: Type.Integer({ minimum: 0 }),
              marker: Type.String({ description: "'' for a paragraph, '•' or '1.' for a list item" }),
              text: Type.String(),
            },
            { additionalProperties: false },
          ),
        ),
        value: Type.Optional(
          Type.Object(
            { from: Nullable(AnswerValue), to: Nullable(AnswerValue) },
            { additionalProperties: false, description: 'present when the typed value differs (typed questions)' },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404),
  },
};

export const restoreRevisionSchema = {
  operationId: 'restoreRevision',
  summary: 'Restore an old revision as a new one',
  tags,
  security: SIGNED_IN,
  params: RevisionKey,
  body: Type.Object({ baseRevision: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  response: { 200: SavedAnswer, ...problems(400, 401, 403, 404, 409, 422) },
};
