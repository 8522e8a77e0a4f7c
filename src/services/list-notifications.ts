import type { Kysely } from 'kysely';
import * as notifications from '../db/queries/notifications.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';

/** `GET /notifications`: the signed-in person's newest notifications and how many are unread. */
export async function listNotifications(db: Kysely<Database>, actor: Actor | null, limit = 50) {
  if (!actor?.userId) throw new PacteError('auth.required');
  const [items, unread] = await Promise.all([
    notifications.listNotifications(db, actor.userId, limit),
    notifications.countUnread(db, actor.userId),
  ]);
  return { notifications: items, unread };
}
