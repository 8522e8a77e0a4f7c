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
 * `PATCH …/assignments/{questionId}/{entityId}`: the focal point changes an assignment's due date
 * (not to a past one: assignment.due_in_past) or its note to the entity; what is not given stays.
 * When something changed, the entity's contributors are told (assignment_changed) and it is
 * audited (assignment.change, before and after).
 */
export async function updateAssignment(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string; entityId: number },
  change: { dueOn?: string | null | undefined; note?: string | null | undefined },
  now = new Date(),
) {
  const seen = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'assignment.manage', seen);
  questionOf(seen, target.questionId);
  const dueOn = change.dueOn === undefined ? undefined : checkDueOn(change.dueOn, now);
  const note = change.note === undefined ? undefined : checkNote(change.note);
  return inTransaction(db, async (trx) => {
    const access = await lockReview(trx, seen, 'share'); // open until this commits
    const who = requireOnReview(actor, 'assignment.manage', access);
    requireOpen(access);
    const key = { reviewId: access.review.id, questionId: target.questionId, entityId: target.entityId };
    const before = await assignments.findAssignment(trx, key.reviewId, key.questionId, key.entityId);
    if (!before) throw new PacteError('assignment.not_found', { question: target.questionId });
    const after = { dueOn: dueOn === undefined ? before.dueOn : dueOn, note: note === undefined ? before.note : note };
    if (after.dueOn !== before.dueOn || after.note !== before.note) {
      await assignments.updateAssignment(trx, key, after);
      const entity = await entities.findEntity(trx, target.entityId);
      const base = { country: access.review.country, cycle: access.review.cycle, questionId: target.questionId };
      await notifyEntity(
        trx,
        { country: access.review.country, entity: target.entityId },
        { ...base, kind: 'assignment_changed', details: { entity: entity?.name ?? '', ...after } },
      );
      await recordAudit(trx, who, 'assignment.change', {
        ...base,
        details: { entityId: target.entityId, before, after },
      });
    }
    return { questionId: target.questionId, entityId: target.entityId, ...after };
  });
}
