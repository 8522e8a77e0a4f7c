/** Country groups of a region (migrations/030_country_groups.sql). */
import { sql, type Kysely } from 'kysely';
import type { Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface CountryGroupRow {
  region: string;
  id: string;
  names: Multilingual;
  /** Member countries' codes, in code order. */
  countries: string[];
  updatedAt: Date;
  updatedBy: string;
}

/** A region's groups with their members, in id order (one query); `id` for one group. */
export async function listGroups(db: Db, region: string, id?: string): Promise<CountryGroupRow[]> {
  let query = db
    .selectFrom('country_group as g')
    .select([
      'g.region_id as region',
      'g.id',
      'g.names',
      'g.updated_at as updatedAt',
      'g.updated_by as updatedBy',
      sql<string[]>`coalesce((select array_agg(trim(m.country_code) order by m.country_code) from country_group_member m
        where m.region_id = g.region_id and m.group_id = g.id), '{}')`.as('countries'),
    ])
    .where('g.region_id', '=', region);
  if (id !== undefined) query = query.where('g.id', '=', id);
  const rows = await query.orderBy('g.id').execute();
  return rows.map((r) => ({ ...r, names: r.names as Multilingual }));
}

/** The codes of one group's members; undefined when the region has no such group. */
export async function groupMembers(db: Db, region: string, id: string): Promise<string[] | undefined> {
  return (await listGroups(db, region, id))[0]?.countries;
}

/** The region's member countries (codes), or undefined when there is no such region. */
export async function regionMembers(db: Db, region: string): Promise<string[] | undefined> {
  const found = await db.selectFrom('region').select('id').where('id', '=', region).executeTakeFirst();
  if (!found) return undefined;
  const rows = await db.selectFrom('region_member').select('country_code').where('region_id', '=', region).execute();
  return rows.map((r) => r.country_code.trim());
}

/** Which of these codes are countries Pacte knows. */
export async function existingCountries(db: Db, codes: string[]): Promise<string[]> {
  const wellFormed = codes.filter((c) => /^[A-Z]{3}$/u.test(c));
  if (wellFormed.length === 0) return [];
  const rows = await db.selectFrom('country').select('code').where('code', 'in', wellFormed).execute();
  return rows.map((r) => r.code.trim());
}

/** Inserts a group; false when the region already has one with this id. */
export async function insertGroup(
  db: Db,
  group: { region: string; id: string; names: Multilingual; countries: string[]; by: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('country_group')
    .values({ region_id: group.region, id: group.id, names: JSON.stringify(group.names), updated_by: group.by })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await setMembers(db, group.region, group.id, group.countries);
  return true;
}

/** Changes a group's names and members; false when there is no such group. */
export async function updateGroup(
  db: Db,
  group: { region: string; id: string; names: Multilingual; countries: string[]; by: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('country_group')
    .set({ names: JSON.stringify(group.names), updated_by: group.by, updated_at: sql`now()` })
    .where('region_id', '=', group.region)
    .where('id', '=', group.id)
    .returning('id')
    .executeTakeFirst();
  if (!updated) return false;
  await db
    .deleteFrom('country_group_member')
    .where('region_id', '=', group.region)
    .where('group_id', '=', group.id)
    .execute();
  await setMembers(db, group.region, group.id, group.countries);
  return true;
}

async function setMembers(db: Db, region: string, id: string, countries: string[]): Promise<void> {
  if (countries.length === 0) return;
  await db
    .insertInto('country_group_member')
    .values(countries.map((c) => ({ region_id: region, group_id: id, country_code: c })))
    .execute();
}

/** Deletes a group (its members go with it); false when there is no such group. */
export async function deleteGroup(db: Db, region: string, id: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('country_group')
    .where('region_id', '=', region)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return deleted !== undefined;
}

/** The Arab region's default groups, once (migration 030's function; a no-op once given). */
export async function seedArabGroups(db: Db): Promise<void> {
  await sql`select seed_arab_country_groups()`.execute(db);
}

/** Writes fictional groups for a demo region (the generator's), flagging it as given its groups. */
export async function seedGroups(
  db: Db,
  region: string,
  groups: { id: string; names: Multilingual; countries: string[] }[],
  by: string,
): Promise<void> {
  for (const group of groups) await insertGroup(db, { region, ...group, by });
  await db.updateTable('region').set({ groups_seeded: true }).where('id', '=', region).execute();
}
