import type { Kysely } from 'kysely';
import * as drafts from '../db/queries/answer-drafts.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { checkValue } from '../domain/answer-value.js';
import { BLOCK_LIMITS, cleanBlocks } from '../domain/blocks.js';
import * as catalogue from '../db/queries/catalogue.js';
import { strictBlocks } from '../domain/contributions.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { isLocked } from '../domain/workflow.js';
import { lockReview, openReview, questionOf, requireOnReview, requireOpen } from './review-access.js';
import { inTransaction } from './use-case.js';

export interface SavedAnswerDraft {
  savedAt: Date;
  baseRevision: number;
}

/**
 * `PUT …/answers/{questionId}/draft`: the editor's autosave of an answer (migration 027). It
 * keeps what the author typed on the server — so it survives another browser, a lost laptop
 * or a cleared storage — without writing a revision: the history lists the texts people chose
 * to save, not every pause in their typing. The checks are saveAnswer's, in its order and with
 * its codes (404 to whoever may not see the review, 403 without the right to edit, the review
 * open under a share lock, the question, the blocks' limits, an approved answer locked), so an
 * autosave is refused exactly when the save it prepares would be.
 *
 * A stale `baseRevision` is kept, not refused: the draft holds the author's work, and the
 * conflict is for the save that turns it into a revision to answer (answer.edit_conflict,
 * with both texts to choose from). No audit event either: the audit log tells who changed what
 * the team reads, and a draft is read by its author only, rewritten every few seconds; the
 * revision it becomes is audited. Nothing is indexed for search or scanned for facts.
 */
export async function saveAnswerDraft(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  input: { blocks: unknown; value?: unknown; baseRevision: number },
): Promise<SavedAnswerDraft> {
  const access = await openReview(db, actor, target.country, target.cycle);
  return inTransaction(db, async (trx) => {
    const locked = await lockReview(trx, access, 'share');
    const who = requireOnReview(actor, 'answer.edit', locked);
    requireOpen(locked);
    const { question } = questionOf(locked, target.questionId);
    const blocks = cleanBlocks(strictBlocks(input.blocks)); // as writeAnswer: whatever the front door
    if (!blocks) throw new PacteError('blocks.too_large', { ...BLOCK_LIMITS });
    // Checked as the save checks it: a draft never holds a value its save would refuse.
    const value = checkValue(
      question,
      input.value ?? null,
      (await catalogue.listPrinciples(trx)).map((p) => p.key),
    );
    const current = await reviews.findAnswer(trx, locked.review.id, target.questionId);
    if (current && isLocked(current.status)) throw new PacteError('answer.locked', { question: target.questionId });
    const key = { reviewId: locked.review.id, questionId: target.questionId, author: who.name };
    const savedAt = await drafts.upsertAnswerDraft(trx, key, { blocks, value, baseRevision: input.baseRevision });
    return { savedAt, baseRevision: input.baseRevision };
  });
}
