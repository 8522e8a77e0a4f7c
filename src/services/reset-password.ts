import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { checkPassword } from '../domain/password.js';
import { recordAudit } from './audit.js';
import { tokenDigest } from './tokens.js';
import { inTransaction } from './use-case.js';

/**
 * Sets a new password with a reset token: the token works once and until it expires; every
 * session of the account ends. A too short password is refused before the token is used.
 */
export async function resetPassword(
  db: Kysely<Database>,
  token: string,
  password: string,
): Promise<{ userId: number; email: string }> {
  checkPassword(password);
  const passwordHash = await hash(password);
  return inTransaction(db, async (trx) => {
    const reset = token ? await accounts.usePasswordReset(trx, tokenDigest(token)) : undefined;
    if (!reset) throw new PacteError('password_reset.invalid_token');
    const user = await accounts.findUserById(trx, reset.userId);
    if (!user) throw new PacteError('password_reset.invalid_token');
    await accounts.updatePassword(trx, user.id, passwordHash);
    await accounts.deleteUserSessions(trx, user.id);
    const actor = { userId: user.id, name: user.email, grants: [] };
    await recordAudit(trx, actor, 'user.password_reset_used', { details: { userId: user.id } });
    return { userId: user.id, email: user.email };
  });
}
