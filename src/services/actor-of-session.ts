import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { tokenDigest } from './tokens.js';

/** The actor behind a session token, or null (none, unknown, expired, account disabled). */
export async function actorOfSession(db: Kysely<Database>, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const user = await accounts.findSessionUser(db, tokenDigest(token));
  if (!user) return null;
  return { userId: user.id, name: user.email, grants: await accounts.findGrants(db, user.id) };
}
