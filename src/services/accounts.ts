import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as entities from '../db/queries/entities.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { recordAudit } from './audit.js';
import { can, type Action, type Actor, type Grant, type Role, type Scope } from '../domain/permissions.js';

/**
 * Accounts and sessions: argon2id password hashes, random session tokens of which only a
 * SHA-256 is stored, sessions and failed sign-ins in the database (so every app instance
 * shares them). Each function is one use case; the CLI and HTTP call these.
 */
export const MIN_PASSWORD = 12;
const SESSION_HOURS = 12;
const RESET_HOURS = 1;
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

/** How many failed sign-ins an address may have in a window before it is refused (configurable). */
export interface LoginLimits {
  maxFailures: number;
  windowMinutes: number;
}
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: MAX_FAILURES, windowMinutes: FAILURE_WINDOW_MINUTES };

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export function requireAllowed(actor: Actor | null, action: Action, scope: Scope = {}): Actor {
  if (!actor) throw new PacteError('auth.required');
  if (!can(actor, action, scope)) throw new PacteError('auth.forbidden', { action, ...scope });
  return actor;
}

export interface NewGrant {
  role: Role;
  country?: string | undefined;
  region?: string | undefined;
  entity?: number | undefined;
}

/** Creates the account if it is new (or sets its password), and gives it the role. */
export async function addUser(
  db: Kysely<Database>,
  by: Actor,
  input: { email: string; password: string; grant: NewGrant },
): Promise<{ userId: number; created: boolean }> {
  requireAllowed(by, 'user.manage');
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email)) throw new PacteError('user.invalid_email', { email });
  checkPassword(input.password);
  const grant = await checkGrant(db, input.grant);
  const passwordHash = await hash(input.password);
  return db.transaction().execute(async (trx) => {
    const existing = await accounts.findUserByEmail(trx, email);
    const userId = existing?.id ?? (await accounts.insertUser(trx, email, passwordHash));
    if (existing) {
      await accounts.updatePassword(trx, existing.id, passwordHash);
      await accounts.deleteUserSessions(trx, existing.id); // a new password signs out everywhere
    }
    await accounts.addGrant(trx, userId, grant);
    await recordAudit(trx, by, existing ? 'user.updated' : 'user.added', {
      ...(grant.country ? { country: grant.country } : {}),
      details: { userId, email, role: grant.role, region: grant.region, entity: grant.entity },
    });
    return { userId, created: !existing };
  });
}

function checkPassword(password: string) {
  if ([...password].length < MIN_PASSWORD) throw new PacteError('user.weak_password', { min: MIN_PASSWORD });
}

/**
 * The role with exactly the scope it needs, its country checked against the catalogue. A
 * contributor or stakeholder belongs to an entity, whose country is the grant's country.
 */
async function checkGrant(db: Kysely<Database>, grant: NewGrant): Promise<Grant> {
  const needs: Record<Role, 'none' | 'region' | 'country' | 'entity'> = {
    admin: 'none',
    secretariat: 'region',
    focal_point: 'country',
    validator: 'country',
    contributor: 'entity',
    stakeholder: 'entity',
  };
  const need = needs[grant.role];
  if (!need) throw new PacteError('user.invalid_role', { role: grant.role, needs: Object.keys(needs).join(', ') });
  const country = grant.country?.trim().toUpperCase();
  if (need === 'region' && !grant.region)
    throw new PacteError('user.invalid_role', { role: grant.role, needs: '--region' });
  if (need === 'country' && !country)
    throw new PacteError('user.invalid_role', { role: grant.role, needs: '--country' });
  if (need === 'entity') {
    if (grant.entity === undefined) throw new PacteError('user.invalid_role', { role: grant.role, needs: '--entity' });
    const entity = Number.isSafeInteger(grant.entity) ? await entities.findEntity(db, grant.entity) : undefined;
    if (!entity) throw new PacteError('entity.not_found', { entity: grant.entity, country: country ?? '—' });
    if (country && country !== entity.country) {
      throw new PacteError('entity.country_mismatch', { entity: entity.id, entityCountry: entity.country, country });
    }
    return { role: grant.role, country: entity.country, region: null, entity: entity.id };
  }
  if (country && !(await catalogue.findCountry(db, country))) throw new PacteError('country.not_found', { country });
  return {
    role: grant.role,
    country: need === 'country' ? (country ?? null) : null,
    region: need === 'region' ? (grant.region ?? null) : null,
    entity: null,
  };
}

