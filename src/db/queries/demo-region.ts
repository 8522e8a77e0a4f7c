/** The demo region's fictional region and countries, flagged synthetic (migrations/019_synthetic.sql). */
import type { Kysely } from 'kysely';
import type { Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A region by id and whether it is synthetic; undefined when there is none. */
export async function findRegionFlag(db: Db, id: string): Promise<{ synthetic: boolean } | undefined> {
  return db.selectFrom('region').select('synthetic').where('id', '=', id).executeTakeFirst();
}

/** The codes of a region's countries, in order. */
export async function regionCountries(db: Db, region: string): Promise<string[]> {
  const rows = await db
    .selectFrom('region_member')
    .select('country_code')
    .where('region_id', '=', region)
    .orderBy('country_code')
    .execute();
  return rows.map((r) => r.country_code.trim());
}

/** Country codes and alpha-2 codes already taken, so fictional countries take free ones. */
export async function takenCodes(db: Db): Promise<{ codes: string[]; alpha2: string[] }> {
  const rows = await db.selectFrom('country').select(['code', 'alpha2']).execute();
  return { codes: rows.map((r) => r.code.trim()), alpha2: rows.map((r) => r.alpha2.trim()) };
}

/** Writes the fictional region, its fictional countries and their membership. */
export async function insertSyntheticRegion(
  db: Db,
  region: { id: string; name: Multilingual },
  countries: { code: string; alpha2: string; name: Multilingual }[],
): Promise<void> {
  await db
    .insertInto('region')
    .values({ id: region.id, name: JSON.stringify(region.name), synthetic: true })
    .execute();
  await db
    .insertInto('country')
    .values(
      countries.map((c) => ({
        code: c.code,
        alpha2: c.alpha2,
        name: JSON.stringify(c.name),
        synthetic: true,
      })),
    )
    .execute();
  await db
    .insertInto('region_member')
    .values(countries.map((c) => ({ region_id: region.id, country_code: c.code })))
    .execute();
}
