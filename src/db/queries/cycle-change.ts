/**
 * What the change between two cycles reads (issue 14, item 6): whole review documents as sent
 * (latest submission) or as published (latest version), one query per cycle and source whatever
 * the number of countries, and the confirmed codings of a cycle's codes.
 */
import { sql, type Kysely } from 'kysely';
import type { Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface CountryDocument {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  /** The submission's number or the published version. */
  number: number;
  at: Date;
  document: unknown;
}

/** Each country's latest submission (or latest published version) in the cycle; `country` restricts it to one. */
export async function latestDocuments(
  db: Db,
  cycle: string,
  source: 'submission' | 'published',
  country?: string,
): Promise<CountryDocument[]> {
  const base = db
    .selectFrom('review as r')
    .innerJoin('country as c', 'c.code', 'r.country_code')
    .select(['r.country_code as country', 'c.name as countryName', 'c.synthetic'])
    .where('r.cycle_id', '=', cycle)
    .$if(country !== undefined, (q) => q.where('r.country_code', '=', country ?? ''));
  const rows =
    source === 'submission'
      ? await base
          .innerJoin('review_submission as s', 's.review_id', 'r.id')
          .select(['s.number', 's.submitted_at as at', 's.document'])
          .where(sql<boolean>`s.number = (select max(t.number) from review_submission t where t.review_id = r.id)`)
          .orderBy('r.country_code')
          .execute()
      : await base
          .innerJoin('review_version as v', 'v.review_id', 'r.id')
          .select(['v.version as number', 'v.published_at as at', 'v.document'])
          .where(sql<boolean>`v.version = (select max(w.version) from review_version w where w.review_id = r.id)`)
          .orderBy('r.country_code')
          .execute();
  return rows.map((r) => ({ ...r, country: r.country.trim(), countryName: r.countryName as Multilingual }));
}

export interface ConfirmedCoding {
  questionId: string;
  country: string;
  values: string[];
}

/** The values a person confirmed for each country, code by code, in the cycle. */
export async function confirmedCodings(db: Db, cycle: string): Promise<ConfirmedCoding[]> {
  const rows = await db
    .selectFrom('coded_answer as a')
    .innerJoin('code', 'code.id', 'a.code_id')
    .select(['code.question_id as questionId', 'a.country_code as country', 'a.values'])
    .where('code.cycle_id', '=', cycle)
    .where('a.state', '=', 'confirmed')
    .orderBy('code.question_id')
    .orderBy('a.country_code')
    .execute();
  return rows.map((r) => ({ ...r, country: r.country.trim() }));
}

/** A country's names and whether it is a fictional one (the demo region's). */
export async function countryOf(db: Db, code: string): Promise<{ name: Multilingual; synthetic: boolean } | undefined> {
  const row = await db.selectFrom('country').select(['name', 'synthetic']).where('code', '=', code).executeTakeFirst();
  return row && { name: row.name as Multilingual, synthetic: row.synthetic };
}
