/** Whom Pacte e-mails (focal points, with their preferences), and e-mail held for a daily digest (migrations 021, 023). */
import { sql } from 'kysely';
import type { Language, Multilingual } from '../../domain/language.js';
import type { Db } from '../connection.js';

export type MailDelivery = 'immediate' | 'daily';
export interface MailPreferences {
  mailDelivery: MailDelivery;
  /** The language of the person's e-mail; null: the cycle's first language. */
  language: Language | null;
}

export async function findPreferences(db: Db, userId: number): Promise<MailPreferences | undefined> {
  const row = await db
    .selectFrom('user_account')
    .select(['mail_delivery', 'language'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && { mailDelivery: row.mail_delivery as MailDelivery, language: row.language as Language | null };
}

export async function setPreferences(db: Db, userId: number, preferences: MailPreferences): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ mail_delivery: preferences.mailDelivery, language: preferences.language })
    .where('id', '=', userId)
    .execute();
}

/** What Pacte e-mails a country's focal points about (held_mail.kind, migration 023). */
export type MailKind = 'reminder' | 'submission_acknowledged' | 'submission_returned';

/** Someone to e-mail: an enabled focal point of `country`, with their e-mail preferences. */
export interface Recipient {
  userId: number;
  email: string;
  country: string;
  countryName: Multilingual;
  delivery: MailDelivery;
  language: Language | null;
}

/**
 * The enabled focal points of `countries` (an account and a role both enabled, as for their
 * in-app notifications: notifications.findUsersWithRole), once per country, by address.
 */
export async function focalPointRecipients(db: Db, countries: readonly string[]): Promise<Recipient[]> {
  if (countries.length === 0) return [];
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
    .innerJoin('country', 'country.code', 'user_role.country_code')
    .select(['user_account.id as userId', 'user_account.email', 'country.code as country', 'country.name'])
    .select(['user_account.mail_delivery as delivery', 'user_account.language'])
    .distinct()
    .where('user_role.role', '=', 'focal_point')
    .where('user_role.country_code', 'in', countries)
    .where('user_account.disabled_at', 'is', null)
    .where('user_role.disabled_at', 'is', null)
    .orderBy('user_account.email')
    .orderBy('country.code')
    .execute();
  return rows.map((row) => ({
    userId: row.userId,
    email: row.email,
    country: row.country.trim(),
    countryName: row.name,
    delivery: row.delivery === 'daily' ? 'daily' : 'immediate',
    language: row.language as Language | null,
  }));
}

export interface HeldMail {
  id: number;
  kind: MailKind;
  params: Record<string, unknown>;
  language: Language;
  createdAt: Date;
}

export async function holdMail(
  db: Db,
  mails: { userId: number; kind: MailKind; params: Record<string, unknown>; language: Language }[],
): Promise<void> {
  if (mails.length === 0) return;
  await db
    .insertInto('held_mail')
    .values(
      mails.map((m) => ({ user_id: m.userId, kind: m.kind, params: JSON.stringify(m.params), language: m.language })),
    )
    .execute();
}

/** A person whose digest is due, claimed: their row locked, then their schedule moved to `now`. */
export interface ClaimedDigest {
  userId: number;
  email: string;
  language: Language | null;
  /** The schedule before the claim, to put back if the digest cannot be sent. */
  previous: Date | null;
  mails: HeldMail[];
}

/**
 * Claims the next person whose digest is due at `now`: held e-mail waiting, and either a daily
 * digest last sent a day or more before (or never), or delivery back to immediate (what was held
 * goes at the next run). FOR UPDATE SKIP LOCKED: another instance running at the same moment
 * claims someone else, and once this transaction commits the moved schedule says « not due ».
 * `exclude`: people already tried in this run. Call inside a transaction.
 */
export async function claimDueDigest(
  db: Db,
  now: Date,
  exclude: readonly number[] = [],
): Promise<ClaimedDigest | undefined> {
  const dayBefore = new Date(now.getTime() - 86_400_000);
  let query = db
    .selectFrom('user_account as u')
    .select(['u.id', 'u.email', 'u.language', 'u.last_digest_at'])
    .where('u.disabled_at', 'is', null);
  if (exclude.length > 0) query = query.where('u.id', 'not in', exclude);
  const person = await query
    .where((eb) =>
      eb.or([
        eb('u.mail_delivery', '=', 'immediate'),
        eb('u.last_digest_at', 'is', null),
        eb('u.last_digest_at', '<=', dayBefore),
      ]),
    )
    .where(sql<boolean>`exists (select 1 from held_mail h where h.user_id = u.id)`)
    .orderBy('u.id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!person) return undefined;
  await db.updateTable('user_account').set({ last_digest_at: now }).where('id', '=', person.id).execute();
  const mails = await db
    .selectFrom('held_mail')
    .select(['id', 'kind', 'params', 'language', 'created_at'])
    .where('user_id', '=', person.id)
    .orderBy('id')
    .execute();
  return {
    userId: person.id,
    email: person.email,
    language: person.language as Language | null,
    previous: person.last_digest_at === null ? null : new Date(person.last_digest_at),
    mails: mails.map((m) => ({
      id: m.id,
      kind: m.kind as MailKind,
      params: m.params as Record<string, unknown>,
      language: m.language as Language,
      createdAt: new Date(m.created_at),
    })),
  };
}

/** The digest went: what it named is no longer held. */
export async function releaseHeldMail(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('held_mail').where('id', 'in', ids).execute();
}

/** The digest did not go: its person is due again at the next run. */
export async function unclaimDigest(db: Db, userId: number, previous: Date | null): Promise<void> {
  await db.updateTable('user_account').set({ last_digest_at: previous }).where('id', '=', userId).execute();
}
