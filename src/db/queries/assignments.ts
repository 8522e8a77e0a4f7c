import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface AssignmentRow {
  reviewId: number;
  questionId: string;
  entity: { id: number; name: string; category: string };
  dueOn: string | null;
  /** What the focal point asks of the entity (migration 025). */
  note: string | null;
  assignedBy: string;
  assignedAt: Date;
}

/** Assigns (or changes the due date and note of) one question to one entity. */
export async function upsertAssignment(
  db: Db,
  a: {
    reviewId: number;
    questionId: string;
    entityId: number;
    dueOn: string | null;
    note: string | null;
    assignedBy: string;
  },
): Promise<void> {
  await db
    .insertInto('assignment')
    .values({
      review_id: a.reviewId,
      question_id: a.questionId,
      entity_id: a.entityId,
      due_on: a.dueOn,
      note: a.note,
      assigned_by: a.assignedBy,
    })
    .onConflict((oc) =>
      oc.columns(['review_id', 'question_id', 'entity_id']).doUpdateSet({ due_on: a.dueOn, note: a.note }),
    )
    .execute();
}

/** One assignment, its row locked until the transaction ends (an edit decided on it). */
export async function findAssignment(db: Db, reviewId: number, questionId: string, entityId: number) {
  const row = await db
    .selectFrom('assignment')
    .select(['due_on as dueOn', 'note'])
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId)
    .where('entity_id', '=', entityId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { dueOn: row.dueOn === null ? null : dateOnly(row.dueOn), note: row.note } : undefined;
}

export async function updateAssignment(
  db: Db,
  key: { reviewId: number; questionId: string; entityId: number },
  change: { dueOn: string | null; note: string | null },
): Promise<void> {
  await db
    .updateTable('assignment')
    .set({ due_on: change.dueOn, note: change.note })
    .where('review_id', '=', key.reviewId)
    .where('question_id', '=', key.questionId)
    .where('entity_id', '=', key.entityId)
    .execute();
}

export async function deleteAssignment(db: Db, reviewId: number, questionId: string, entityId: number) {
  const result = await db
    .deleteFrom('assignment')
    .where('review_id', '=', reviewId)
    .where('question_id', '=', questionId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The assignments of a review, of one question if given, of some entities if given. */
export async function listAssignments(
  db: Db,
  filter: { reviewId?: number; questionId?: string; entityIds?: number[] },
): Promise<(AssignmentRow & { country: string; cycle: string })[]> {
  if (filter.entityIds && filter.entityIds.length === 0) return [];
  let query = db
    .selectFrom('assignment')
    .innerJoin('entity', 'entity.id', 'assignment.entity_id')
    .innerJoin('review', 'review.id', 'assignment.review_id')
    .select([
      'assignment.review_id as reviewId',
      'assignment.question_id as questionId',
      'assignment.due_on as dueOn',
      'assignment.note as note',
      'assignment.assigned_by as assignedBy',
      'assignment.assigned_at as assignedAt',
      'entity.id as entityId',
      'entity.name as entityName',
      'entity.category as entityCategory',
      'review.country_code as country',
      'review.cycle_id as cycle',
    ])
    .orderBy('assignment.question_id')
    .orderBy('entity.name');
  if (filter.reviewId !== undefined) query = query.where('assignment.review_id', '=', filter.reviewId);
  if (filter.questionId !== undefined) query = query.where('assignment.question_id', '=', filter.questionId);
  if (filter.entityIds) query = query.where('assignment.entity_id', 'in', filter.entityIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    reviewId: r.reviewId,
    questionId: r.questionId,
    dueOn: r.dueOn === null ? null : dateOnly(r.dueOn),
    note: r.note,
    assignedBy: r.assignedBy,
    assignedAt: r.assignedAt,
    entity: { id: r.entityId, name: r.entityName, category: r.entityCategory },
    country: r.country,
    cycle: r.cycle,
  }));
}

/** A `date` column comes back as a Date from pg and a string from PGlite: always YYYY-MM-DD. */
function dateOnly(value: unknown): string {
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
}

/** The contributions' state per question and entity of a review: for dashboards. */
export async function listContributionStates(db: Db, reviewId: number) {
  return (
    db
      .selectFrom('contribution')
      .select(['question_id as questionId', 'entity_id as entityId', 'kind', 'status', 'updated_at as updatedAt'])
      // A stakeholder's input waits until the focal point says how it was used (its response).
      .select((eb) => eb('response', 'is not', null).as('responded'))
      .where('review_id', '=', reviewId)
      .execute()
  );
}
