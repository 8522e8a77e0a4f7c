import type { Kysely } from 'kysely';
import * as digests from '../db/queries/mail-digest.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT /session/preferences`: the signed-in person chooses how they receive Pacte's e-mail — at
 * once, or held for one digest a day (send-mail-digests.ts) — and its language. Only their own:
 * there is no way to set someone else's. Audited when it changes (an e-mail that stops coming at
 * once is something one may have to explain).
 */
export async function setMailPreferences(
  db: Kysely<Database>,
  actor: Actor | null,
  preferences: digests.MailPreferences,
): Promise<digests.MailPreferences> {
  const userId = actor?.userId;
  if (userId == null) throw new PacteError('auth.required');
  return inTransaction(db, async (trx) => {
    const before = await digests.findPreferences(trx, userId);
    if (!before) throw new PacteError('auth.required');
    if (before.mailDelivery !== preferences.mailDelivery || before.language !== preferences.language) {
      await digests.setPreferences(trx, userId, preferences);
      await recordAudit(trx, actor, 'account.mail_preferences', { details: { before, after: preferences } });
    }
    return preferences;
  });
}
