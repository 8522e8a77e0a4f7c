// What the benchmarks share: a median timing, and a PostgreSQL to measure on.
import pg from 'pg';

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
