// Full-text search latency over 200 published reviews, as a ratio to a primary-key lookup on the
// same database, measured in the same run: p50 and p95 of `searchReviews` (the service behind
// GET /api/v1/search, as the public: ranking, visibility and snippets included) over a rotation
// of French queries (words, phrases, with and without accents, some filtered by country), and of
// `select … from review where id = $1` through the same Kysely handle.
// The 200 reviews are the seed imported for 20 Arab countries × 10 cycles (the catalogue's
// arab-2021 and nine more over the same questionnaire), each with one answer made its own (a
// paragraph of words drawn from the seed), then published: ~4,800 indexed answers.
// Runs on embedded PGlite, then on PostgreSQL when one answers on BENCH_PG_PORT (55432) — in a
// fresh database dropped at the end — or when BENCH_PG=start (a throwaway cluster).
// Run: npx tsx bench/search.ts
// Env: BENCH_REVIEWS (200), BENCH_SEARCHES (200 measured, after 20 to warm up), BENCH_PG_PORT, BENCH_PG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { onEachEngine } from './measure.js';
import { ROOT } from '../src/config.js';
import * as cycleQueries from '../src/db/queries/cycles.js';
import * as catalogue from '../src/db/queries/catalogue.js';
import type { Storage } from '../src/db/connection.js';
import { operator } from '../src/domain/permissions.js';
import { importReview } from '../src/services/import-review.js';
import { moveReview } from '../src/services/move-review.js';
import { saveAnswer } from '../src/services/save-answer.js';
import { searchReviews, type SearchRequest } from '../src/services/search-reviews.js';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const REVIEWS = Math.round(env('BENCH_REVIEWS', 200));
const SEARCHES = Math.round(env('BENCH_SEARCHES', 200));
const WARMUP = 20;
const LOOKUPS = 2000;
const actor = operator('bench');
const seed = readFileSync(join(ROOT, 'demo/morocco-arab-2021.fr.txt'));

const QUERIES: Omit<SearchRequest, 'limit'>[] = [
  { q: 'régularisation' },
  { q: 'regularisation des migrants' },
  { q: 'santé' },
  { q: 'éducation', lang: 'fr' },
  { q: 'travail' },
  { q: '"protection sociale"' },
  { q: 'frontières', country: 'TUN' },
  { q: 'traite des êtres humains' },
  { q: 'retour volontaire' },
  { q: 'données statistiques' },
  { q: 'insertion professionnelle', country: 'MAR' },
  { q: 'asile or réfugiés' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

/** The 200 reviews: the seed for each country × cycle, one answer made its own, published. */
async function generate(storage: Storage): Promise<number[]> {
  const db = storage.db;
  const base = await catalogue.findCycle(db, 'arab-2021');
  if (!base) throw new Error('cycle arab-2021 missing');
  const countries = (
    await db.selectFrom('region_member').select('country_code').where('region_id', '=', base.regionId).execute()
  )
    .map((r) => r.country_code)
    .sort();
  const perCycle = Math.min(countries.length, 20);
  const cycles = Math.ceil(REVIEWS / perCycle);
  for (let c = 1; c < cycles; c++) {
    const id = `bench-${2021 + c}`;
    await cycleQueries.insertCycle(db, {
      ...base,
      id,
      opensOn: null,
      dueOn: null,
      languages: ['fr', 'en', 'ar'],
      by: null,
    });
    // Only a country taking part in a cycle may have a review in it (migration 016).
    await cycleQueries.setCycleCountries(db, id, countries);
  }
  const words = [...new Set(seed.toString('utf8').match(/\p{L}{5,}/gu) ?? [])];
  let n = 0;
  for (let c = 0; c < cycles && n < REVIEWS; c++) {
    const cycle = c === 0 ? 'arab-2021' : `bench-${2021 + c}`;
    for (const country of countries.slice(0, perCycle)) {
      if (n >= REVIEWS) break;
      await importReview(db, { bytes: seed, file: 'seed.txt', country, cycle, dryRun: false, actor });
      const text = Array.from({ length: 60 }, (_, i) => words[(n * 7919 + i * 104729) % words.length]).join(' ');
      await saveAnswer(
        db,
        actor,
        { country, cycle, questionId: 'I.a' },
        { blocks: [{ type: 'paragraph', text }], baseRevision: 1 },
      );
      await moveReview(db, actor, { country, cycle }, { to: 'published' });
      n++;
    }
  }
  return (await db.selectFrom('review').select('id').execute()).map((r) => r.id);
}

async function measure(name: string, storage: Storage) {
  const started = performance.now();
  const ids = await generate(storage);
  const db = storage.db;
  // The public (this bench's searcher) searches the published versions.
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from search_publication`.execute(db);
  console.log(
    `${name}: ${ids.length} reviews, ${rows[0]?.n} published answers indexed, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const lookup: number[] = [];
  for (let i = 0; i < LOOKUPS + 100; i++) {
    const id = ids[i % ids.length];
    const t0 = performance.now();
    await db
      .selectFrom('review')
      .selectAll()
      .where('id', '=', id ?? 0)
      .executeTakeFirst();
    if (i >= 100) lookup.push(performance.now() - t0);
  }
  const searches: number[] = [];
  let hits = 0;
  for (let i = 0; i < SEARCHES + WARMUP; i++) {
    const query = QUERIES[i % QUERIES.length] ?? { q: 'migrants' };
    const t0 = performance.now();
    const result = await searchReviews(db, null, { ...query, limit: 20 });
    if (i >= WARMUP) {
      searches.push(performance.now() - t0);
      hits += result.total;
    }
  }
  lookup.sort((a, b) => a - b);
  searches.sort((a, b) => a - b);
  const [l50, l95] = [percentile(lookup, 0.5), percentile(lookup, 0.95)];
  const [s50, s95] = [percentile(searches, 0.5), percentile(searches, 0.95)];
  console.log(`  primary-key lookup: p50 ${l50.toFixed(3)} ms, p95 ${l95.toFixed(3)} ms (${LOOKUPS} lookups)`);
  console.log(
    `  search (20 hits with snippets): p50 ${s50.toFixed(1)} ms, p95 ${s95.toFixed(1)} ms (${SEARCHES} searches, ${Math.round(hits / SEARCHES)} matching answers on average)`,
  );
  console.log(`  search p95 / primary-key lookup p95 = ${(s95 / l95).toFixed(0)}×`);
}

await onEachEngine('search', measure);
