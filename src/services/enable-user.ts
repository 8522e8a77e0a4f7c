import type { Kysely } from 'kysely';
import type { Person } from '../db/queries/people.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../domain/permissions.js';
import { switchManagedRoles } from './disable-user.js';

/**
 * Gives back the roles of an account that the actor manages (someone returns); the account
 * can sign in again. Audited per country.
 */
export async function enableUser(db: Kysely<Database>, by: Actor | null, userId: number): Promise<Person> {
  return switchManagedRoles(db, by, userId, false);
}
