/**
 * Authors' working drafts of answers (migration 027): what an autosave keeps, one per
 * (review, question, author), never a revision.
 */
import type { Kysely } from 'kysely';
import type { AnswerValue } from '../../domain/answer-value.js';
import type { Block } from '../../domain/blocks.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface AnswerDraftRow {
  blocks: Block[];
  /** The typed value being chosen (issue 15); null: none. */
  value: AnswerValue | null;
  baseRevision: number;
  updatedAt: Date;
}

export interface DraftKey {
  reviewId: number;
  questionId: string;
  author: string;
}

/** Writes (or overwrites) the author's draft; returns when it was saved. */
export async function upsertAnswerDraft(
  db: Db,
  key: DraftKey,
  draft: { blocks: Block[]; value?: AnswerValue | null; baseRevision: number },
): Promise<Date> {
  const blocks = JSON.stringify(draft.blocks);
  const value = draft.value ? JSON.stringify(draft.value) : null;
  const now = new Date();
  await db
    .insertInto('answer_draft')
    .values({
      review_id: key.reviewId,
      question_id: key.questionId,
      author: key.author,
      blocks,
      value,
      base_revision: draft.baseRevision,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['review_id', 'question_id', 'author'])
        .doUpdateSet({ blocks, value, base_revision: draft.baseRevision, updated_at: now }),
    )
    .execute();
  return now;
}

/** The author's own draft, if any. */
export async function findAnswerDraft(db: Db, key: DraftKey): Promise<AnswerDraftRow | undefined> {
  return db
    .selectFrom('answer_draft')
    .select(['blocks', 'value', 'base_revision as baseRevision', 'updated_at as updatedAt'])
    .where('review_id', '=', key.reviewId)
    .where('question_id', '=', key.questionId)
    .where('author', '=', key.author)
    .executeTakeFirst();
}

/** Deletes the author's draft (saved as a revision, or discarded); whether there was one. */
export async function deleteAnswerDraft(db: Db, key: DraftKey): Promise<boolean> {
  const result = await db
    .deleteFrom('answer_draft')
    .where('review_id', '=', key.reviewId)
    .where('question_id', '=', key.questionId)
    .where('author', '=', key.author)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
