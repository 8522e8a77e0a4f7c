import type { Kysely } from 'kysely';
import * as assignments from '../db/queries/assignments.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import * as entities from '../db/queries/entities.js';
import { recordAudit } from './audit.js';
import { notifyEntity } from './notify.js';
import { lockReview, openReview, requireOnReview, requireOpen } from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `DELETE …/assignments/{questionId}/{entityId}`: the assignment is withdrawn; the entity's
 * contribution, if any, is kept, and its contributors are told (unassigned).
 */
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
    // The entity's contributors are told the question is no longer theirs to answer.
    const entity = await entities.findEntity(trx, target.entityId);
    await notifyEntity(
      trx,
      { country: access.review.country, entity: target.entityId },
      {
        kind: 'unassigned',
        country: access.review.country,
        cycle: access.review.cycle,
        questionId: target.questionId,
        details: { entity: entity?.name ?? '' },
      },
    );
    await recordAudit(trx, who, 'assignment.remove', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId: target.questionId,
      details: { entityId: target.entityId },
    });
  });
}
