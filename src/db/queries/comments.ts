import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface CommentRow {
  id: number;
  questionId: string;
  author: string;
  kind: string;
  body: string;
  createdAt: Date;
}

export async function insertComment(
  db: Db,
  c: { reviewId: number; questionId: string; author: string; kind: string; body: string },
): Promise<CommentRow> {
  return db
    .insertInto('comment')
    .values({ review_id: c.reviewId, question_id: c.questionId, author: c.author, kind: c.kind, body: c.body })
    .returning(['id', 'question_id as questionId', 'author', 'kind', 'body', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

export async function listComments(db: Db, reviewId: number, questionId?: string): Promise<CommentRow[]> {
  let query = db
    .selectFrom('comment')
    .select(['id', 'question_id as questionId', 'author', 'kind', 'body', 'created_at as createdAt'])
    .where('review_id', '=', reviewId)
    .orderBy('id');
  if (questionId !== undefined) query = query.where('question_id', '=', questionId);
  return query.execute();
}
