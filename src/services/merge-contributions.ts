import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { isLocked } from '../domain/workflow.js';
import { lockReview, openReview, questionOf, requireOnReview, requireOpen } from './review-access.js';
import { inAnswerTransaction, writeAnswer, type SavedAnswer } from './save-answer.js';

/**
 * `POST …/answers/{questionId}/merge`: the focal point appends the chosen submitted
 * contributions' blocks, in the given order, to the current answer, and takes the typed value
 * the last of them proposes. The new revision (origin
 * `merge`) names the contributions it came from, which become `merged`. One transaction: the
 * answer row is locked, a stale `baseRevision` is answered `answer.edit_conflict`, and any
 * refusal leaves both the answer and the contributions as they were.
 */
export async function mergeContributions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  input: { contributionIds: number[]; baseRevision: number },
): Promise<SavedAnswer & { contributionIds: number[] }> {
  const ids = input.contributionIds;
  if (ids.length === 0 || new Set(ids).size !== ids.length) {
    throw new PacteError('request.invalid', { problem: 'contributionIds: one or more distinct contribution ids' });
  }
  const seen = await openReview(db, actor, target.country, target.cycle);
  return inAnswerTransaction(db, seen, target.questionId, input.baseRevision, async (trx) => {
    // Lock order: the review, the answer, then the contributions (by id), as every write does.
    const access = await lockReview(trx, seen, 'share');
    requireOnReview(actor, 'answer.edit', access);
    requireOpen(access);
    const { questionId } = target;
    questionOf(access, questionId);
    const current = await reviews.findAnswer(trx, access.review.id, questionId, true);
    const currentRevision = current?.revision ?? 0;
    if (currentRevision !== input.baseRevision) {
      throw new PacteError('answer.edit_conflict', {
        question: questionId,
        currentRevision,
        baseRevision: input.baseRevision,
        blocks: current?.blocks ?? [],
        author: current?.updatedBy ?? null,
      });
    }
    if (current && isLocked(current.status)) throw new PacteError('answer.locked', { question: questionId });

    const rows = new Map((await contributions.findContributionsById(trx, ids)).map((row) => [row.id, row]));
    const chosen = ids.map((id) => {
      const row = rows.get(id);
      if (!row || row.reviewId !== access.review.id || row.questionId !== questionId) {
        throw new PacteError('request.invalid', { problem: `contribution ${id} is not one to question ${questionId}` });
      }
      if (row.status === 'merged') throw new PacteError('contribution.closed', { contribution: id });
      if (row.status !== 'submitted') {
        throw new PacteError('request.invalid', { problem: `contribution ${id} is not submitted` });
      }
      return row;
    });
    const blocks = [...(current?.blocks ?? []), ...chosen.flatMap((row) => row.blocks)];
    // A typed value cannot be appended like text: the last chosen contribution that proposes one
    // gives it (the focal point merged it, so chose it); none proposes one: the answer's stays.
    const value = chosen.findLast((row) => row.value)?.value;
    const saved = await writeAnswer(trx, actor, access, questionId, {
      blocks,
      ...(value ? { value } : {}),
      baseRevision: currentRevision,
      origin: 'merge',
      contributionIds: ids,
    });
    await contributions.markMerged(trx, ids);
    return { ...saved, contributionIds: ids };
  });
}
