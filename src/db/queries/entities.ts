import { sql, type Kysely } from 'kysely';
import type { Entity, EntityCategory } from '../../domain/entities.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

const toEntity = (row: { id: number; country_code: string; name: string; category: EntityCategory }): Entity => ({
  id: row.id,
  country: row.country_code,
  name: row.name,
  category: row.category,
});

/** Inserts the entity; undefined when the country already has one of that name (any case). */
export async function insertEntity(
  db: Db,
  entity: { country: string; name: string; category: EntityCategory },
): Promise<Entity | undefined> {
  const same = await db
    .selectFrom('entity')
    .select('id')
    .where('country_code', '=', entity.country)
    .where(sql`lower(name)`, '=', entity.name.toLowerCase())
    .executeTakeFirst();
  if (same) return undefined;
  const row = await db
    .insertInto('entity')
    .values({ country_code: entity.country, name: entity.name, category: entity.category })
    .onConflict((oc) => oc.columns(['country_code', 'name']).doNothing())
    .returning(['id', 'country_code', 'name', 'category'])
    .executeTakeFirst();
  return row && toEntity(row);
}

export async function findEntity(db: Db, id: number): Promise<Entity | undefined> {
  const row = await db
    .selectFrom('entity')
    .select(['id', 'country_code', 'name', 'category'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toEntity(row);
}

/** Entities by country then name; only those of `countries` when given (an empty list: none). */
export async function listEntities(db: Db, countries?: readonly string[]): Promise<Entity[]> {
  if (countries && countries.length === 0) return [];
  let query = db.selectFrom('entity').select(['id', 'country_code', 'name', 'category']);
  if (countries) query = query.where('country_code', 'in', countries);
  const rows = await query.orderBy('country_code').orderBy('name').orderBy('id').execute();
  return rows.map(toEntity);
}
