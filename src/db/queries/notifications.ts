import { sql, type Kysely } from 'kysely';
import type { Role } from '../../domain/permissions.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface NotificationRow {
  id: number;
  kind: string;
  country: string;
  cycle: string;
  questionId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  kind: string;
  country: string;
  cycle: string;
  questionId: string | null;
  details: Record<string, unknown>;
  /** Sent once per user and key (due-date reminders); null: always sent. */
  dedupeKey?: string | null;
}

/** The users holding one of `roles` for an entity (contributors) or a country (focal points…). */
export async function findUsersWithRole(
  db: Db,
  roles: Role[],
  scope: { country: string; entity?: number },
): Promise<number[]> {
  let query = db
    .selectFrom('user_role')
    .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
    .select('user_role.user_id')
    .distinct()
    .where('user_role.role', 'in', roles)
    .where('user_role.country_code', '=', scope.country)
    .where('user_account.disabled_at', 'is', null)
    .where('user_role.disabled_at', 'is', null); // a disabled role is told nothing (migration 017)
  if (scope.entity !== undefined) query = query.where('user_role.entity_id', '=', scope.entity);
  return (await query.execute()).map((row) => row.user_id);
}

export async function insertNotifications(db: Db, userIds: number[], n: NewNotification): Promise<number> {
  if (userIds.length === 0) return 0;
  const result = await db
    .insertInto('notification')
    .values(
      userIds.map((user_id) => ({
        user_id,
        kind: n.kind,
        country: n.country,
        cycle: n.cycle,
        question_id: n.questionId,
        details: JSON.stringify(n.details),
        dedupe_key: n.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function listNotifications(db: Db, userId: number, limit: number): Promise<NotificationRow[]> {
  return db
    .selectFrom('notification')
    .select([
      'id',
      'kind',
      'country',
      'cycle',
      'question_id as questionId',
      'details',
      'created_at as createdAt',
      'read_at as readAt',
    ])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the user's notifications read: the given ones, or all. Others' are never touched. */
export async function markRead(db: Db, userId: number, ids?: number[]): Promise<void> {
  let query = db
    .updateTable('notification')
    .set({ read_at: sql<string>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}
