import type { Action } from './permissions.js';

/**
 * The two state machines of a review: the review's status and each answer's. The same moves
 * are in migrations/007_workspace.sql (tables review_move and answer_move, checked by
 * triggers), so the database refuses what the domain refuses; a unit test keeps them equal.
 */
export const REVIEW_STATUSES = ['draft', 'in_consultation', 'validated', 'submitted', 'published'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const ANSWER_STATUSES = ['not_started', 'drafting', 'in_review', 'changes_requested', 'approved'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface Move<S extends string> {
  from: S;
  to: S;
  /** The permission the move needs (checked with the review's country). */
  needs: Action;
  /** A comment (returning an answer) or a reason (re-opening) is required. */
  requires?: 'comment' | 'reason';
}

export const REVIEW_MOVES: readonly Move<ReviewStatus>[] = [
  { from: 'draft', to: 'in_consultation', needs: 'review.move' },
  { from: 'in_consultation', to: 'draft', needs: 'review.move' },
  { from: 'draft', to: 'validated', needs: 'review.move' },
  { from: 'in_consultation', to: 'validated', needs: 'review.move' },
  { from: 'validated', to: 'draft', needs: 'review.move', requires: 'reason' },
  { from: 'validated', to: 'submitted', needs: 'review.move' },
  { from: 'submitted', to: 'validated', needs: 'review.move', requires: 'reason' },
  { from: 'submitted', to: 'published', needs: 'review.move' },
  // The regional secretariat returns a submission to the country, which then corrects a draft.
  { from: 'submitted', to: 'draft', needs: 'submission.return', requires: 'reason' },
  // Administrators publish past reviews (imported from their published PDF) in any state.
  { from: 'draft', to: 'published', needs: 'review.publish_any' },
  { from: 'in_consultation', to: 'published', needs: 'review.publish_any' },
  { from: 'validated', to: 'published', needs: 'review.publish_any' },
  // Correcting a published review: its versions stay public; publishing again adds the next one.
  { from: 'published', to: 'draft', needs: 'review.move', requires: 'reason' },
];

export const ANSWER_MOVES: readonly Move<AnswerStatus>[] = [
  // not_started → drafting happens on the first save, not as a move of its own.
  { from: 'not_started', to: 'drafting', needs: 'answer.edit' },
  { from: 'drafting', to: 'in_review', needs: 'answer.edit' },
  { from: 'changes_requested', to: 'in_review', needs: 'answer.edit' },
  { from: 'in_review', to: 'approved', needs: 'answer.decide' },
  { from: 'in_review', to: 'changes_requested', needs: 'answer.decide', requires: 'comment' },
  { from: 'in_review', to: 'drafting', needs: 'answer.edit' },
  { from: 'changes_requested', to: 'drafting', needs: 'answer.edit' },
  { from: 'approved', to: 'drafting', needs: 'answer.reopen', requires: 'reason' },
];

export function findMove<S extends string>(moves: readonly Move<S>[], from: S, to: S): Move<S> | undefined {
  return moves.find((move) => move.from === from && move.to === to);
}

/** The review statuses in which answers and contributions may still change. */
export const OPEN_REVIEW: ReadonlySet<string> = new Set(['draft', 'in_consultation']);

/** Answers whose text may not change: approved answers stay as approved until re-opened. */
export const isLocked = (status: string) => status === 'approved';

export const isReviewStatus = (s: string): s is ReviewStatus => (REVIEW_STATUSES as readonly string[]).includes(s);
export const isAnswerStatus = (s: string): s is AnswerStatus => (ANSWER_STATUSES as readonly string[]).includes(s);

/** An entity has delivered on an assignment once its contribution is submitted (or merged). */
export const isDelivered = (contributionStatus: string | null | undefined) =>
  contributionStatus === 'submitted' || contributionStatus === 'merged';

/**
 * Overdue: the due date (YYYY-MM-DD) has passed, the entity has delivered nothing, and the answer
 * is not approved (once it is, nothing is awaited from the entity any more: « En retard : 1 » must
 * not stay after everything is approved).
 */
export const isOverdue = (
  dueOn: string | null,
  contributionStatus: string | null | undefined,
  today: string,
  answerStatus: string | null | undefined,
) => dueOn !== null && dueOn < today && !isDelivered(contributionStatus) && answerStatus !== 'approved';

/**
 * Separation of duties (migration 024): whoever wrote an answer's current text — the author of its
 * latest revision — may not approve it, unless the country waived the rule. Authors are compared
 * as revisions record them (an e-mail address, or `cli:<system user>` for the operator), so the
 * operator is bound too: text it imported or generated is approved by someone else, or under a
 * recorded waiver.
 */
export const isSelfApproval = (approver: string, author: string | null | undefined, waived: boolean) =>
  !waived && author !== null && author !== undefined && approver === author;
