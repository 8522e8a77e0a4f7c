import type { Kysely } from 'kysely';
import * as entities from '../db/queries/entities.js';
import type { Database } from '../db/schema.js';
import type { Entity } from '../domain/entities.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';

/**
 * The entities a signed-in person may see: every entity for an admin (or the operator), else
 * those of the countries in which the person holds a role. Naming another country gives an
 * empty list, as if it had no entity.
 */
export async function listEntities(
  db: Kysely<Database>,
  by: Actor | null,
  filter: { country?: string | undefined } = {},
): Promise<Entity[]> {
  if (!by) throw new PacteError('auth.required');
  const country = filter.country?.trim().toUpperCase() || undefined;
  if (by.grants.some((g) => g.role === 'admin')) return entities.listEntities(db, country ? [country] : undefined);
  const own = [...new Set(by.grants.map((g) => g.country).filter((c): c is string => c !== null))];
  return entities.listEntities(db, country ? own.filter((c) => c === country) : own);
}
