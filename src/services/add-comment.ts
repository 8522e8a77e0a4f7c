import type { Kysely } from 'kysely';
import { listAssignments } from '../db/queries/assignments.js';
import * as comments from '../db/queries/comments.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, entitiesOf, type Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { openReview, questionOf } from './review-access.js';
import { inTransaction } from './use-case.js';

const MAX_COMMENT = 10_000;

/**
 * `POST …/answers/{questionId}/comments`: the country's team comments on an answer, and so do
 * the contributors of entities the question is assigned to.
 */
export async function addComment(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  body: string,
): Promise<comments.CommentRow> {
  const access = await openReview(db, actor, target.country, target.cycle, { participant: true });
  questionOf(access, target.questionId);
  if (!actor) throw new PacteError('auth.required');
  if (!can(actor, 'comment.write', access.scope)) {
    const mine = new Set(entitiesOf(actor, access.review.country));
    const assigned = await listAssignments(db, { reviewId: access.review.id, questionId: target.questionId });
    if (!assigned.some((a) => mine.has(a.entity.id))) {
      throw new PacteError('auth.forbidden', { action: 'comment.write', country: access.review.country });
    }
  }
  const text = body.normalize('NFC').trim(); // line breaks are the writer's: kept
  if (!text) throw new PacteError('request.invalid', { problem: 'the comment is empty' });
  if (text.length > MAX_COMMENT)
    throw new PacteError('request.invalid', { problem: `comment over ${MAX_COMMENT} characters` });
  return inTransaction(db, async (trx) => {
    const comment = await comments.insertComment(trx, {
      reviewId: access.review.id,
      questionId: target.questionId,
      author: actor.name,
      kind: 'comment',
      body: text,
    });
    await recordAudit(trx, actor, 'comment.add', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId: target.questionId,
      details: { comment: comment.id },
    });
    return comment;
  });
}
