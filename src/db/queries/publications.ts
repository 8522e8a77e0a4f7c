import { sql, type Kysely } from 'kysely';
import type { Language, Multilingual } from '../../domain/language.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface VersionRow {
  version: number;
  publishedAt: Date;
}

export interface PublishedReview extends VersionRow {
  country: string;
  countryName: Multilingual;
  cycle: string;
  cycleTitle: Multilingual;
  region: string;
  regionName: Multilingual;
  language: Language;
  title: string;
  /** A fictional country's review (the demo region, country.synthetic). */
  synthetic: boolean;
}

/** `v` is the latest version of its review. */
const isLatest = sql<boolean>`v.version = (select max(w.version) from review_version w where w.review_id = v.review_id)`;

/** Adds the next version of a review (call it in the transaction that publishes). */
export async function addVersion(db: Db, reviewId: number, publishedBy: string, document: unknown): Promise<number> {
  const row = await db
    .insertInto('review_version')
    .values({
      review_id: reviewId,
      // The caller holds the review row's lock (select … for update): no race on max + 1.
      version: sql<number>`(select coalesce(max(version), 0) + 1 from review_version where review_id = ${reviewId})`,
      published_by: publishedBy,
      document: JSON.stringify(document),
    })
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** A review's versions, newest first. */
export async function listVersions(db: Db, reviewId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('review_version')
    .select(['version', 'published_at as publishedAt'])
    .where('review_id', '=', reviewId)
    .orderBy('version', 'desc')
    .execute();
}

/** One version with its document; the latest when `version` is absent. */
export async function findVersion(
  db: Db,
  reviewId: number,
  version?: number,
): Promise<(VersionRow & { document: unknown }) | undefined> {
  let query = db
    .selectFrom('review_version')
    .select(['version', 'published_at as publishedAt', 'document'])
    .where('review_id', '=', reviewId);
  if (version !== undefined) query = query.where('version', '=', version);
  return query.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The latest version of every published review (or of one cycle's), by region, cycle and country. */
export async function listPublished(db: Db, cycle?: string): Promise<PublishedReview[]> {
  let query = db
    .selectFrom('review_version as v')
    .innerJoin('review', 'review.id', 'v.review_id')
    .innerJoin('country', 'country.code', 'review.country_code')
    .innerJoin('cycle', 'cycle.id', 'review.cycle_id')
    .innerJoin('region', 'region.id', 'cycle.region_id')
    .select([
      'review.country_code as country',
      'country.name as countryName',
      'review.cycle_id as cycle',
      'cycle.title as cycleTitle',
      'region.id as region',
      'region.name as regionName',
      'review.language',
      'review.title',
      'v.version',
      'v.published_at as publishedAt',
      'country.synthetic',
    ])
    .where(isLatest);
  if (cycle !== undefined) query = query.where('review.cycle_id', '=', cycle);
  return query
    .orderBy('region.id')
    .orderBy('cycle.starts_on', 'desc')
    .orderBy('review.cycle_id')
    .orderBy('review.country_code')
    .execute();
}

/** The latest published documents of one cycle (open data). */
export async function listLatestDocuments(
  db: Db,
  cycle: string,
): Promise<(VersionRow & { country: string; document: unknown; synthetic: boolean })[]> {
  return db
    .selectFrom('review_version as v')
    .innerJoin('review', 'review.id', 'v.review_id')
    .innerJoin('country', 'country.code', 'review.country_code')
    .select(['review.country_code as country', 'v.version', 'v.published_at as publishedAt', 'v.document'])
    .select('country.synthetic')
    .where('review.cycle_id', '=', cycle)
    .where(isLatest)
    .orderBy('review.country_code')
    .execute();
}

/** Reviews published before versions existed (migration 010): they get their first version at start. */
export async function publishedWithoutVersion(db: Db): Promise<{ country: string; cycle: string }[]> {
  return db
    .selectFrom('review')
    .select(['country_code as country', 'cycle_id as cycle'])
    .where('status', '=', 'published')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('review_version').select('version').whereRef('review_version.review_id', '=', 'review.id')),
      ),
    )
    .execute();
}
