/**
 * TypeBox schemas the workspace routes share (docs/workspace.md): the answer's address, the moves
 * a page offers, assignments, comments, a saved answer. Each sub-resource's operations are in
 * schema-<sub-resource>.ts. Errors answer a Problem with the status of their code (docs/errors.md).
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { CONTRIBUTION_STATUSES } from '../../../domain/contributions.js';
import type { WordingStatus } from '../../../domain/questionnaire.js';
import { ANSWER_STATUSES } from '../../../domain/workflow.js';
import { Blocks, DateOnly, DateTime, Nullable, OneOf, ReviewKey } from '../../contract.js';
import { EntityRef } from '../contributions/schema.js';
import { OptionalValue } from './schema-values.js';

export const tags = ['workspace'];

/** `/{country}/{cycle}/answers/{questionId}`: one answer of a review. */
export const AnswerKey = Type.Object({
  ...ReviewKey.properties,
  questionId: Type.String({ pattern: '^[IVX]+\\.[a-z]$', examples: ['II.d'] }),
});

/** A move the caller may make now (a button), to one of `statuses`; some need a comment or a reason. */
export const Move = <T extends TSchema>(to: T) =>
  Type.Object({ to, requires: Type.Optional(OneOf(['comment', 'reason'])) }, { additionalProperties: false });

const WORDING_STATUSES = ['official', 'unofficial'] as const satisfies readonly WordingStatus[];
const wording = () => Type.Optional(OneOf(WORDING_STATUSES));

/** Whether the questionnaire's wording is the official one, per language. */
export const WordingStatuses = Type.Object(
  { fr: wording(), en: wording(), ar: wording() },
  { additionalProperties: false, description: '`unofficial`: a translation made for Pacte' },
);

/** A question given to an entity, with its due date and how far the entity's contribution is. */
export const Assignment = Type.Object(
  {
    entity: EntityRef,
    dueOn: Nullable(DateOnly()),
    note: Nullable(Type.String({ description: 'what the focal point asks of the entity' })),
    overdue: Type.Boolean({
      description: 'the due date has passed, nothing was submitted and the answer is not approved',
    }),
    contribution: Nullable(Type.Object({ status: OneOf(CONTRIBUTION_STATUSES) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/** Who wrote it as people read it: the account's display name, else its address; the operator as « Pacte (démo) » or « Pacte (import) », in the request's language. */
export const AuthorName = Type.String({
  description:
    'who, as people read it: the account’s display name (else its address); the operator as « Pacte (démo) » or « Pacte (import) », in the requested language',
});

/** What a comment is: a remark, an answer returned with it, or the reason for re-opening one. */
export const COMMENT_KINDS = ['comment', 'return', 'reopen'] as const;

export const Comment = Type.Object(
  {
    id: Type.Integer(),
    author: Type.String({ description: 'as recorded: an e-mail address, or cli:<system user> for the operator' }),
    authorName: AuthorName,
    kind: OneOf(COMMENT_KINDS),
    body: Type.String(),
    createdAt: DateTime(),
  },
  { additionalProperties: false },
);

export const SavedAnswer = Type.Object(
  {
    questionId: Type.String(),
    revision: Type.Integer(),
    status: OneOf(ANSWER_STATUSES),
    blocks: Blocks,
    value: OptionalValue, // typed questions only (issue 15): null when none is given
  },
  { additionalProperties: false },
);
