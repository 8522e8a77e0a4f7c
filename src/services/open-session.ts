import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { newToken, tokenDigest } from './tokens.js';
import { inTransaction } from './use-case.js';

const SESSION_HOURS = 12;

/**
 * Opens a session for an account whose owner has proved who they are (by password, or by an
 * OpenID Connect provider): a random token of which only the SHA-256 is stored, and the
 * 'session.sign_in' audit entry (`details` says how, when not by password), in one
 * transaction: there is no session the audit log does not tell of.
 */
export async function openSession(
  db: Kysely<Database>,
  user: { id: number; email: string },
  details?: Record<string, unknown>,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  return inTransaction(db, async (trx) => {
    await accounts.insertSession(trx, tokenDigest(token), user.id, expiresAt);
    const actor = { userId: user.id, name: user.email, grants: await accounts.findGrants(trx, user.id) };
    await recordAudit(trx, actor, 'session.sign_in', details ? { details } : {});
    return { token, actor, expiresAt };
  });
}
