import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as practices from '../db/queries/practices.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { LANGUAGES, type Language, type Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import type { Practice, PracticeState } from '../domain/practices.js';
import { normalizeSearchText } from '../domain/search-text.js';
import { openPractice, publishedSourceOf, visibilityOf } from './practice-access.js';

export interface PracticeQuery {
  objective?: number | undefined;
  principle?: string | undefined;
  country?: string | undefined;
  state?: PracticeState | undefined;
  region?: string | undefined;
  /** Words to find (websearch syntax); published practices only. */
  q?: string | undefined;
  /** The language searched; all three by default. */
  lang?: Language | undefined;
}

export interface PracticeWithTranslations extends Practice {
  translations: practices.PracticeTranslationRow[];
}

const MAX_QUERY = 500;

/**
 * `GET /api/v1/practices`, the portal's /practices and its CSV and JSON: the practices the actor
 * sees (the public: published ones) that match the filters, with their translations.
 */
export async function listPractices(
  db: Kysely<Database>,
  actor: Actor | null,
  query: PracticeQuery,
): Promise<PracticeWithTranslations[]> {
  const q = query.q?.trim();
  if (q !== undefined && q.length > MAX_QUERY) throw new PacteError('search.invalid_query', { max: MAX_QUERY });
  const found = await practices.listPractices(db, visibilityOf(actor), {
    objective: query.objective,
    principle: query.principle,
    country: query.country?.toUpperCase(),
    state: query.state,
    region: query.region,
    ...(q ? { query: normalizeSearchText(q), languages: query.lang ? [query.lang] : LANGUAGES } : {}),
  });
  const translations = await practices.listTranslations(
    db,
    found.map((p) => p.id),
  );
  return found.map((p) => ({ ...p, translations: translations.filter((t) => t.practiceId === p.id) }));
}

export interface PracticeDetail extends PracticeWithTranslations {
  moves: practices.PracticeMoveRow[];
  /** Where the public reads the cited passage: the published review still saying it; null: quoted only. */
  publishedSource: { country: string; cycle: string; version: number } | null;
}

/** `GET /api/v1/practices/{id}` and the portal's /practices/{id}: one practice the actor sees. */
export async function getPractice(db: Kysely<Database>, actor: Actor | null, id: number): Promise<PracticeDetail> {
  const practice = await openPractice(db, actor, id);
  return {
    ...practice,
    translations: await practices.listTranslations(db, [id]),
    moves: await practices.listMoves(db, id),
    publishedSource: await publishedSourceOf(db, practice),
  };
}

/** Countries' names by code (a practice's countries, as pages and exports name them). */
export async function practiceCountryNames(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<(code: string) => Multilingual> {
  const names = await catalogue.countryNames(db, codes);
  return (code) => names.get(code)?.name ?? { en: code };
}

/** What the portal's filters offer: the objectives, the principles, the countries of published practices. */
export async function practiceFilters(db: Kysely<Database>) {
  const published = await listPractices(db, null, {});
  const names = await catalogue.countryNames(
    db,
    published.flatMap((p) => p.countries),
  );
  return {
    // The catalogue has short names in French and English only: Arabic reads the full title.
    objectives: (await catalogue.listObjectives(db)).map((o) => ({
      number: o.number,
      shortName: { ...o.title, ...o.shortName },
    })),
    principles: (await catalogue.listPrinciples(db)).map((p) => ({ key: p.key, title: p.title })),
    countries: [...names].map(([code, { name }]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    names: (code: string) => names.get(code)?.name ?? { en: code },
  };
}
