import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { openSession } from './open-session.js';
import { inTransaction } from './use-case.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

/** How many failed sign-ins an address may have in a window before it is refused (configurable). */
export interface LoginLimits {
  maxFailures: number;
  windowMinutes: number;
}
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: MAX_FAILURES, windowMinutes: FAILURE_WINDOW_MINUTES };

/**
 * Checks a password and opens a session. The answer is the same whether the address is unknown
 * or the password wrong; after MAX_FAILURES failures in FAILURE_WINDOW_MINUTES the address is
 * refused for a while, whatever the password. Failed attempts are counted in the database (so
 * limits hold across app instances), each committed on its own: the refusal must not undo it.
 * A success is recorded with the session and its audit event, in one transaction.
 */
export async function signIn(
  db: Kysely<Database>,
  email: string,
  password: string,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  if ((await accounts.countRecentFailures(db, email, limits.windowMinutes)) >= limits.maxFailures) {
    throw new PacteError('auth.rate_limited', { minutes: limits.windowMinutes });
  }
  const user = await accounts.findUserByEmail(db, email);
  // Verify against something even for an unknown address, so timing does not tell who exists.
  const ok =
    user && !user.disabled ? await verify(user.passwordHash, password) : await verify(await dummyHash(), password);
  if (!user || !ok || user.disabled) {
    await accounts.recordLoginAttempt(db, email, false);
    throw new PacteError('auth.invalid_credentials');
  }
  return inTransaction(db, async (trx) => {
    await accounts.recordLoginAttempt(trx, email, true);
    return openSession(trx, user);
  });
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hash('not a password anyone has');
  return dummy;
}
