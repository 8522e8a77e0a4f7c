import type { Kysely } from 'kysely';
import * as comments from '../db/queries/comments.js';
import { findCountrySettings } from '../db/queries/country-settings.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { normalizeText } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import {
  ANSWER_MOVES,
  OPEN_REVIEW,
  findMove,
  isAnswerStatus,
  isSelfApproval,
  type AnswerStatus,
} from '../domain/workflow.js';
import { recordAudit } from './audit.js';
import { notifyCountry, notifyEntity } from './notify.js';
import { listAssignments } from '../db/queries/assignments.js';
import {
  lockReview,
  openReview,
  questionOf,
  requireOnReview,
  requireOpen,
  type LockedReview,
  type ReviewAccess,
} from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST …/answers/{questionId}/status`: submit an answer for review, approve it, return it
 * with a comment, or re-open an approved one with a reason. The comment or reason is kept in
 * the answer's comments; whoever is concerned is notified. Whoever wrote the answer's current
 * text (its latest revision) may not approve it, unless the country waived the rule
 * (`answer.self_approval`, docs/workspace.md « Separation of duties »). Several answers move
 * together through moveAnswers (move-answers.ts), decided by the same decideAnswerMove.
 */
export async function moveAnswer(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  request: AnswerMoveRequest,
): Promise<{ questionId: string; status: AnswerStatus }> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  const { questionId } = target;
  requireSomeMoveToward(actor, seen, request.to);
  questionOf(seen, questionId);
  return inTransaction(db, async (trx) => {
    // The review first (share: it must stay open until this commits), then the answer.
    const access = await lockReview(trx, seen, 'share');
    requireOpen(access);
    const decided = await decideAnswerMove(
      trx,
      actor,
      access,
      questionId,
      request,
      await waiverFor(trx, access, request),
    );
    await applyAnswerMove(trx, access, decided);
    return { questionId, status: decided.to };
  });
}

export interface AnswerMoveRequest {
  to: string;
  comment?: string | undefined;
}

/** An answer's move as decided under the locks: what applyAnswerMove writes. */
export interface DecidedAnswerMove {
  questionId: string;
  from: AnswerStatus;
  to: AnswerStatus;
  requires: 'comment' | 'reason' | undefined;
  who: Actor;
  /** The comment or reason, normalised ('' when none). */
  text: string;
}

/**
 * Rights first: someone who may make no move toward `to` on this review (whatever the answers'
 * states) is refused before any answer is read, so learns nothing of states and moves.
 */
export function requireSomeMoveToward(actor: Actor | null, seen: ReviewAccess, to: string): void {
  const toward = ANSWER_MOVES.filter((m) => m.to === to);
  if (!toward.some((m) => can(actor, m.needs, seen.scope)))
    requireOnReview(actor, toward[0]?.needs ?? 'answer.edit', seen);
}

/**
 * Whether the country waived the separation of duties, read in the transaction that approves
 * (a waiver lifted meanwhile holds from now); false when the move does not approve.
 */
export async function waiverFor(trx: Kysely<Database>, access: LockedReview, request: AnswerMoveRequest) {
  if (request.to !== 'approved') return false;
  return (await findCountrySettings(trx, access.review.country))?.selfApproval ?? false;
}

/**
 * Decides one answer's move, under the review's lock, locking the answer's row: the move must
 * exist from its current status, the actor must hold the move's right, may not approve text it
 * wrote (unless `waived`), and gives the comment or reason the move requires. Throws the
 * PacteError of the first rule broken; writes nothing.
 */
export async function decideAnswerMove(
  trx: Kysely<Database>,
  actor: Actor | null,
  access: LockedReview,
  questionId: string,
  request: AnswerMoveRequest,
  waived: boolean,
): Promise<DecidedAnswerMove> {
  const answer = await reviews.findAnswer(trx, access.review.id, questionId, true);
  const from: AnswerStatus = answer?.status ?? 'not_started';
  const to = request.to;
  const move = isAnswerStatus(to) ? findMove(ANSWER_MOVES, from, to) : undefined;
  if (!move || !answer) throw new PacteError('answer.move_not_allowed', { from, to });
  const who = requireOnReview(actor, move.needs, access);
  if (move.to === 'approved' && isSelfApproval(who.name, answer.updatedBy, waived))
    throw new PacteError('answer.self_approval', { country: access.review.country, questionId });
  const text = normalizeText(request.comment ?? '');
  if (move.requires === 'comment' && !text) throw new PacteError('workflow.comment_required');
  if (move.requires === 'reason' && !text) throw new PacteError('workflow.reason_required');
  return { questionId, from, to: move.to, requires: move.requires, who, text };
}

/** Writes a decided move: the status, the comment or reason, the audit event, the notifications. */
export async function applyAnswerMove(trx: Kysely<Database>, access: LockedReview, decided: DecidedAnswerMove) {
  const { questionId, from, to, requires, who, text } = decided;
  await reviews.setAnswerStatus(trx, access.review.id, questionId, to);
  if (text) {
    const kind = requires === 'reason' ? 'reopen' : to === 'changes_requested' ? 'return' : 'comment';
    await comments.insertComment(trx, { reviewId: access.review.id, questionId, author: who.name, kind, body: text });
  }
  await recordAudit(trx, who, 'answer.status', {
    country: access.review.country,
    cycle: access.review.cycle,
    questionId,
    details: { from, to, ...(text ? { comment: text } : {}) },
  });
  await notifyMove(trx, access, questionId, to, text);
}

/** Returned answers reach the focal points and the entities that contributed; approvals the focal points. */
async function notifyMove(trx: Kysely<Database>, access: ReviewAccess, questionId: string, to: string, text: string) {
  const base = { country: access.review.country, cycle: access.review.cycle, questionId, details: { comment: text } };
  if (to === 'changes_requested') {
    await notifyCountry(trx, access.review.country, ['focal_point'], { ...base, kind: 'returned' });
    for (const a of await listAssignments(trx, { reviewId: access.review.id, questionId })) {
      await notifyEntity(trx, { country: access.review.country, entity: a.entity.id }, { ...base, kind: 'returned' });
    }
  } else if (to === 'in_review') {
    await notifyCountry(trx, access.review.country, ['validator'], { ...base, kind: 'answer_submitted' });
  } else if (to === 'approved') {
    await notifyCountry(trx, access.review.country, ['focal_point'], { ...base, kind: 'approved' });
  }
}

/**
 * The moves the actor may make now on an answer in `status` (for the editor's buttons), as
 * moveAnswer decides them: approving is left out for the author of the current text unless
 * `selfApproval` (the country's waiver) is on.
 */
export function allowedAnswerMoves(
  actor: Actor | null,
  access: ReviewAccess,
  status: string,
  author: { updatedBy: string | null; selfApproval: boolean },
) {
  if (!OPEN_REVIEW.has(access.review.status)) return []; // answers move only while the review is open
  return ANSWER_MOVES.filter(
    (m) =>
      m.from === status &&
      m.from !== 'not_started' &&
      can(actor, m.needs, access.scope) &&
      !(m.to === 'approved' && actor && isSelfApproval(actor.name, author.updatedBy, author.selfApproval)),
  ).map((m) => ({ to: m.to, ...(m.requires ? { requires: m.requires } : {}) }));
}
