import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { requireAllowed } from './require-allowed.js';

/** Every account, its roles and whether it is disabled (the administrators' screen). */
export async function listUsers(db: Kysely<Database>, by: Actor | null): Promise<accounts.UserWithGrants[]> {
  requireAllowed(by, 'user.manage');
  return accounts.listUsers(db);
}
