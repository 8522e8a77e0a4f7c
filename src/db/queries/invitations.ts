import { sql, type Kysely } from 'kysely';
import type { Grant } from '../../domain/permissions.js';
import type { Database, Invitation as InvitationTable } from '../schema.js';
import type { Selectable } from 'kysely';

type Db = Kysely<Database>;

export type InvitationState = 'pending' | 'used' | 'revoked' | 'expired';

export interface InvitationRow {
  id: number;
  email: string;
  /** The name of the person invited, as the inviter gave it (migration 029); null if none. */
  name: string | null;
  grant: Grant;
  invitedBy: number | null;
  invitedByName: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  state: InvitationState;
}

const toRow = (r: Selectable<InvitationTable>, now: Date): InvitationRow => {
  const usedAt = r.used_at === null ? null : new Date(r.used_at);
  const revokedAt = r.revoked_at === null ? null : new Date(r.revoked_at);
  const expiresAt = new Date(r.expires_at);
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    grant: { role: r.role, country: r.country_code, region: r.region_id, entity: r.entity_id },
    invitedBy: r.invited_by,
    invitedByName: r.invited_by_name,
    createdAt: new Date(r.created_at),
    expiresAt,
    usedAt,
    revokedAt,
    state: usedAt ? 'used' : revokedAt ? 'revoked' : expiresAt <= now ? 'expired' : 'pending',
  };
};

/** The database's clock, so that "expired" means the same on every app instance. */
async function now(db: Db): Promise<Date> {
  const { now } = await sql<{ now: Date | string }>`select now() as now`.execute(db).then((r) => r.rows[0]!);
  return new Date(now);
}

export async function insertInvitation(
  db: Db,
  invitation: {
    tokenHash: string;
    email: string;
    name: string | null;
    grant: Grant;
    invitedBy: number | null;
    invitedByName: string;
    days: number;
  },
): Promise<InvitationRow> {
  const row = await db
    .insertInto('invitation')
    .values({
      token_hash: invitation.tokenHash,
      email: invitation.email,
      name: invitation.name,
      role: invitation.grant.role,
      country_code: invitation.grant.country,
      region_id: invitation.grant.region,
      entity_id: invitation.grant.entity,
      invited_by: invitation.invitedBy,
      invited_by_name: invitation.invitedByName,
      expires_at: sql<string>`now() + make_interval(days => ${invitation.days})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRow(row, await now(db));
}

/**
 * Withdraws the pending invitations of this address to this role (a new one replaces them: one
 * link works at a time); answers how many.
 */
export async function revokePendingFor(db: Db, email: string, grant: Grant): Promise<number> {
  const result = await db
    .updateTable('invitation')
    .set({ revoked_at: sql<string>`now()` })
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('role', '=', grant.role)
    .where(sql`coalesce(country_code, '')`, '=', grant.country ?? '')
    .where(sql`coalesce(region_id, '')`, '=', grant.region ?? '')
    .where(sql`coalesce(entity_id, 0)`, '=', grant.entity ?? 0)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many invitations of this inviter are still pending (neither used, revoked nor expired). */
export async function countPendingBy(db: Db, invitedByName: string): Promise<number> {
  const row = await db
    .selectFrom('invitation')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('invited_by_name', '=', invitedByName)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The invitation of this token, locked (`for update`) so that it is used or revoked once. */
export async function lockInvitationByToken(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const row = await db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
  return row && toRow(row, await now(db));
}

export async function findInvitationByToken(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const row = await db.selectFrom('invitation').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toRow(row, await now(db));
}

export async function lockInvitation(db: Db, id: number): Promise<InvitationRow | undefined> {
  const row = await db.selectFrom('invitation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toRow(row, await now(db));
}

export async function markUsed(db: Db, id: number, userId: number): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ used_at: sql<string>`now()`, used_by: userId })
    .where('id', '=', id)
    .execute();
}

export async function markRevoked(db: Db, id: number): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ revoked_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The invitations neither used, revoked nor expired, newest first (filtered by scope by the caller). */
export async function listPending(db: Db): Promise<InvitationRow[]> {
  const rows = await db
    .selectFrom('invitation')
    .selectAll()
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const at = await now(db);
  return rows.map((r) => toRow(r, at));
}
