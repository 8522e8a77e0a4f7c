import { sql, type Kysely } from 'kysely';
import type { Grant } from '../../domain/permissions.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A role of an account, with whether it was disabled (disabled roles give no right). */
export interface PersonGrant extends Grant {
  disabled: boolean;
}

export interface Person {
  id: number;
  email: string;
  /** The display name (migration 026), if any. */
  name: string | null;
  /** The account itself is disabled: it cannot sign in. */
  disabled: boolean;
  grants: PersonGrant[];
}

const sameGrant = (grant: Grant) =>
  sql<boolean>`role = ${grant.role}
    and coalesce(country_code, '') = ${grant.country ?? ''}
    and coalesce(region_id, '') = ${grant.region ?? ''}
    and coalesce(entity_id, 0) = ${grant.entity ?? 0}`;

/** Every account with all its roles, enabled or not, by e-mail address (filtered by scope by the caller). */
export async function listPeople(db: Db): Promise<Person[]> {
  const users = await db
    .selectFrom('user_account')
    .select(['id', 'email', 'display_name', 'disabled_at'])
    .orderBy(sql`lower(email)`)
    .execute();
  const roles = await db.selectFrom('user_role').selectAll().orderBy('user_id').orderBy('role').execute();
  const byUser = new Map<number, PersonGrant[]>();
  for (const r of roles) {
    const grants = byUser.get(r.user_id) ?? [];
    grants.push({
      role: r.role,
      country: r.country_code,
      region: r.region_id,
      entity: r.entity_id,
      disabled: r.disabled_at !== null,
    });
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

/** One account with all its roles, the account row locked (`for update`): its roles change together. */
export async function lockPerson(db: Db, userId: number): Promise<Person | undefined> {
  const user = await db
    .selectFrom('user_account')
    .select(['id', 'email', 'display_name', 'disabled_at'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await db.selectFrom('user_role').selectAll().where('user_id', '=', userId).orderBy('role').execute();
  return {
    id: user.id,
    email: user.email,
    name: user.display_name,
    disabled: user.disabled_at !== null,
    grants: roles.map((r) => ({
      role: r.role,
      country: r.country_code,
      region: r.region_id,
      entity: r.entity_id,
      disabled: r.disabled_at !== null,
    })),
  };
}

/** Disables or enables one role of an account. */
export async function setGrantDisabled(db: Db, userId: number, grant: Grant, disabled: boolean): Promise<void> {
  await db
    .updateTable('user_role')
    .set({ disabled_at: disabled ? sql<string>`coalesce(disabled_at, now())` : null })
    .where('user_id', '=', userId)
    .where(sameGrant(grant))
    .execute();
}

/** Disables or enables the account itself (a disabled account cannot sign in; its sessions are no longer valid). */
export async function setAccountDisabled(db: Db, userId: number, disabled: boolean): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ disabled_at: disabled ? sql<string>`coalesce(disabled_at, now())` : null })
    .where('id', '=', userId)
    .execute();
}
