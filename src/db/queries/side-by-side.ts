/**
 * One question's answers across a cycle's countries (the side-by-side view): one query per
 * source, whatever the number of countries. Only the asked question's blocks and objectives leave
 * the database (jsonb_path_query_first on the stored document), not whole reviews; its typed value too.
 */
import { sql, type Kysely } from 'kysely';
import type { AnswerValue } from '../../domain/answer-value.js';
import type { Block } from '../../domain/blocks.js';
import type { Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface SourcedAnswer {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  /** The review's status now (its working copy's, never its text). */
  status: string;
  /** The submission's number or the published version. */
  number: number;
  at: Date;
  /** The document's language (the review's). */
  language: string;
  /** The question's blocks in that document; null when the document has no such question. */
  blocks: Block[] | null;
  /** The question's objectives in that document (suggested, confirmed), as kept with it. */
  objectives: { number: number; status: string }[] | null;
  /** The question's typed value in that document (null: none, or a free-text question). */
  value: AnswerValue | null;
  acknowledged: boolean;
  returned: boolean;
}

const PATH = '$.sections[*].questions[*] ? (@.id == $q).answer.blocks';
const VALUE_PATH = '$.sections[*].questions[*] ? (@.id == $q).answer.value';

/** The fields taken from a stored document `d` (a submission's or a version's) for question `q`. */
function fromDocument(document: string, question: string) {
  const doc = sql.ref(document);
  return [
    sql<string>`${doc}->>'language'`.as('language'),
    sql<
      Block[] | null
    >`jsonb_path_query_first(${doc}, ${PATH}::jsonpath, jsonb_build_object('q', ${question}::text))`.as('blocks'),
    sql<{ number: number; status: string }[] | null>`${doc}->'objectives'->${question}::text`.as('objectives'),
    sql<AnswerValue | null>`jsonb_path_query_first(${doc}, ${VALUE_PATH}::jsonpath, jsonb_build_object('q', ${question}::text))`.as(
      'value',
    ),
  ] as const;
}

/** Each country's latest submission in the cycle; `countries` restricts it (a focal point's own). */
export async function latestSubmissions(
  db: Db,
  cycle: string,
  question: string,
  countries?: readonly string[],
): Promise<SourcedAnswer[]> {
  if (countries && countries.length === 0) return [];
  let query = db
    .selectFrom('review as r')
    .innerJoin('review_submission as s', 's.review_id', 'r.id')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .select([
      'r.country_code as country',
      'c.name as countryName',
      'c.synthetic',
      'r.status',
      's.number',
      's.submitted_at as at',
      ...fromDocument('s.document', question),
      sql<boolean>`exists (select 1 from submission_event e where e.review_id = s.review_id and e.number = s.number and e.kind = 'acknowledged')`.as(
        'acknowledged',
      ),
      sql<boolean>`exists (select 1 from submission_event e where e.review_id = s.review_id and e.number = s.number and e.kind = 'returned')`.as(
        'returned',
      ),
    ])
    .where('r.cycle_id', '=', cycle)
    .where(sql<boolean>`s.number = (select max(t.number) from review_submission t where t.review_id = r.id)`);
  if (countries) query = query.where('r.country_code', 'in', countries);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, country: r.country.trim(), countryName: r.countryName as Multilingual }));
}

/** Each country's latest published version in the cycle. */
export async function latestVersions(db: Db, cycle: string, question: string): Promise<SourcedAnswer[]> {
  const rows = await db
    .selectFrom('review as r')
    .innerJoin('review_version as v', 'v.review_id', 'r.id')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .select([
      'r.country_code as country',
      'c.name as countryName',
      'c.synthetic',
      'r.status',
      'v.version as number',
      'v.published_at as at',
      ...fromDocument('v.document', question),
    ])
    .where('r.cycle_id', '=', cycle)
    .where(sql<boolean>`v.version = (select max(w.version) from review_version w where w.review_id = r.id)`)
    .execute();
  return rows.map((r) => ({
    ...r,
    country: r.country.trim(),
    countryName: r.countryName as Multilingual,
    acknowledged: false,
    returned: false,
  }));
}

/** A current translation of one question's answer (its highest revision), with the answer it translates. */
export interface BesideTranslationRow {
  country: string;
  /** The submission translated. */
  number: number;
  revision: number;
  blocks: Block[];
  translator: string;
  machine: boolean;
  machineNote: string | null;
  /** This revision. */
  createdAt: Date;
  /** The first revision. */
  firstAt: Date;
  /** The question's blocks in the submission translated (to tell whether the answer changed since). */
  translated: Block[] | null;
}

/**
 * The current translations of one question's answers into one language across a cycle's countries,
 * of any of their submissions (the caller keeps, per country, the latest up to the one it shows):
 * one query, whatever the number of countries, as the answers themselves.
 */
export async function translationsInto(
  db: Db,
  cycle: string,
  question: string,
  language: string,
  countries: readonly string[],
): Promise<BesideTranslationRow[]> {
  if (countries.length === 0) return [];
  const rows = await db
    .selectFrom('answer_translation as t')
    .innerJoin('review as r', 'r.id', 't.review_id')
    .innerJoin('review_submission as s', (join) =>
      join.onRef('s.review_id', '=', 't.review_id').onRef('s.number', '=', 't.number'),
    )
    .select([
      'r.country_code as country',
      't.number',
      't.revision',
      't.blocks',
      't.translator',
      't.machine',
      't.machine_note as machineNote',
      't.created_at as createdAt',
      sql<Date>`(select f.created_at from answer_translation f where f.review_id = t.review_id and f.number = t.number and f.question_id = t.question_id and f.language = t.language and f.revision = 1)`.as(
        'firstAt',
      ),
      sql<
        Block[] | null
      >`jsonb_path_query_first(s.document, ${PATH}::jsonpath, jsonb_build_object('q', ${question}::text))`.as(
        'translated',
      ),
    ])
    .where('r.cycle_id', '=', cycle)
    .where('r.country_code', 'in', countries)
    .where('t.question_id', '=', question)
    .where('t.language', '=', language)
    .where(
      sql<boolean>`t.revision = (select max(n.revision) from answer_translation n where n.review_id = t.review_id and n.number = t.number and n.question_id = t.question_id and n.language = t.language)`,
    )
    .execute();
  return rows.map((r) => ({ ...r, country: r.country.trim(), blocks: r.blocks as Block[] }));
}
