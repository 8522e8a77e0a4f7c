import type { Kysely } from 'kysely';
import * as assignments from '../db/queries/assignments.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockReview, openReview, requireOnReview, requireOpen } from './review-access.js';
import { inTransaction } from './use-case.js';

/** `DELETE …/assignments/{questionId}/{entityId}`; the entity's contribution, if any, is kept. */
export async function unassignQuestion(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string; entityId: number },
): Promise<void> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'assignment.manage', seen);
  await inTransaction(db, async (trx) => {
    const access = await lockReview(trx, seen, 'share'); // open until this commits
    const who = requireOnReview(actor, 'assignment.manage', access);
    requireOpen(access);
    if (!(await assignments.deleteAssignment(trx, access.review.id, target.questionId, target.entityId))) {
      throw new PacteError('assignment.not_found', { question: target.questionId });
    }
    await recordAudit(trx, who, 'assignment.remove', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId: target.questionId,
      details: { entityId: target.entityId },
    });
  });
}
