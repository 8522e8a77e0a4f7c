import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface PublicCoding {
  country: string;
  questionId: string;
  codeNames: Multilingual;
  /** The code's values, to give each key its labels. */
  codeValues: { key: string; labels: Multilingual }[];
  values: string[];
  decidedAt: Date;
  synthetic: boolean;
}

const PATH = '$.sections[*].questions[*] ? (@.id == $q).answer.blocks';
const blocksOf = (doc: string) =>
  sql`jsonb_path_query_first(${sql.ref(doc)}, ${PATH}::jsonpath, jsonb_build_object('q', k.question_id::text))`;

/**
 * Open data's codes (issue 14, item 5): the CONFIRMED codings of a cycle that the public may
 * count — as the public figures count them (queries/figures.ts, source `published`): a country's
 * coding only when its latest published version's answer to the question is the very answer that
 * was coded (jsonb equality). Ordered by question, then country.
 */
export async function publicCodings(db: Db, cycle: string): Promise<PublicCoding[]> {
  const rows = await db
    .selectFrom('coded_answer as a')
    .innerJoin('code as k', 'k.id', 'a.code_id')
    .innerJoin('review as r', (join) =>
      join.onRef('r.country_code', '=', 'a.country_code').onRef('r.cycle_id', '=', 'k.cycle_id'),
    )
    .innerJoin('country as c', 'c.code', 'a.country_code')
    .select([
      sql<string>`trim(a.country_code)`.as('country'),
      'k.question_id as questionId',
      sql<Multilingual>`k.names`.as('codeNames'),
      sql<{ key: string; labels: Multilingual }[]>`k.values`.as('codeValues'),
      'a.values',
      sql<Date>`a.decided_at`.as('decidedAt'),
      'c.synthetic',
    ])
    .where('k.cycle_id', '=', cycle)
    .where('a.state', '=', 'confirmed')
    .where(
      sql<SqlBool>`(select ${blocksOf('v.document')} from review_version v
        where v.review_id = r.id order by v.version desc limit 1)
      = (select ${blocksOf('s.document')} from review_submission s
        where s.review_id = r.id and s.number = a.submission_number)`,
    )
    .orderBy('k.question_id')
    .orderBy('a.country_code')
    .execute();
  return rows.map((r) => ({ ...r, values: r.values as string[] }));
}
