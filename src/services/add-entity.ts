import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as entities from '../db/queries/entities.js';
import type { Database } from '../db/schema.js';
import { ENTITY_CATEGORIES, isEntityCategory, type Entity } from '../domain/entities.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { requireAllowed } from './require-allowed.js';
import { recordAudit } from './audit.js';
import { inTransaction } from './use-case.js';

/**
 * Creates an entity of a country (a ministry, an agency, an organisation of civil society…).
 * Admins may create them for any country, focal points for their own. Names are unique within
 * a country, whatever their case.
 */
export async function addEntity(
  db: Kysely<Database>,
  by: Actor | null,
  input: { country: string; name: string; category: string },
): Promise<Entity> {
  const country = input.country.trim().toUpperCase();
  requireAllowed(by, 'entity.manage', { country });
  const name = input.name.trim().replace(/\s+/gu, ' ');
  if (name === '' || [...name].length > 200) throw new PacteError('entity.invalid_name', { max: 200 });
  const category = input.category.trim();
  if (!isEntityCategory(category)) {
    throw new PacteError('entity.invalid_category', { category, categories: ENTITY_CATEGORIES.join(', ') });
  }
  if (!(await catalogue.findCountry(db, country))) throw new PacteError('country.not_found', { country });
  return inTransaction(db, async (trx) => {
    const entity = await entities.insertEntity(trx, { country, name, category });
    if (!entity) throw new PacteError('entity.duplicate', { country, name });
    await recordAudit(trx, by, 'entity.added', { country, details: { entity: entity.id, name, category } });
    return entity;
  });
}
