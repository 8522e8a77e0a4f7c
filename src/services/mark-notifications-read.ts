import type { Kysely } from 'kysely';
import * as notifications from '../db/queries/notifications.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';

/** `POST /notifications/read`: marks one's own notifications read (the given ones, or all). */
export async function markNotificationsRead(db: Kysely<Database>, actor: Actor | null, ids?: number[]) {
  if (!actor?.userId) throw new PacteError('auth.required');
  await notifications.markRead(db, actor.userId, ids);
}
