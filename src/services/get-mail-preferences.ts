import type { Kysely } from 'kysely';
import * as digests from '../db/queries/mail-digest.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';

/** `GET /session/preferences`: how the signed-in person receives Pacte's e-mail (migration 021). */
export async function getMailPreferences(db: Kysely<Database>, actor: Actor | null): Promise<digests.MailPreferences> {
  // Preferences are a person's: the operator (no account) has none.
  if (actor?.userId == null) throw new PacteError('auth.required');
  const preferences = await digests.findPreferences(db, actor.userId);
  if (!preferences) throw new PacteError('auth.required');
  return preferences;
}
