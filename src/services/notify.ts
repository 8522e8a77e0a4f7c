import type { Kysely } from 'kysely';
import * as notifications from '../db/queries/notifications.js';
import type { Database } from '../db/schema.js';

/**
 * In-app notifications: the users concerned get one row each, in the same transaction as the
 * change. (Email is not sent: no mail server is assumed; see docs/workspace.md.)
 */
export async function notifyEntity(
  db: Kysely<Database>,
  target: { country: string; entity: number },
  notification: notifications.NewNotification,
): Promise<number> {
  const users = await notifications.findUsersWithRole(db, ['contributor', 'stakeholder'], target);
  return notifications.insertNotifications(db, users, notification);
}

/** Notifies the country's own team holding one of `roles` (focal points, validators). */
export async function notifyCountry(
  db: Kysely<Database>,
  country: string,
  roles: ('focal_point' | 'validator')[],
  notification: notifications.NewNotification,
): Promise<number> {
  const users = await notifications.findUsersWithRole(db, roles, { country });
  return notifications.insertNotifications(db, users, notification);
}
