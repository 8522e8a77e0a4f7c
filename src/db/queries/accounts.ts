import { sql, type Kysely } from 'kysely';
import type { Grant } from '../../domain/permissions.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface UserRow {
  id: number;
  email: string;
  passwordHash: string;
  disabled: boolean;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const row = await db
    .selectFrom('user_account')
    .select(['id', 'email', 'password_hash', 'disabled_at'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, passwordHash: row.password_hash, disabled: row.disabled_at !== null };
}

export async function insertUser(
  db: Db,
  email: string,
  passwordHash: string,
  displayName: string | null = null,
): Promise<number> {
  const { id } = await db
    .insertInto('user_account')
    .values({ email, password_hash: passwordHash, display_name: displayName })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Gives an account its display name (migration 026). */
export async function setDisplayName(db: Db, userId: number, displayName: string): Promise<void> {
  await db.updateTable('user_account').set({ display_name: displayName }).where('id', '=', userId).execute();
}

/** The display names of the accounts with these addresses (lower-cased), for those that have one. */
export async function displayNames(db: Db, emails: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('user_account')
    .select(['email', 'display_name'])
    .where(sql`lower(email)`, 'in', wanted)
    .where('display_name', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.display_name as string]));
}

export async function updatePassword(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('user_account').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Adds a role; giving the same role twice changes nothing. */
export async function addGrant(db: Db, userId: number, grant: Grant): Promise<void> {
  await db
    .insertInto('user_role')
    .values({
      user_id: userId,
      role: grant.role,
      country_code: grant.country,
      region_id: grant.region,
      entity_id: grant.entity,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The roles an account acts with: a disabled role (migration 017) gives no right. */
export async function findGrants(db: Db, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_role')
    .selectAll()
    .where('user_id', '=', userId)
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((r) => ({ role: r.role, country: r.country_code, region: r.region_id, entity: r.entity_id }));
}

export async function insertSession(db: Db, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db
    .insertInto('session')
    .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt.toISOString() })
    .execute();
}

/** The live session's user, or nothing (unknown, expired, or the account disabled). */
export async function findSessionUser(db: Db, tokenHash: string): Promise<{ id: number; email: string } | undefined> {
  return db
    .selectFrom('session')
    .innerJoin('user_account', 'user_account.id', 'session.user_id')
    .select(['user_account.id', 'user_account.email'])
    .where('session.token_hash', '=', tokenHash)
    .where('session.expires_at', '>', sql<Date>`now()`)
    .where('user_account.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function recordLoginAttempt(db: Db, email: string, succeeded: boolean): Promise<void> {
  await db.insertInto('login_attempt').values({ email: email.toLowerCase(), succeeded }).execute();
}

/** Failed sign-ins for this address in the last `minutes`. */
export async function countRecentFailures(db: Db, email: string, minutes: number): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('succeeded', '=', false)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertImportDraft(
  db: Db,
  draft: { id: string; userId: number; fileName: string; bytes: Uint8Array; country: string; cycle: string },
): Promise<void> {
  // Drafts not confirmed within a day are dropped: they hold whole files.
  await db
    .deleteFrom('import_draft')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .insertInto('import_draft')
    .values({
      id: draft.id,
      user_id: draft.userId,
      file_name: draft.fileName,
      bytes: draft.bytes,
      country_code: draft.country,
      cycle_id: draft.cycle,
    })
    .execute();
}

export async function findImportDraft(db: Db, id: string) {
  return db.selectFrom('import_draft').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteImportDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('import_draft').where('id', '=', id).execute();
}

/** Ends every session of the user of this session; the number of sessions ended (0: no such session). */
export async function deleteSessionsOfSameUser(
  db: Db,
  tokenHash: string,
): Promise<{ userId: number | null; ended: number }> {
  const owner = await db.selectFrom('session').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!owner) return { userId: null, ended: 0 };
  const result = await db.deleteFrom('session').where('user_id', '=', owner.user_id).executeTakeFirst();
  return { userId: owner.user_id, ended: Number(result.numDeletedRows) };
}

export interface UserWithGrants {
  id: number;
  email: string;
  name: string | null;
  disabled: boolean;
  grants: Grant[];
}

/** Every account with its roles, by e-mail address. */
export async function listUsers(db: Db): Promise<UserWithGrants[]> {
  const users = await db
    .selectFrom('user_account')
    .select(['id', 'email', 'display_name', 'disabled_at'])
    .orderBy(sql`lower(email)`)
    .execute();
  const roles = await db.selectFrom('user_role').selectAll().orderBy('user_id').orderBy('role').execute();
  const byUser = new Map<number, Grant[]>();
  for (const r of roles) {
    const grants = byUser.get(r.user_id) ?? [];
    grants.push({ role: r.role, country: r.country_code, region: r.region_id, entity: r.entity_id });
    byUser.set(r.user_id, grants);
  }
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.display_name,
    disabled: u.disabled_at !== null,
    grants: byUser.get(u.id) ?? [],
  }));
}

export async function insertPasswordReset(db: Db, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db
    .insertInto('password_reset')
    .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt.toISOString() })
    .execute();
}

/**
 * Marks the reset token used, if it is unused and unexpired, and answers its user; in one
 * statement, so that two requests with the same token cannot both use it.
 */
export async function usePasswordReset(db: Db, tokenHash: string): Promise<{ userId: number } | undefined> {
  const row = await db
    .updateTable('password_reset')
    .set({ used_at: sql<string>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();
  return row && { userId: row.user_id };
}

export async function findUserById(db: Db, id: number): Promise<{ id: number; email: string } | undefined> {
  return db.selectFrom('user_account').select(['id', 'email']).where('id', '=', id).executeTakeFirst();
}
