import { sql, type Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { Passage } from '../../domain/passage.js';
import type {
  Practice,
  PracticeFields,
  PracticeScope,
  PracticeState,
  PracticeTranslationFields,
} from '../../domain/practices.js';
import type { EntityCategory } from '../../domain/entities.js';
import { SEARCH_CONFIG } from '../../domain/search-text.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** The repository of practices (migration 034). */

const json = (value: unknown) => JSON.stringify(value);

/** The columns of the fields, as a row to write. */
function fieldColumns(f: PracticeFields) {
  return {
    title: f.title,
    summary: f.summary,
    countries: json(f.countries),
    scope: f.scope,
    implementing: json(f.implementing),
    partners: json(f.partners),
    period_start: f.period.start,
    period_end: f.period.end,
    objectives: json(f.objectives),
    principles: json(f.principles),
    stakeholders: json(f.stakeholders),
    description: f.description,
    results: f.results,
    innovation: f.innovation,
    lessons: f.lessons,
    sustainability: f.sustainability,
    links: json(f.links),
    contact: f.contact,
  };
}

export interface NewPractice {
  cycle: string;
  country: string;
  language: Language;
  fields: PracticeFields;
  source: Passage | null;
  synthetic: boolean;
  by: string;
}

export async function insertPractice(db: Db, p: NewPractice): Promise<number> {
  const row = await db
    .insertInto('practice')
    .values({
      cycle_id: p.cycle,
      country_code: p.country,
      language: p.language,
      ...fieldColumns(p.fields),
      source: p.source === null ? null : json(p.source),
      synthetic: p.synthetic,
      created_by: p.by,
      updated_by: p.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Rewrites the fields, and the next version. */
export async function updatePractice(db: Db, id: number, fields: PracticeFields, by: string): Promise<void> {
  await db
    .updateTable('practice')
    .set({ ...fieldColumns(fields), version: sql`version + 1`, updated_at: sql`now()`, updated_by: by })
    .where('id', '=', id)
    .execute();
}

/** Moves the practice (the next version), keeping the comment of a return. */
export async function setState(
  db: Db,
  id: number,
  move: { from: PracticeState; to: PracticeState; comment: string | null; by: string },
): Promise<void> {
  await db
    .updateTable('practice')
    .set({
      state: move.to,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: move.by,
      ...(move.to === 'returned' ? { return_comment: move.comment } : {}),
      ...(move.to === 'published' ? { published_at: sql`now()` } : {}),
    })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('practice_move')
    .values({ practice_id: id, from_state: move.from, to_state: move.to, comment: move.comment, actor: move.by })
    .execute();
}

interface PracticeRow {
  id: number;
  cycle_id: string;
  region_id: string;
  country_code: string;
  language: Language;
  state: PracticeState;
  version: number;
  title: string;
  summary: string;
  countries: string[];
  scope: PracticeScope;
  implementing: string[];
  partners: string[];
  period_start: string | null;
  period_end: string | null;
  objectives: number[];
  principles: string[];
  stakeholders: EntityCategory[];
  description: string;
  results: string;
  innovation: string;
  lessons: string;
  sustainability: string;
  links: string[];
  contact: string;
  source: Passage | null;
  return_comment: string | null;
  synthetic: boolean;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
  published_at: Date | null;
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function toPractice(r: PracticeRow): Practice {
  return {
    id: r.id,
    cycle: r.cycle_id,
    region: r.region_id,
    country: r.country_code.trim(),
    language: r.language,
    state: r.state,
    version: r.version,
    title: r.title,
    summary: r.summary,
    countries: parse(r.countries),
    scope: r.scope,
    implementing: parse(r.implementing),
    partners: parse(r.partners),
    period: { start: r.period_start, end: r.period_end },
    objectives: parse(r.objectives),
    principles: parse(r.principles),
    stakeholders: parse(r.stakeholders),
    description: r.description,
    results: r.results,
    innovation: r.innovation,
    lessons: r.lessons,
    sustainability: r.sustainability,
    links: parse(r.links),
    contact: r.contact,
    source: parse(r.source),
    returnComment: r.return_comment,
    synthetic: r.synthetic,
    createdAt: new Date(r.created_at),
    createdBy: r.created_by,
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
  };
}

/** One practice with its cycle's region; `lock` takes its row for the transaction's writes. */
export async function findPractice(db: Db, id: number, lock = false): Promise<Practice | undefined> {
  const { rows } = await sql<PracticeRow>`
    select p.*, c.region_id from practice p join cycle c on c.id = p.cycle_id
    where p.id = ${id} ${lock ? sql`for update of p` : sql``}`.execute(db);
  return rows[0] ? toPractice(rows[0]) : undefined;
}

/** The first move: a practice proposed, by whom and when. */
export async function addProposal(db: Db, id: number, by: string): Promise<void> {
  await db
    .insertInto('practice_move')
    .values({ practice_id: id, from_state: null, to_state: 'proposed', comment: null, actor: by })
    .execute();
}

/** Whose practices a reader sees besides the published ones. */
export interface PracticeVisibility {
  all: boolean;
  countries: readonly string[];
  regions: readonly string[];
}

export interface PracticeFilter {
  objective?: number | undefined;
  principle?: string | undefined;
  country?: string | undefined;
  state?: PracticeState | undefined;
  region?: string | undefined;
  /** Already normalised (normalizeSearchText): matched against published practices only. */
  query?: string | undefined;
  languages?: readonly Language[] | undefined;
}

/**
 * The practices `visibility` lets read that match the filter, newest first (with a query: best
 * match first). A query searches the public index, which holds published practices only, and
 * the state is checked again: an unpublished practice is never found by its words.
 */
export async function listPractices(db: Db, visibility: PracticeVisibility, f: PracticeFilter): Promise<Practice[]> {
  const ids = (list: readonly string[]) => sql`(select value from jsonb_array_elements_text(${json(list)}::jsonb))`;
  const seen = visibility.all
    ? sql`true`
    : sql`(p.state = 'published' or p.country_code in ${ids(visibility.countries)}
           or c.region_id in ${ids(visibility.regions)})`;
  const conditions = [
    seen,
    ...(f.objective !== undefined ? [sql`p.objectives @> ${json([f.objective])}::jsonb`] : []),
    ...(f.principle !== undefined ? [sql`p.principles @> ${json([f.principle])}::jsonb`] : []),
    ...(f.country !== undefined ? [sql`p.countries @> ${json([f.country])}::jsonb`] : []),
    ...(f.state !== undefined ? [sql`p.state = ${f.state}`] : []),
    ...(f.region !== undefined ? [sql`c.region_id = ${f.region}`] : []),
  ];
  const where = sql.join(conditions, sql` and `);
  if (f.query === undefined) {
    const { rows } = await sql<PracticeRow>`
      select p.*, c.region_id from practice p join cycle c on c.id = p.cycle_id
      where ${where} order by coalesce(p.published_at, p.created_at) desc, p.id desc`.execute(db);
    return rows.map(toPractice);
  }
  const languages = f.languages ?? [];
  if (languages.length === 0) return [];
  const queries = sql.join(
    languages.map(
      (l) =>
        sql`select ${l}::text as language, websearch_to_tsquery(${SEARCH_CONFIG[l]}::regconfig, ${f.query}) as query`,
    ),
    sql` union all `,
  );
  const { rows } = await sql<PracticeRow & { score: number }>`
    with q as (${queries}),
    hit as (
      select ps.practice_id, max(ts_rank(ps.tsv, q.query))::float8 as score
      from practice_search ps join q on q.language = ps.language and ps.tsv @@ q.query
      group by ps.practice_id
    )
    select p.*, c.region_id, hit.score from hit
    join practice p on p.id = hit.practice_id join cycle c on c.id = p.cycle_id
    where p.state = 'published' and ${where}
    order by hit.score desc, p.id desc`.execute(db);
  return rows.map(toPractice);
}

/** Makes `docs` what the public searches for the practice (one row per language). */
export async function replaceSearchRows(
  db: Db,
  id: number,
  docs: readonly { language: Language; body: string }[],
): Promise<void> {
  await db.deleteFrom('practice_search').where('practice_id', '=', id).execute();
  for (const doc of docs) {
    if (doc.body.trim() === '') continue;
    await sql`
      insert into practice_search (practice_id, language, body, tsv)
      values (${id}, ${doc.language}, ${doc.body}, to_tsvector(${SEARCH_CONFIG[doc.language]}::regconfig, ${doc.body}))
    `.execute(db);
  }
}

export interface PracticeTranslationRow {
  practiceId: number;
  language: Language;
  fields: PracticeTranslationFields;
  translator: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function listTranslations(db: Db, practiceIds: readonly number[]): Promise<PracticeTranslationRow[]> {
  if (practiceIds.length === 0) return [];
  const rows = await db
    .selectFrom('practice_translation')
    .selectAll()
    .where('practice_id', 'in', practiceIds)
    .orderBy('practice_id')
    .orderBy('language')
    .execute();
  return rows.map((r) => ({
    practiceId: r.practice_id,
    language: r.language as Language,
    fields: parse(r.fields),
    translator: r.translator,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }));
}

export async function saveTranslation(
  db: Db,
  t: { practiceId: number; language: Language; fields: PracticeTranslationFields; translator: string },
): Promise<void> {
  await db
    .insertInto('practice_translation')
    .values({ practice_id: t.practiceId, language: t.language, fields: json(t.fields), translator: t.translator })
    .onConflict((oc) =>
      oc.columns(['practice_id', 'language']).doUpdateSet({
        fields: json(t.fields),
        translator: t.translator,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export interface PracticeMoveRow {
  from: PracticeState | null;
  to: PracticeState;
  comment: string | null;
  actor: string;
  movedAt: Date;
}

export async function listMoves(db: Db, id: number): Promise<PracticeMoveRow[]> {
  const rows = await db.selectFrom('practice_move').selectAll().where('practice_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({
    from: r.from_state as PracticeState | null,
    to: r.to_state as PracticeState,
    comment: r.comment,
    actor: r.actor,
    movedAt: new Date(r.moved_at),
  }));
}

/** The countries of a region (a practice is of some of them). */
export async function regionCountries(db: Db, region: string): Promise<Set<string>> {
  const rows = await db.selectFrom('region_member').select('country_code').where('region_id', '=', region).execute();
  return new Set(rows.map((r) => r.country_code.trim()));
}

export async function principleKeys(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('principle').select('key').execute()).map((r) => r.key));
}

/** The region's secretariat accounts that are not disabled: told when a practice comes to them. */
export async function secretariatUsers(db: Db, region: string): Promise<number[]> {
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
    .select('user_role.user_id')
    .distinct()
    .where('user_role.role', '=', 'secretariat')
    .where('user_role.region_id', '=', region)
    .where('user_account.disabled_at', 'is', null)
    .where('user_role.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}