/**
 * Checks a password and opens a session. The answer is the same whether the address is unknown
 * or the password wrong; after MAX_FAILURES failures in FAILURE_WINDOW_MINUTES the address is
 * refused for a while, whatever the password.
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
  await accounts.recordLoginAttempt(db, email, Boolean(user && ok));
  if (!user || !ok || user.disabled) throw new PacteError('auth.invalid_credentials');
  return openSession(db, user);
}

/**
 * Opens a session for an account whose owner has proved who they are (by password, or by an
 * OpenID Connect provider): a random token of which only the SHA-256 is stored, and the
 * 'session.sign_in' audit entry (`details` says how, when not by password).
 */
export async function openSession(
  db: Kysely<Database>,
  user: { id: number; email: string },
  details?: Record<string, unknown>,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await accounts.insertSession(db, sha256(token), user.id, expiresAt);
  const actor = { userId: user.id, name: user.email, grants: await accounts.findGrants(db, user.id) };
  await recordAudit(db, actor, 'session.sign_in', details ? { details } : {});
  return { token, actor, expiresAt };
}

export async function signOut(db: Kysely<Database>, token: string): Promise<void> {
  const actor = await actorOfSession(db, token);
  await accounts.deleteSession(db, sha256(token));
  if (actor) await recordAudit(db, actor, 'session.sign_out');
}

/** Logout everywhere: ends every session of the user of this session; how many ended. */
export async function signOutEverywhere(db: Kysely<Database>, token: string): Promise<number> {
  const actor = await actorOfSession(db, token);
  const { ended } = await accounts.deleteSessionsOfSameUser(db, sha256(token));
  if (actor) await recordAudit(db, actor, 'session.sign_out_everywhere', { details: { sessions: ended } });
  return ended;
}

/**
 * A one-time password reset token for the account, valid RESET_HOURS; printed by the CLI
 * (no mail server is assumed). Only its SHA-256 is stored.
 */
export async function issuePasswordReset(
  db: Kysely<Database>,
  by: Actor,
  email: string,
): Promise<{ token: string; email: string; expiresAt: Date }> {
  requireAllowed(by, 'user.manage');
  const user = await accounts.findUserByEmail(db, email.trim());
  if (!user) throw new PacteError('user.not_found', { email: email.trim() });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3600_000);
  await db.transaction().execute(async (trx) => {
    await accounts.insertPasswordReset(trx, sha256(token), user.id, expiresAt);
    await recordAudit(trx, by, 'user.password_reset_issued', { details: { userId: user.id, email: user.email } });
  });
  return { token, email: user.email, expiresAt };
}

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
  return db.transaction().execute(async (trx) => {
    const reset = token ? await accounts.usePasswordReset(trx, sha256(token)) : undefined;
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

/** Every account, its roles and whether it is disabled (the administrators' screen). */
export async function listUsers(db: Kysely<Database>, by: Actor | null): Promise<accounts.UserWithGrants[]> {
  requireAllowed(by, 'user.manage');
  return accounts.listUsers(db);
}

/** The actor behind a session token, or null (none, unknown, expired, account disabled). */
export async function actorOfSession(db: Kysely<Database>, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const user = await accounts.findSessionUser(db, sha256(token));
  if (!user) return null;
  return { userId: user.id, name: user.email, grants: await accounts.findGrants(db, user.id) };
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hash('not a password anyone has');
  return dummy;
}
