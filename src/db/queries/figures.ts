/**
 * The regional figures (issue 13, item 5): what a code's confirmed codings count, and which GCM
 * objectives the countries' answers confirm. Each is ONE query, whatever the number of countries:
 * the cycle (to check who may see it), what labels the figures (the code and the region's groups,
 * or the objectives' titles) and the counted rows come back together as one row — on a cycle of
 * 22 countries the round trips of separate reads cost more than the rows themselves. Only codings,
 * typed values, names and objective numbers leave the database, never answers' text.
 */
import { sql, type AliasableExpression, type Expression, type Kysely, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { pickedIds, type AnswerValue } from '../../domain/answer-value.js';
import type { CodeKind, CodeValue } from '../../domain/code-suggestions.js';
import type { Cycle } from '../../domain/cycles.js';
import type { Multilingual } from '../../domain/language.js';
import { kindOf, type Question } from '../../domain/questionnaire.js';
import { valueOptions } from '../../domain/value-options.js';
import type { Database } from '../schema.js';
import { cycleQuery, toCycle } from './cycles.js';

type Db = Kysely<Database>;

/** Whose answers are counted: each country's latest submission (not returned), or its latest published version. */
export type FigureSource = 'submission' | 'published';

export interface CountedCoding {
  country: string;
  name: Multilingual;
  synthetic: boolean;
  values: string[];
}

export interface CountryObjectives {
  country: string;
  name: Multilingual;
  synthetic: boolean;
  /** The objectives confirmed on any of its answers, ascending. */
  objectives: number[];
}

export interface CodeFiguresRows {
  cycle: Cycle;
  code: { questionId: string; kind: CodeKind; names: Multilingual; values: CodeValue[] } | null;
  /** What was counted: the code's confirmed codings, or (a typed question without a code) the answers' values. */
  countedFrom: 'codings' | 'values';
  groups: { id: string; names: Multilingual; countries: string[] }[];
  codings: CountedCoding[];
}

export interface MatrixRows {
  cycle: Cycle;
  objectives: { number: number; title: Multilingual }[];
  countries: CountryObjectives[];
}

const PATH = '$.sections[*].questions[*] ? (@.id == $q).answer.blocks';

/** The question's blocks in the stored document `doc` (a submission's or a version's). */
function blocksOf(doc: string, question: Expression<string>) {
  return sql`jsonb_path_query_first(${sql.ref(doc)}, ${PATH}::jsonpath, jsonb_build_object('q', ${question}::text))`;
}

/**
 * Each review of the cycle with its latest submission `s`, unless that was returned:
 * `review_tracking` (migration 020) keeps both, recounted by triggers (submission numbers run
 * 1, 2, … so the latest is the count) — a join instead of two subqueries per review.
 */
function standingSubmissions(db: Db, cycle: Expression<string>) {
  return db
    .selectFrom('review as r')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .innerJoin('review_tracking as k', 'k.review_id', 'r.id')
    .innerJoin('review_submission as s', (join) =>
      join.onRef('s.review_id', '=', 'r.id').onRef('s.number', '=', 'k.submissions'),
    )
    .where('r.cycle_id', '=', cycle)
    .where('k.returned', '=', false);
}

/** Each review of the cycle with its latest published version `v`. */
function latestVersions(db: Db, cycle: Expression<string>) {
  return db
    .selectFrom('review as r')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .innerJoin('review_version as v', 'v.review_id', 'r.id')
    .where('r.cycle_id', '=', cycle)
    .where(sql<SqlBool>`v.version = (select max(w.version) from review_version w where w.review_id = r.id)`);
}

/**
 * The confirmed codings (a correction is a confirmation) of the code `code` of the cycle:
 * - `submission`: of each country's latest submission, unless returned — what the region's
 *   secretariat counts; a coding of an earlier submission no longer counts once the country
 *   submitted again (its new answer is suggested afresh);
 * - `published`: of countries whose latest published version's answer to the question is the
 *   coded submission's answer (jsonb equality: the same blocks whatever their keys' order, as
 *   sameBlocks in src/domain/blocks.ts) — a coding of words that were not published is never
 *   shown as if they were. No version: null, never equal.
 */
function codings(db: Db, source: FigureSource, cycle: Expression<string>, code: Expression<string>) {
  const base = db
    .selectFrom('review as r')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .innerJoin('coded_answer as a', 'a.country_code', 'r.country_code')
    .select(['a.country_code as country', sql<Multilingual>`c.name`.as('name'), 'c.synthetic', 'a.values'])
    .where('r.cycle_id', '=', cycle)
    .where('a.code_id', '=', code)
    .where('a.state', '=', 'confirmed');
  if (source === 'submission') {
    return base
      .innerJoin('review_tracking as k', 'k.review_id', 'r.id')
      .whereRef('a.submission_number', '=', 'k.submissions')
      .where('k.returned', '=', false);
  }
  const question = sql<string>`(select k.question_id from code k where k.id = a.code_id)`;
  return base.where(
    sql<SqlBool>`(select ${blocksOf('v.document', question)} from review_version v
      where v.review_id = r.id order by v.version desc limit 1)
    = (select ${blocksOf('s.document', question)} from review_submission s
      where s.review_id = r.id and s.number = a.submission_number)`,
  );
}

/** The question's typed value in the stored document `doc` (null: none given, or a free-text question). */
function valueOf(doc: string, question: string) {
  const path = '$.sections[*].questions[*] ? (@.id == $q).answer.value';
  return sql<AnswerValue | null>`jsonb_path_query_first(${sql.ref(doc)}, ${path}::jsonpath, jsonb_build_object('q', ${question}::text))`;
}

/** Each country's value for the question in the documents `source` counts, in the outer query's cycle. */
function countryValues(db: Db, source: FigureSource, question: string) {
  const cycle = sql.ref<string>('cycle.id');
  const columns = ['r.country_code as country', sql<Multilingual>`c.name`.as('name'), 'c.synthetic'] as const;
  return source === 'submission'
    ? jsonArrayFrom(standingSubmissions(db, cycle).select([...columns, valueOf('s.document', question).as('value')]))
    : jsonArrayFrom(latestVersions(db, cycle).select([...columns, valueOf('v.document', question).as('value')]));
}

type TypedQuestion = Pick<Question, 'kind' | 'choices' | 'text'>;

/**
 * A choice, objectives or principles question counts like a code without coding (docs/questionnaires.md):
 * its options are the values, each country's stored `answer.value` its coding. Null for other kinds.
 */
async function typedFigures(
  db: Db,
  questionId: string,
  question: TypedQuestion | null,
  valued: { country: string; name: Multilingual; synthetic: boolean; value: AnswerValue | null }[],
): Promise<Pick<CodeFiguresRows, 'code' | 'codings' | 'countedFrom'> | null> {
  const options =
    question &&
    valueOptions(
      question,
      kindOf(question) === 'objectives'
        ? await db.selectFrom('objective').select(['number', 'title']).orderBy('number').execute()
        : [],
      kindOf(question) === 'principles'
        ? await db.selectFrom('principle').select(['key', 'title']).orderBy('letter').execute()
        : [],
    );
  if (!question || !options) return null;
  const values: CodeValue[] = options.map((o) => ({ key: o.key, labels: o.labels, cues: {} }));
  return {
    countedFrom: 'values',
    code: {
      questionId,
      kind: kindOf(question) === 'single_choice' ? 'single' : 'multiple',
      names: question.text,
      values,
    },
    codings: valued
      .map((v) => ({ country: v.country.trim(), name: v.name, synthetic: v.synthetic, values: pickedIds(v.value) }))
      .filter((v) => v.values.length > 0),
  };
}

/**
 * A code's figures: the cycle, the code (null: none), the region's groups and the codings counted.
 * A question with no code but a typed answer (choices, objectives, principles) is counted from the
 * answers' values instead, with its options for values (typedFigures).
 */
export async function codeFiguresOf(
  db: Db,
  cycleId: string,
  questionId: string,
  source: FigureSource,
): Promise<CodeFiguresRows | undefined> {
  const code = sql<string>`(select k.id from code k where k.cycle_id = cycle.id and k.question_id = ${questionId})`;
  const row = await cycleQuery(db)
    .where('cycle.id', '=', cycleId)
    .select((eb) => [
      sql<CodeFiguresRows['code']>`(select json_build_object('questionId', k.question_id, 'kind', k.kind,
        'names', k.names, 'values', k.values) from code k where k.cycle_id = cycle.id and k.question_id = ${questionId})`.as(
        'code',
      ),
      jsonArrayFrom(
        eb
          .selectFrom('country_group as g')
          .select([
            'g.id',
            sql<Multilingual>`g.names`.as('names'),
            sql<string[]>`coalesce((select array_agg(trim(m.country_code) order by m.country_code)
              from country_group_member m where m.region_id = g.region_id and m.group_id = g.id), '{}')`.as(
              'countries',
            ),
          ])
          .whereRef('g.region_id', '=', 'cycle.region_id')
          .orderBy('g.id'),
      ).as('groups'),
      jsonArrayFrom(codings(db, source, sql.ref<string>('cycle.id'), code)).as('codings'),
      sql<TypedQuestion | null>`(select json_build_object('kind', q.kind, 'choices', q.choices, 'text', q.text)
        from question q where q.questionnaire_id = cycle.questionnaire_id
        and q.version = cycle.questionnaire_version and q.id = ${questionId})`.as('question'),
      countryValues(db, source, questionId).as('valued'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const typed = row.code ? null : await typedFigures(db, questionId, row.question, row.valued);
  return {
    cycle: toCycle(row),
    groups: row.groups,
    ...(typed ?? {
      countedFrom: 'codings',
      code: row.code,
      codings: row.codings.map((c) => ({ ...c, country: c.country.trim() })),
    }),
  };
}

/** The objectives confirmed in a stored document's `objectives` ({question: [{number, status}]}), repeats included. */
function confirmedObjectives(doc: string) {
  return sql<number[]>`jsonb_path_query_array(${sql.ref(doc)}, '$.objectives.*[*] ? (@.status == "confirmed").number')`;
}

/** Each country's confirmed objectives in the documents `source` counts, in the outer query's cycle. */
function countryObjectives(db: Db, source: FigureSource): AliasableExpression<CountryObjectives[]> {
  const cycle = sql.ref<string>('cycle.id');
  const columns = ['r.country_code as country', sql<Multilingual>`c.name`.as('name'), 'c.synthetic'] as const;
  return source === 'submission'
    ? jsonArrayFrom(
        standingSubmissions(db, cycle).select([...columns, confirmedObjectives('s.document').as('objectives')]),
      )
    : jsonArrayFrom(latestVersions(db, cycle).select([...columns, confirmedObjectives('v.document').as('objectives')]));
}

/**
 * The objectives × countries matrix: the cycle, the 23 objectives' titles, and each country's
 * objectives confirmed over all its answers — in its latest submission, unless returned
 * (`submission`, the secretariat's), or in its latest published version (`published`). Measures
 * and indicators (facts) join this matrix later, from the same documents.
 */
export async function matrixOf(db: Db, cycleId: string, source: FigureSource): Promise<MatrixRows | undefined> {
  const row = await cycleQuery(db)
    .where('cycle.id', '=', cycleId)
    .select(
      sql<MatrixRows['objectives'] | null>`(select json_agg(json_build_object('number', o.number, 'title', o.title)
        order by o.number) from objective o)`.as('objectives'),
    )
    .select(countryObjectives(db, source).as('counted'))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    cycle: toCycle(row),
    objectives: row.objectives ?? [],
    countries: row.counted.map((r) => ({
      country: r.country.trim(),
      name: r.name,
      synthetic: r.synthetic,
      objectives: [...new Set(r.objectives.map(Number))].sort((a, b) => a - b),
    })),
  };
}
