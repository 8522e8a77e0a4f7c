import type { Kysely } from 'kysely';
import * as drafts from '../db/queries/answer-drafts.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { lockReview, openReview, questionOf, requireOnReview } from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `DELETE …/answers/{questionId}/draft`: the author drops their working draft (migration 027)
 * and goes back to the answer's saved text. Only one's own draft: the key is the caller's name.
 * Allowed whatever the review's state (throwing away one's own unsaved words changes nothing
 * the team reads), and not audited for the same reason as the autosave (save-answer-draft.ts).
 * Discarding a draft that is not there is no error (a second click, another tab).
 */
export async function discardAnswerDraft(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
): Promise<void> {
  const access = await openReview(db, actor, target.country, target.cycle);
  await inTransaction(db, async (trx) => {
    const locked = await lockReview(trx, access, 'share');
    const who = requireOnReview(actor, 'answer.edit', locked);
    questionOf(locked, target.questionId);
    await drafts.deleteAnswerDraft(trx, {
      reviewId: locked.review.id,
      questionId: target.questionId,
      author: who.name,
    });
  });
}
