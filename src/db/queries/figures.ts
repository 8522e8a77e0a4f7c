/**
 * The regional figures (issue 13, item 5): what a code's confirmed codings count, and which GCM
 * objectives the countries' answers confirm. One query per source, whatever the number of
 * countries; only codings, names and objective numbers leave the database, never answers' text.
 */
import { sql, type Kysely } from 'kysely';
import type { Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface CountedCoding {
  country: string;
  name: Multilingual;
  synthetic: boolean;
  values: string[];
}

const PATH = '$.sections[*].questions[*] ? (@.id == $q).answer.blocks';

/** The question's blocks in the stored document `doc` (a submission's or a version's). */
function blocksOf(doc: string, question: string) {
  return sql`jsonb_path_query_first(${sql.ref(doc)}, ${PATH}::jsonpath, jsonb_build_object('q', ${question}::text))`;
}

/**
 * The confirmed codings of the cycle's code of the question, country by country, from the cycle's
 * reviews. Written so that the planner has three relations to order (the rest are per-row
 * subqueries on primary keys): planning, not execution, was most of the time of a five-way join.
 */
function codingsOf(db: Db, cycle: string, questionId: string) {
  return db
    .selectFrom('review as r')
    .innerJoin('coded_answer as a', 'a.country_code', 'r.country_code')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .select(['a.country_code as country', sql<Multilingual>`c.name`.as('name'), 'c.synthetic', 'a.values'])
    .where('r.cycle_id', '=', cycle)
    .where(
      'a.code_id',
      '=',
      sql<string>`(select k.id from code k where k.cycle_id = ${cycle} and k.question_id = ${questionId})`,
    )
    .where('a.state', '=', 'confirmed');
}

/**
 * The confirmed codings (a correction is a confirmation) of each country's latest submission,
 * unless returned: what the region's secretariat counts. A coding of an earlier submission no
 * longer counts once the country submitted again (its new answer is suggested afresh).
 */
export async function confirmedOfSubmissions(db: Db, cycle: string, questionId: string): Promise<CountedCoding[]> {
  const rows = await codingsOf(db, cycle, questionId)
    .where(sql<boolean>`a.submission_number = (select max(s.number) from review_submission s where s.review_id = r.id)`)
    .where(
      sql<boolean>`(select e.id from submission_event e
        where e.review_id = r.id and e.number = a.submission_number and e.kind = 'returned') is null`,
    )
    .execute();
  return rows.map((r) => ({ ...r, country: r.country.trim() }));
}

/**
 * The confirmed codings the public may count: of countries whose review has a published version,
 * and only when that version's answer to the question is the coded submission's answer (jsonb
 * equality: the same blocks whatever their keys' order, as sameBlocks in src/domain/blocks.ts) —
 * a coding of words that were not published is never shown as if they were. No version: null,
 * never equal.
 */
export async function confirmedOfPublished(db: Db, cycle: string, questionId: string): Promise<CountedCoding[]> {
  const rows = await codingsOf(db, cycle, questionId)
    .where(
      sql<boolean>`(select ${blocksOf('v.document', questionId)} from review_version v
        where v.review_id = r.id order by v.version desc limit 1)
      = (select ${blocksOf('s.document', questionId)} from review_submission s
        where s.review_id = r.id and s.number = a.submission_number)`,
    )
    .execute();
  return rows.map((r) => ({ ...r, country: r.country.trim() }));
}

const notReturned = sql<boolean>`not exists (select 1 from submission_event e
  where e.review_id = s.review_id and e.number = s.number and e.kind = 'returned')`;
const latestSubmission = sql<boolean>`s.number = (select max(t.number) from review_submission t where t.review_id = s.review_id)`;

export interface CountryObjectives {
  country: string;
  name: Multilingual;
  synthetic: boolean;
  /** The objectives confirmed on any of its answers, ascending. */
  objectives: number[];
}

/** The distinct objectives confirmed in a stored document's `objectives` ({question: [{number, status}]}). */
function confirmedObjectives(doc: string) {
  const d = sql.ref(doc);
  return sql<number[]>`array(select distinct (o->>'number')::int
    from jsonb_each(case when jsonb_typeof(${d}->'objectives') = 'object' then ${d}->'objectives' else '{}'::jsonb end) q(k, list),
         jsonb_array_elements(case when jsonb_typeof(q.list) = 'array' then q.list else '[]'::jsonb end) o
    where o->>'status' = 'confirmed' order by 1)`.as('objectives');
}

/**
 * Each country's objectives confirmed over all its answers: in its latest submission, unless
 * returned (`submission`, the secretariat's), or in its latest published version (`published`).
 * Measures and indicators (facts) join this matrix later, from the same documents.
 */
export async function objectivesByCountry(
  db: Db,
  cycle: string,
  source: 'submission' | 'published',
): Promise<CountryObjectives[]> {
  const base = db
    .selectFrom('review as r')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .where('r.cycle_id', '=', cycle);
  const rows =
    source === 'submission'
      ? await base
          .innerJoin('review_submission as s', 's.review_id', 'r.id')
          .select(['r.country_code as country', sql<Multilingual>`c.name`.as('name'), 'c.synthetic'])
          .select(confirmedObjectives('s.document'))
          .where(latestSubmission)
          .where(notReturned)
          .execute()
      : await base
          .innerJoin('review_version as v', 'v.review_id', 'r.id')
          .select(['r.country_code as country', sql<Multilingual>`c.name`.as('name'), 'c.synthetic'])
          .select(confirmedObjectives('v.document'))
          .where(sql<boolean>`v.version = (select max(w.version) from review_version w where w.review_id = r.id)`)
          .execute();
  return rows.map((r) => ({ ...r, country: r.country.trim(), objectives: r.objectives.map(Number) }));
}
