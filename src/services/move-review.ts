import type { Kysely } from 'kysely';
import * as publications from '../db/queries/publications.js';
import * as reviews from '../db/queries/reviews.js';
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
    const pending = (await reviews.listAnswerRows(trx, access.review.id))
      .filter((a) => a.status !== 'approved' && a.blocks.length > 0)
      .map((a) => a.questionId)
      .sort();
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

/** The moves the actor may make now (for the dashboard's buttons). */
export function allowedReviewMoves(actor: Actor | null, access: ReviewAccess) {
  return REVIEW_MOVES.filter((m) => m.from === access.review.status && can(actor, m.needs, access.scope)).map((m) => ({
    to: m.to,
    ...(m.requires ? { requires: m.requires } : {}),
  }));
}
