// What the benchmarks share: a median timing, and a PostgreSQL to measure on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Storage } from '../src/db/connection.js';
import { openReadyStorage } from '../src/services/open-storage.js';

/** The median time of `work` in milliseconds, over `runs` runs after `warmup` unmeasured ones. */
export async function median(work: () => Promise<unknown> | unknown, runs: number, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface Cluster {
  url: string;
  /** Stops a cluster the bench started; null for one that was already running. */
  stop: (() => void) | null;
}

/**
 * A PostgreSQL answering on `port` with trust authentication, or, when `start` allows it, a
 * throwaway cluster started there (scripts/postgres.mjs); null when there is none and none may start.
 */
export async function postgresOn(port: number, start: boolean): Promise<Cluster | null> {
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return { url, stop: null };
  } catch {
    await probe.end().catch(() => {});
  }
  if (!start) return null;
  const script = (await import(new URL('../scripts/postgres.mjs', import.meta.url).href)) as {
    startPostgres(port: number): { url: string; stop(): void };
  };
  const started = script.startPostgres(port);
  return { url: started.url, stop: () => started.stop() };
}

/**
 * The medians (ms) of `a` and `b` run in turn `runs` times after 3 unmeasured rounds: alternating
 * spreads the machine's noise over both, so their ratio holds when the absolute times drift.
 */
export async function alternately(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs + 3; i++) {
    for (const [n, work] of [a, b].entries()) {
      const start = process.hrtime.bigint();
      await work();
      if (i >= 3) times[n]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const middle = (list: number[]) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]!;
  return [middle(times[0]), middle(times[1])] as const;
}

/**
 * Runs `measure` on embedded PGlite (a throwaway data directory), then on PostgreSQL when one
 * answers on BENCH_PG_PORT (55432) or BENCH_PG=start allows starting one — in a fresh database
 * dropped at the end.
 */
export async function onEachEngine(name: string, measure: (engine: string, storage: Storage) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), `pacte-bench-${name}-`));
  try {
    const storage = await openReadyStorage({ dataDir, databaseUrl: undefined }, `bench ${name}`);
    try {
      await measure('PGlite', storage);
    } finally {
      await storage.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const server = await postgresOn(Number(process.env.BENCH_PG_PORT ?? 55432), process.env.BENCH_PG === 'start');
  if (!server) {
    console.log('PostgreSQL: none on BENCH_PG_PORT (BENCH_PG=start starts one)');
    return;
  }
  const database = `pacte_bench_${name.replace(/\W/gu, '_')}_${process.pid}`;
  await admin(server.url, `create database ${database}`);
  try {
    const url = server.url.replace(/\/postgres$/u, `/${database}`);
    const storage = await openReadyStorage({ dataDir, databaseUrl: url }, `bench ${name}`);
    try {
      await measure('PostgreSQL', storage);
    } finally {
      await storage.close();
    }
  } finally {
    await admin(server.url, `drop database if exists ${database} with (force)`);
    server.stop?.();
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
