import type { Kysely } from 'kysely';
import * as search from '../db/queries/search.js';
import type { Database } from '../db/schema.js';
import { blockTexts } from '../domain/blocks.js';
import { PacteError } from '../domain/errors.js';
import { LANGUAGES, type Language } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import { SEARCH_WORD, buildSnippet, normalizeSearchText, searchWord } from '../domain/search-text.js';

/**
 * Full-text search across the reviews someone may see (docs/database.md, "Search"). Answers are
 * indexed by the services that write them (search-index.ts, in their transaction); the text is
 * normalised in TypeScript and stemmed by the answer language's text search configuration.
 */

/** The longest query, in characters. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 100;
/** Words of one answer looked at to highlight matches (beyond, the snippet shows none). */
const MAX_SNIPPET_WORDS = 5000;

export interface SearchRequest {
  q: string;
  /** Only answers written in this language; all languages (each with its own stemming) when absent. */
  lang?: Language | undefined;
  country?: string | undefined;
  cycle?: string | undefined;
  section?: string | undefined;
  questionId?: string | undefined;
  /** A GCM objective confirmed for the answer by a person. */
  objective?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface SearchHit {
  country: string;
  cycle: string;
  questionId: string;
  /** HTML: the text escaped, matches in <mark>…</mark>, nothing else. */
  snippet: string;
  score: number;
  /** A fictional country's answer (the demo region): synthetic data, labelled wherever shown. */
  synthetic: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

export async function searchReviews(
  db: Kysely<Database>,
  actor: Actor | null,
  request: SearchRequest,
): Promise<SearchResult> {
  const q = request.q.trim();
  if (q === '' || q.length > MAX_QUERY_LENGTH) {
    throw new PacteError('search.invalid_query', { max: MAX_QUERY_LENGTH });
  }
  const query = normalizeSearchText(q);
  const country = request.country?.toUpperCase();
  // Those who may read a review search its working copy; anyone else, its latest published version.
  const candidates = (await search.searchableReviews(db)).filter(
    (r) =>
      (country === undefined || r.country === country) && (request.cycle === undefined || r.cycle === request.cycle),
  );
  const live = candidates.filter((r) =>
    can(actor, 'review.read', { country: r.country, region: r.region, status: r.status }),
  );
  const published = candidates.filter((r) => r.published && !live.includes(r));
  const visible = [...live, ...published];
  const languages = request.lang ? [request.lang] : LANGUAGES;
  const limit = Math.min(Math.max(request.limit ?? 20, 1), MAX_LIMIT);
  const offset = Math.max(request.offset ?? 0, 0);
  const { rows, total } = await search.searchDocuments(db, {
    query,
    languages,
    reviewIds: live.map((r) => r.id),
    publishedIds: published.map((r) => r.id),
    section: request.section,
    questionId: request.questionId,
    objective: request.objective,
    limit,
    offset,
  });
  const reviews = new Map(visible.map((r) => [r.id, r]));
  const texts = rows.map((row) => blockTexts(row.blocks).join('\n'));
  const matchers = await matchersOf(db, query, rows, texts);
  const hits = rows.map((row, i) => {
    const review = reviews.get(row.reviewId);
    const matches = matchers.get(row.language) ?? (() => false);
    return {
      country: review?.country ?? '',
      cycle: review?.cycle ?? '',
      questionId: row.questionId,
      snippet: buildSnippet(texts[i] ?? '', matches),
      score: Math.round(row.score * 1e6) / 1e6,
      synthetic: review?.synthetic ?? false,
    };
  });
  return { hits, total };
}

/**
 * For each language of the hits, which words of the answers match: a word matches when the
 * language's configuration gives its normalised form a lexeme the query looks for. One query
 * per language for every distinct word of the page's answers.
 */
async function matchersOf(
  db: Kysely<Database>,
  query: string,
  rows: readonly search.SearchRow[],
  texts: readonly string[],
): Promise<Map<Language, (word: string) => boolean>> {
  const languages = [...new Set(rows.map((r) => r.language))];
  const wanted = await search.queryLexemes(db, query, languages);
  const out = new Map<Language, (word: string) => boolean>();
  for (const language of languages) {
    const keys = new Set<string>();
    rows.forEach((row, i) => {
      if (row.language !== language) return;
      let n = 0;
      for (const m of (texts[i] ?? '').matchAll(SEARCH_WORD)) {
        if (n++ >= MAX_SNIPPET_WORDS) break;
        keys.add(searchWord(m[0]));
      }
    });
    const looked = wanted.get(language) ?? new Set<string>();
    // A stem keeps the start of its word (after prefixes): only words holding a lexeme's first
    // three letters are worth asking the configuration about.
    const starts = [...looked].map((l) => l.slice(0, 3));
    const candidates = [...keys].filter((k) => starts.some((start) => k.includes(start)));
    const lexemes = await search.wordLexemes(db, language, candidates);
    const matching = new Set([...lexemes].filter(([, l]) => l.some((x) => looked.has(x))).map(([word]) => word));
    out.set(language, (word) => matching.has(searchWord(word)));
  }
  return out;
}
