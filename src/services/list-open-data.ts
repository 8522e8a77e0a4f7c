import type { Kysely } from 'kysely';
import * as publications from '../db/queries/publications.js';
import type { Database } from '../db/schema.js';
import type { Multilingual } from '../domain/language.js';

/** What open data offers (docs/open-data.md): one package per cycle, exported by export-open-data.ts. */
export interface OpenDataCycle {
  cycle: string;
  title: Multilingual;
  region: string;
  reviews: number;
  /** How many of them are fictional countries' (synthetic data, the demo region). */
  synthetic: number;
  lastUpdated: Date;
}

/** The cycles with published reviews, each with how many and when the newest was published. */
export async function listOpenData(
  db: Kysely<Database>,
): Promise<{ lastUpdated: Date | null; cycles: OpenDataCycle[] }> {
  const cycles = new Map<string, OpenDataCycle>();
  for (const row of await publications.listPublished(db)) {
    const entry = cycles.get(row.cycle) ?? {
      cycle: row.cycle,
      title: row.cycleTitle,
      region: row.region,
      reviews: 0,
      synthetic: 0,
      lastUpdated: row.publishedAt,
    };
    entry.reviews += 1;
    if (row.synthetic) entry.synthetic += 1;
    if (row.publishedAt > entry.lastUpdated) entry.lastUpdated = row.publishedAt;
    cycles.set(row.cycle, entry);
  }
  const list = [...cycles.values()];
  const lastUpdated = list.reduce<Date | null>((max, c) => (!max || c.lastUpdated > max ? c.lastUpdated : max), null);
  return { lastUpdated, cycles: list };
}
