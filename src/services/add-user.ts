import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as entities from '../db/queries/entities.js';
import * as people from '../db/queries/people.js';
import type { Database } from '../db/schema.js';
import { checkDisplayName } from '../domain/display-name.js';
import { PacteError } from '../domain/errors.js';
import { checkPassword } from '../domain/password.js';
import type { Actor, Grant, Role } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { requireAllowed } from './require-allowed.js';
import { inTransaction } from './use-case.js';

export interface NewGrant {
  role: Role;
  country?: string | undefined;
  region?: string | undefined;
  entity?: number | undefined;
}

/**
 * Creates the account if it is new (or sets its password), and gives it the role; `pacte user
 * add` and the administrators' API. Passwords are stored as argon2id hashes.
 */
export async function addUser(
  db: Kysely<Database>,
  by: Actor,
  input: { email: string; password: string; grant: NewGrant; name?: string | null | undefined },
): Promise<{ userId: number; created: boolean }> {
  requireAllowed(by, 'user.manage');
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email)) throw new PacteError('user.invalid_email', { email });
  checkPassword(input.password);
  const name = checkDisplayName(input.name, false);
  const grant = await checkGrant(db, input.grant);
  const passwordHash = await hash(input.password); // outside the transaction: it takes a while
  return inTransaction(db, async (trx) => {
    const existing = await accounts.findUserByEmail(trx, email);
    const userId = existing?.id ?? (await accounts.insertUser(trx, email, passwordHash, name));
    if (existing && name) await accounts.setDisplayName(trx, existing.id, name);
    if (existing) {
      await accounts.updatePassword(trx, existing.id, passwordHash);
      await accounts.deleteUserSessions(trx, existing.id); // a new password signs out everywhere
    }
    await accounts.addGrant(trx, userId, grant);
    // Given again, a disabled role is enabled, and with it the account (migration 017).
    await people.setGrantDisabled(trx, userId, grant, false);
    await people.setAccountDisabled(trx, userId, false);
    await recordAudit(trx, by, existing ? 'user.updated' : 'user.added', {
      ...(grant.country ? { country: grant.country } : {}),
      details: {
        userId,
        email,
        ...(name ? { name } : {}),
        role: grant.role,
        region: grant.region,
        entity: grant.entity,
      },
    });
    return { userId, created: !existing };
  });
}

/**
 * The role with exactly the scope it needs, its country checked against the catalogue. A
 * contributor or stakeholder belongs to an entity, whose country is the grant's country.
 */
export async function checkGrant(db: Kysely<Database>, grant: NewGrant): Promise<Grant> {
  const needs: Record<Role, 'none' | 'region' | 'country' | 'entity'> = {
    admin: 'none',
    secretariat: 'region',
    focal_point: 'country',
    validator: 'country',
    contributor: 'entity',
    stakeholder: 'entity',
    translator: 'region',
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
