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
  type ReviewAccess,
} from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST …/answers/{questionId}/status`: submit an answer for review, approve it, return it
 * with a comment, or re-open an approved one with a reason. The comment or reason is kept in
 * the answer's comments; whoever is concerned is notified. Whoever wrote the answer's current
 * text (its latest revision) may not approve it, unless the country waived the rule
 * (`answer.self_approval`, docs/workspace.md « Separation of duties »).
 */
export async function moveAnswer(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  request: { to: string; comment?: string | undefined },
): Promise<{ questionId: string; status: AnswerStatus }> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  const { questionId } = target;
  // Rights first: someone who may move no answer learns nothing of states and moves.
  const toward = ANSWER_MOVES.filter((m) => m.to === request.to);
  if (!toward.some((m) => can(actor, m.needs, seen.scope)))
    requireOnReview(actor, toward[0]?.needs ?? 'answer.edit', seen);
  questionOf(seen, questionId);
  return inTransaction(db, async (trx) => {
    // The review first (share: it must stay open until this commits), then the answer.
    const access = await lockReview(trx, seen, 'share');
    requireOpen(access);
    const answer = await reviews.findAnswer(trx, access.review.id, questionId, true);
    const from: AnswerStatus = answer?.status ?? 'not_started';
    const to = request.to;
    const move = isAnswerStatus(to) ? findMove(ANSWER_MOVES, from, to) : undefined;
    if (!move || !answer) throw new PacteError('answer.move_not_allowed', { from, to });
    const who = requireOnReview(actor, move.needs, access);
    if (move.to === 'approved') {
      // The country's row is read in this transaction: a waiver lifted meanwhile holds from now.
      const waived = (await findCountrySettings(trx, access.review.country))?.selfApproval ?? false;
      if (isSelfApproval(who.name, answer.updatedBy, waived))
        throw new PacteError('answer.self_approval', { country: access.review.country, questionId });
    }
    const text = normalizeText(request.comment ?? '');
    if (move.requires === 'comment' && !text) throw new PacteError('workflow.comment_required');
    if (move.requires === 'reason' && !text) throw new PacteError('workflow.reason_required');
    await reviews.setAnswerStatus(trx, access.review.id, questionId, move.to);
    if (text) {
      const kind = move.requires === 'reason' ? 'reopen' : move.to === 'changes_requested' ? 'return' : 'comment';
      await comments.insertComment(trx, { reviewId: access.review.id, questionId, author: who.name, kind, body: text });
    }
    await recordAudit(trx, who, 'answer.status', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId,
      details: { from, to: move.to, ...(text ? { comment: text } : {}) },
    });
    await notifyMove(trx, access, questionId, move.to, text);
    return { questionId, status: move.to };
  });
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
