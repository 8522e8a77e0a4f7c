/** Review cycles with their settings and participating countries (migrations/016_cycles.sql). */
import { sql, type Kysely } from 'kysely';
import type { Cycle, CycleState, LatePolicy } from '../../domain/cycles.js';
import type { Language, Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** What creating a cycle writes (its countries aside). */
export interface NewCycle {
  id: string;
  regionId: string;
  title: Multilingual;
  questionnaireId: string;
  questionnaireVersion: number;
  opensOn: string | null;
  dueOn: string | null;
  languages: Language[];
  state?: CycleState;
  lateSubmissions?: LatePolicy | null;
  /** null: shipped in catalogue/ (never edited in Pacte). */
  by: string | null;
}

/** The cycle's columns and its participants, as `toCycle` reads them; more may be selected beside them. */
export function cycleQuery(db: Db) {
  return db
    .selectFrom('cycle')
    .select([
      'cycle.id',
      'cycle.region_id',
      'cycle.title',
      'cycle.questionnaire_id',
      'cycle.questionnaire_version',
      'cycle.languages',
      'cycle.state',
      'cycle.late_submissions',
      'cycle.created_by',
      'cycle.created_at',
      'cycle.updated_by',
      'cycle.updated_at',
    ])
    .select((eb) => [
      eb.cast<string | null>('cycle.opens_on', 'text').as('opens_on'),
      eb.cast<string | null>('cycle.due_on', 'text').as('due_on'),
      // The participants as one sorted array: one row per cycle whatever the engine.
      sql<string[] | null>`(select array_agg(cc.country_code::text order by cc.country_code)
        from cycle_country cc where cc.cycle_id = cycle.id)`.as('countries'),
      // The region's flag (migration 019): a cycle of the fictional demo region is synthetic.
      sql<boolean>`coalesce((select r.synthetic from region r where r.id = cycle.region_id), false)`.as('synthetic'),
    ]);
}

type CycleSelect = Awaited<ReturnType<ReturnType<typeof cycleQuery>['executeTakeFirstOrThrow']>>;

export const toCycle = (row: CycleSelect): Cycle => ({
  id: row.id,
  regionId: row.region_id,
  title: row.title,
  questionnaireId: row.questionnaire_id,
  questionnaireVersion: row.questionnaire_version,
  opensOn: row.opens_on,
  dueOn: row.due_on,
  languages: row.languages as Language[],
  state: row.state,
  lateSubmissions: row.late_submissions,
  synthetic: row.synthetic === true,
  countries: (row.countries ?? []).map((c) => c.trim()),
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  updatedBy: row.updated_by,
  updatedAt: new Date(row.updated_at),
});

export async function findCycle(db: Db, id: string, lock = false): Promise<Cycle | undefined> {
  let query = cycleQuery(db).where('cycle.id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toCycle(row);
}

/** Every cycle, or a region's or a country's, in the order they open (planned ones without dates last), then by id. */
export async function listCycles(
  db: Db,
  filter: { region?: string; states?: CycleState[]; country?: string } = {},
): Promise<Cycle[]> {
  let query = cycleQuery(db);
  if (filter.region !== undefined) query = query.where('cycle.region_id', '=', filter.region);
  // The cycles a country takes part in (cycle_country), whatever their region.
  if (filter.country !== undefined) {
    const country = filter.country;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('cycle_country as cc')
          .select('cc.country_code')
          .whereRef('cc.cycle_id', '=', 'cycle.id')
          .where('cc.country_code', '=', country),
      ),
    );
  }
  if (filter.states !== undefined) query = query.where('cycle.state', 'in', filter.states);
  const rows = await query
    .orderBy(sql`cycle.opens_on desc nulls first`)
    .orderBy('cycle.id')
    .execute();
  return rows.map(toCycle);
}

