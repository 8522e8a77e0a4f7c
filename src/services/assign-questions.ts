import type { Kysely } from 'kysely';
import * as assignments from '../db/queries/assignments.js';
import * as entities from '../db/queries/entities.js';
import type { Database } from '../db/schema.js';
import { checkDueOn, checkNote } from '../domain/assignments.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { notifyEntity } from './notify.js';
import { lockReview, openReview, questionOf, requireOnReview, requireOpen } from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /reviews/{country}/{cycle}/assignments`: the focal point gives questions to an entity
 * of the country, with a due date (not in the past: assignment.due_in_past) and a note to the
 * entity; the entity's contributors are notified. Assigning again changes the due date and note.
 */
export async function assignQuestions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
  request: {
    questionIds: string[];
    entityId: number;
    dueOn?: string | null | undefined;
    note?: string | null | undefined;
  },
  now = new Date(),
): Promise<{ assigned: string[] }> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'assignment.manage', seen);
  const questionIds = [...new Set(request.questionIds)];
  if (questionIds.length === 0) throw new PacteError('request.invalid', { problem: 'questionIds is empty' });
  for (const id of questionIds) questionOf(seen, id);
  const dueOn = checkDueOn(request.dueOn ?? null, now);
  const note = checkNote(request.note ?? null);
  const entity = await entities.findEntity(db, request.entityId);
  if (!entity || entity.country !== seen.review.country) {
    throw new PacteError('entity.not_found', { entity: request.entityId, country: seen.review.country });
  }
  return inTransaction(db, async (trx) => {
    const access = await lockReview(trx, seen, 'share'); // open until this commits
    const who = requireOnReview(actor, 'assignment.manage', access);
    requireOpen(access);
    for (const questionId of questionIds) {
      await assignments.upsertAssignment(trx, {
        reviewId: access.review.id,
        questionId,
        entityId: entity.id,
        dueOn,
        note,
        assignedBy: who.name,
      });
      await notifyEntity(
        trx,
        { country: access.review.country, entity: entity.id },
        {
          kind: 'assigned',
          country: access.review.country,
          cycle: access.review.cycle,
          questionId,
          details: { entity: entity.name, dueOn, ...(note ? { note } : {}) },
        },
      );
    }
    await recordAudit(trx, who, 'assignment.add', {
      country: access.review.country,
      cycle: access.review.cycle,
      details: { questionIds, entityId: entity.id, entity: entity.name, dueOn, ...(note ? { note } : {}) },
    });
    return { assigned: questionIds };
  });
}
