import type { Kysely } from 'kysely';
import * as publications from '../db/queries/publications.js';
import * as reviews from '../db/queries/reviews.js';
import { isAnswered, type AnswerValue } from '../domain/answer-value.js';
import type { Database } from '../db/schema.js';
import { normalizeText } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import { REVIEW_MOVES, findMove, isReviewStatus, type ReviewStatus } from '../domain/workflow.js';
import { recordAudit } from './audit.js';
import { recordSubmission } from './record-submission.js';
import { storedReview } from './get-review.js';
import { indexPublication } from './search-index.js';
import { requireAcceptsSubmissions } from './resolve-cycle.js';
import { lockReview, openReview, requireOnReview, type ReviewAccess } from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /reviews/{country}/{cycle}/status`: moves a review along its workflow. Validating
 * needs every written answer approved (the focal point validates section by section, answer by
 * answer, first); going back needs a reason, kept in the audit log. The move is decided on the
 * status read under the review's lock, in the transaction that writes it: of two moves at once,
 * the second is decided on what the first left (twenty publications make one version).
 */
export async function moveReview(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
  request: MoveRequest,
): Promise<MovedReview> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  // Someone who may not move the review learns nothing about which moves exist.
  if (!can(actor, 'review.move', seen.scope) && !can(actor, 'review.publish_any', seen.scope)) {
    requireOnReview(actor, 'review.move', seen);
  }
  return inTransaction(db, (trx) => moveLockedReview(trx, actor, seen, request));
}

export interface MovedReview {
  country: string;
  cycle: string;
  status: ReviewStatus;
  version?: number;
  /** The submission written, when the move submits. */
  submission?: number;
}

/** A move, its reason (ways back), and the transmittal note kept with a submission. */
export interface MoveRequest {
  to: string;
  reason?: string | undefined;
  note?: string | undefined;
}

/** The move itself, inside the caller's transaction: lock, decide on what is there, write. */
export async function moveLockedReview(
  trx: Kysely<Database>,
  actor: Actor | null,
  seen: ReviewAccess,
  request: MoveRequest,
): Promise<MovedReview> {
  const access = await lockReview(trx, seen, 'update');
  const from = access.review.status;
  const to = request.to;
  const move = isReviewStatus(to) ? findMove(REVIEW_MOVES, from, to) : undefined;
  if (!move) throw new PacteError('review.move_not_allowed', { from, to });
  const who = requireOnReview(actor, move.needs, access);
  const reason = normalizeText(request.reason ?? '');
  if (move.requires === 'reason' && !reason) throw new PacteError('workflow.reason_required');
  if (move.to === 'validated') {
    // Answers are written under a share lock of the review: none can change while this one is held.
    const { pending } = approvalOf(await reviews.listAnswerRows(trx, access.review.id));
    if (pending.length > 0) throw new PacteError('review.answers_not_approved', { questions: pending.join(', ') });
  }
  if (move.to === 'submitted') await requireAcceptsSubmissions(trx, access.review.cycle);
  await reviews.setReviewStatus(trx, access.review.id, move.to);
  const where = { country: access.review.country, cycle: access.review.cycle };
  await recordAudit(trx, who, 'review.status', {
    ...where,
    details: { from, to: move.to, ...(reason ? { reason } : {}) },
  });
  if (move.to === 'submitted') {
    // What the secretariat receives is kept as it is now: it reads this, never the working copy.
    return { ...where, status: move.to, submission: await recordSubmission(trx, who, access, request.note) };
  }
  if (move.to !== 'published') return { ...where, status: move.to };
  // What is published is kept as it is now, as the review's next dated version.
  const document = await storedReview(trx, access.review, access.questionnaire);
  const version = await publications.addVersion(trx, access.review.id, who.name, document);
  await indexPublication(trx, access.review.id, version, document);
  await recordAudit(trx, who, 'review.publish', { ...where, details: { version } });
  return { ...where, status: move.to, version };
}

/** Validating needs every written answer approved: those that are not (sorted), of how many written. */
export function approvalOf(
  answers: readonly { questionId: string; status: string; blocks: readonly unknown[]; value?: AnswerValue | null }[],
) {
  const written = answers.filter((a) => isAnswered(a)); // text or a typed value (issue 15)
  const pending = written
    .filter((a) => a.status !== 'approved')
    .map((a) => a.questionId)
    .sort();
  return { pending, written: written.length };
}

/** What the preconditions of the moves depend on, read by the caller (the dashboard has the answers). */
export interface ReviewMoveFacts {
  answers: readonly { questionId: string; status: string; blocks: readonly unknown[]; value?: AnswerValue | null }[];
  /** The cycle receives submissions now (not closed with late submissions refused). */
  acceptsSubmissions: boolean;
}

export interface BlockedMove {
  to: ReviewStatus;
  /** The error code the move would be refused with now (errors catalogue). */
  code: 'review.answers_not_approved' | 'cycle.closed';
  details: { notApproved?: number; total?: number; questions?: string[]; cycle?: string };
}

/**
 * The moves the actor may make now (the dashboard's buttons) — role, status and the
 * preconditions moveLockedReview checks, so a button offered is a move that succeeds — and
 * those the role and status allow but a precondition refuses, with the code of the refusal.
 */
export function reviewMoves(actor: Actor | null, access: ReviewAccess, facts: ReviewMoveFacts) {
  const allowedMoves: { to: ReviewStatus; requires?: 'comment' | 'reason' }[] = [];
  const blockedMoves: BlockedMove[] = [];
  const { pending, written } = approvalOf(facts.answers);
  for (const m of REVIEW_MOVES) {
    if (m.from !== access.review.status || !can(actor, m.needs, access.scope)) continue;
    if (m.to === 'validated' && pending.length > 0) {
      blockedMoves.push({
        to: m.to,
        code: 'review.answers_not_approved',
        details: { notApproved: pending.length, total: written, questions: pending },
      });
    } else if (m.to === 'submitted' && !facts.acceptsSubmissions) {
      blockedMoves.push({ to: m.to, code: 'cycle.closed', details: { cycle: access.review.cycle } });
    } else {
      allowedMoves.push({ to: m.to, ...(m.requires ? { requires: m.requires } : {}) });
    }
  }
  return { allowedMoves, blockedMoves };
}