/** Inserts the cycle; false when one with this id exists (nothing written). */
export async function insertCycle(db: Db, cycle: NewCycle): Promise<boolean> {
  const inserted = await db
    .insertInto('cycle')
    .values({
      id: cycle.id,
      region_id: cycle.regionId,
      title: JSON.stringify(cycle.title),
      questionnaire_id: cycle.questionnaireId,
      questionnaire_version: cycle.questionnaireVersion,
      starts_on: cycle.opensOn,
      opens_on: cycle.opensOn,
      due_on: cycle.dueOn,
      languages: cycle.languages,
      state: cycle.state ?? 'planned',
      late_submissions: cycle.lateSubmissions ?? null,
      created_by: cycle.by,
      updated_by: cycle.by,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * A cycle shipped in catalogue/ (arab-2021): created with its settings and countries when the
 * database lacks it; else only its names and questionnaire are refreshed, and only while nobody
 * edited it in Pacte (`updated_by` null). Cycles a secretariat made are never touched.
 */
export async function loadShippedCycle(db: Db, cycle: Omit<NewCycle, 'by'> & { countries: string[] }): Promise<void> {
  const { countries, ...settings } = cycle;
  if (await insertCycle(db, { ...settings, by: null })) {
    await setCycleCountries(db, cycle.id, countries);
    return;
  }
  await db
    .updateTable('cycle')
    .set({
      title: JSON.stringify(cycle.title),
      questionnaire_id: cycle.questionnaireId,
      questionnaire_version: cycle.questionnaireVersion,
    })
    .where('id', '=', cycle.id)
    .where('updated_by', 'is', null)
    .execute();
}

/** Changes the settings given; `starts_on` (the catalogue's field before 016) follows the opening date. */
export async function updateCycle(
  db: Db,
  id: string,
  by: string,
  change: Partial<Omit<NewCycle, 'id' | 'regionId' | 'by'>>,
): Promise<void> {
  const set: Record<string, unknown> = { updated_by: by, updated_at: new Date().toISOString() };
  if (change.title !== undefined) set.title = JSON.stringify(change.title);
  if (change.questionnaireId !== undefined) set.questionnaire_id = change.questionnaireId;
  if (change.questionnaireVersion !== undefined) set.questionnaire_version = change.questionnaireVersion;
  if (change.opensOn !== undefined) set.opens_on = set.starts_on = change.opensOn;
  if (change.dueOn !== undefined) set.due_on = change.dueOn;
  if (change.languages !== undefined) set.languages = change.languages;
  if (change.state !== undefined) set.state = change.state;
  if (change.lateSubmissions !== undefined) set.late_submissions = change.lateSubmissions;
  await db.updateTable('cycle').set(set).where('id', '=', id).execute();
}

/** Makes the participants exactly `countries` (those with a review stay: the database refuses otherwise). */
export async function setCycleCountries(db: Db, cycleId: string, countries: readonly string[]): Promise<void> {
  let removal = db.deleteFrom('cycle_country').where('cycle_id', '=', cycleId);
  if (countries.length > 0) removal = removal.where('country_code', 'not in', [...countries]);
  await removal.execute();
  if (countries.length === 0) return;
  await db
    .insertInto('cycle_country')
    .values(countries.map((country_code) => ({ cycle_id: cycleId, country_code })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Of `countries`, those with a review in the cycle. */
export async function countriesWithReview(db: Db, cycleId: string, countries: readonly string[]): Promise<string[]> {
  if (countries.length === 0) return [];
  const rows = await db
    .selectFrom('review')
    .select('country_code')
    .where('cycle_id', '=', cycleId)
    .where('country_code', 'in', [...countries])
    .orderBy('country_code')
    .execute();
  return rows.map((r) => r.country_code.trim());
}

export async function hasReviews(db: Db, cycleId: string): Promise<boolean> {
  return (
    (await db.selectFrom('review').select('id').where('cycle_id', '=', cycleId).limit(1).executeTakeFirst()) !==
    undefined
  );
}

export async function takesPart(db: Db, cycleId: string, country: string): Promise<boolean> {
  const row = await db
    .selectFrom('cycle_country')
    .select('country_code')
    .where('cycle_id', '=', cycleId)
    .where('country_code', '=', country)
    .executeTakeFirst();
  return row !== undefined;
}

/** Of `codes`, those that are no country Pacte knows. */
export async function unknownCountries(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set(
    (
      await db
        .selectFrom('country')
        .select('code')
        .where('code', 'in', [...codes])
        .execute()
    ).map((r) => r.code.trim()),
  );
  return codes.filter((c) => !known.has(c));
}

/** The region's name, or undefined when there is no such region. */
export async function regionName(db: Db, id: string): Promise<Multilingual | undefined> {
  return (await db.selectFrom('region').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** The newest version of a questionnaire, or whether `version` exists; undefined if neither. */
export async function questionnaireVersion(db: Db, id: string, version?: number): Promise<number | undefined> {
  let query = db.selectFrom('questionnaire').select('version').where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  return (await query.orderBy('version', 'desc').executeTakeFirst())?.version;
}

/** The question ids of a questionnaire version, in order. */
export async function questionIds(db: Db, id: string, version: number): Promise<string[]> {
  const rows = await db
    .selectFrom('question')
    .innerJoin('questionnaire_section as s', (join) =>
      join
        .onRef('s.questionnaire_id', '=', 'question.questionnaire_id')
        .onRef('s.version', '=', 'question.version')
        .onRef('s.id', '=', 'question.section_id'),
    )
    .select('question.id')
    .where('question.questionnaire_id', '=', id)
    .where('question.version', '=', version)
    .orderBy('s.position')
    .orderBy('question.position')
    .execute();
  return rows.map((r) => r.id);
}
