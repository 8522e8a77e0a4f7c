import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { requireAllowed } from './require-allowed.js';
import { newToken, tokenDigest } from './tokens.js';
import { inTransaction } from './use-case.js';

/** How long a reset token is valid: the CLI says it when it prints one, and in its help. */
export const RESET_HOURS = 1;

/**
 * A one-time password reset token for the account, valid RESET_HOURS; printed by the CLI
 * (no mail server is assumed). Only its SHA-256 is stored.
 */
export async function issuePasswordReset(
  db: Kysely<Database>,
  by: Actor,
  email: string,
): Promise<{ token: string; email: string; expiresAt: Date }> {
  requireAllowed(by, 'user.manage');
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3600_000);
  return inTransaction(db, async (trx) => {
    const user = await accounts.findUserByEmail(trx, email.trim());
    if (!user) throw new PacteError('user.not_found', { email: email.trim() });
    await accounts.insertPasswordReset(trx, tokenDigest(token), user.id, expiresAt);
    await recordAudit(trx, by, 'user.password_reset_issued', { details: { userId: user.id, email: user.email } });
    return { token, email: user.email, expiresAt };
  });
}
