/** Answers, their comments and revisions, and the answer page, as the API answers them. */
import type { AnswerValue } from '../../domain/answer-value.js';
import type { Block } from '../../domain/blocks.js';
import type { ContributionStatus } from '../../domain/contributions.js';
import { ANSWER_STATUSES } from '../../domain/workflow.js';
import type { getAnswerWorkspace } from '../../services/get-answer-workspace.js';
import { COMMENT_KINDS } from '../routes/workspace/schema.js';
import { presentContribution, type ReviewOf } from './contributions.js';
import { presentEntityRef } from './entities.js';
import { known } from './known.js';

const OBJECTIVE_STATUSES = ['suggested', 'confirmed'] as const;

export const presentSavedAnswer = (saved: {
  questionId: string;
  revision: number;
  status: string;
  blocks: Block[];
  value?: AnswerValue | null;
}) => ({
  questionId: saved.questionId,
  revision: saved.revision,
  status: known(ANSWER_STATUSES, saved.status),
  blocks: saved.blocks,
  // Typed questions only: a free-text answer's JSON is as it was (review JSON 1.1 is additive).
  ...(saved.value !== undefined ? { value: saved.value } : {}),
});

/** Who wrote something, as people read it (services/author-names.ts); the recorded author stays. */
export type NameOf = (author: string) => string;

export const presentComment = (
  comment: {
    id: number;
    author: string;
    kind: string;
    body: string;
    createdAt: Date;
  },
  nameOf: NameOf,
) => ({
  id: comment.id,
  author: comment.author,
  authorName: nameOf(comment.author),
  kind: known(COMMENT_KINDS, comment.kind),
  body: comment.body,
  createdAt: comment.createdAt.toISOString(),
});

export const presentRevision = (
  revision: {
    revision: number;
    author: string;
    origin: string;
    createdAt: Date;
    contributionIds: number[];
    note: string | null;
  },
  nameOf: NameOf,
) => ({
  revision: revision.revision,
  author: revision.author,
  authorName: nameOf(revision.author),
  origin: revision.origin,
  createdAt: revision.createdAt.toISOString(),
  contributionIds: revision.contributionIds,
  note: revision.note,
});

/** An assignment as pages show it: who, by when, and how far their contribution is. */
export const presentAssignment = (assignment: {
  entity: { id: number; name: string; category: string };
  dueOn: string | null;
  note: string | null;
  overdue: boolean;
  contribution: { status: ContributionStatus | undefined } | null;
}) => ({
  entity: presentEntityRef(assignment.entity),
  dueOn: assignment.dueOn,
  note: assignment.note,
  overdue: assignment.overdue,
  contribution: assignment.contribution?.status ? { status: assignment.contribution.status } : null,
});

type AnswerWorkspace = Awaited<ReturnType<typeof getAnswerWorkspace>>;

/** The answer page (GET …/answers/{questionId}). */
export const presentAnswerWorkspace = (review: ReviewOf, page: AnswerWorkspace, nameOf: NameOf) => ({
  country: page.country,
  cycle: page.cycle,
  reviewStatus: page.reviewStatus,
  reviewLanguage: page.reviewLanguage,
  synthetic: page.synthetic,
  questionId: page.questionId,
  section: {
    id: page.section.id,
    title: page.section.title,
    ...(page.section.guidance ? { guidance: page.section.guidance } : {}),
  },
  text: page.text,
  textStatus: page.textStatus,
  kind: page.kind,
  ...(page.choices ? { choices: page.choices } : {}),
  ...(page.unit ? { unit: page.unit } : {}),
  ...(page.guidance ? { guidance: page.guidance } : {}),
  value: page.value,
  status: page.status,
  revision: page.revision,
  blocks: page.blocks,
  updatedBy: page.updatedBy,
  updatedByName: page.updatedBy === null ? null : nameOf(page.updatedBy),
  updatedAt: page.updatedAt?.toISOString() ?? null,
  returnedWith: page.returnedWith && presentComment(page.returnedWith, nameOf),
  allowedMoves: page.allowedMoves,
  blockedMoves: page.blockedMoves,
  may: page.may,
  assignments: page.assignments.map(presentAssignment),
  contributions: page.contributions.map((contribution) => presentContribution(review, contribution, nameOf)),
  comments: page.comments.map((c) => presentComment(c, nameOf)),
  objectives: page.objectives.map((objective) => ({
    number: objective.number,
    score: objective.score,
    evidence: objective.evidence,
    status: known(OBJECTIVE_STATUSES, objective.status),
    title: objective.title,
  })),
  myEntities: page.myEntities,
  myDraft: page.myDraft && {
    blocks: page.myDraft.blocks,
    ...(page.kind !== 'text' ? { value: page.myDraft.value } : {}),
    baseRevision: page.myDraft.baseRevision,
    updatedAt: page.myDraft.updatedAt.toISOString(),
  },
  neighbours: page.neighbours,
});
