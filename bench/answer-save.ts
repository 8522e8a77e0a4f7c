// Answer saves under 50 concurrent editors on PostgreSQL, as ratios to a bare `SELECT 1`
// round-trip endpoint served by the same server, pool and database, measured in the same run:
// requests per second and p99 latency of each, over real HTTP (keep-alive) in a closed loop.
// Each editor is a focal point of Morocco saving its own answer of the seed review again and
// again (a paragraph with a counter, sent with its baseRevision); 50 editors share the 24
// questions, so some write the same answer: on 409 answer.edit_conflict the editor reads the
// answer again (GET) and retries from its current revision. The load runs in a worker thread, so
// the client does not share the server's event loop.
// Starts a throwaway PostgreSQL cluster (scripts/postgres.mjs), or reuses one answering on port
// BENCH_PG_PORT (55432), in a fresh database dropped at the end.
// Run: npx tsx bench/answer-save.ts
// Env: BENCH_SECONDS (10 per measure), BENCH_WARMUP_SECONDS (3), BENCH_CLIENTS (50), BENCH_PG_PORT.
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import pg from 'pg';
import { postgresOn } from './measure.js';
import { ROOT } from '../src/config.js';
import type { Block } from '../src/domain/blocks.js';
import { operator } from '../src/domain/permissions.js';
import { buildServer } from '../src/http/server.js';
import { addUser } from '../src/services/add-user.js';
import { signIn } from '../src/services/sign-in.js';
import { importReview } from '../src/services/import-review.js';
import { openReadyStorage } from '../src/services/open-storage.js';

const COUNTRY = 'MAR';
const CYCLE = 'arab-2021';
const PASSWORD = 'bench password, long enough';

interface Question {
  id: string;
  /** The seed's answer: every save sends it with one paragraph of its own after it. */
  blocks: Block[];
}

/** What the worker does: one measure, a warm-up then `durationMs` of counted requests. */
interface Job {
  kind: 'select1' | 'save';
  origin: string;
  clients: number;
  warmupMs: number;
  durationMs: number;
  tokens: string[];
  questions: Question[];
}

interface Outcome {
  /** Latencies (ms) of the requests that ended inside the measured window (saves: every PUT). */
  latencies: number[];
  /** Requests answered 200 inside the window (saves: answers written). */
  ok: number;
  /** PUTs answered 409 answer.edit_conflict inside the window, and the reads that followed. */
  conflicts: number;
  /** Latency (ms) of each save as the editor lives it: from its first PUT to a 200, re-reads included. */
  editorLatencies: number[];
  /** Answers written over the whole run, warm-up included (checked against the database). */
  writtenTotal: number;
  elapsedMs: number;
}

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

if (isMainThread) await main();
else parentPort!.postMessage(await load(workerData as Job));

// ─── The load (worker thread) ────────────────────────────────────────────────────────────────

async function load(job: Job): Promise<Outcome> {
  const now = () => performance.now();
  const start = now() + job.warmupMs;
  const end = start + job.durationMs;
  const out: Outcome = {
    latencies: [],
    ok: 0,
    conflicts: 0,
    editorLatencies: [],
    writtenTotal: 0,
    elapsedMs: job.durationMs,
  };
  const counted = (t: number) => t >= start && t < end;

  async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url, init);
    const body: unknown = await response.json();
    return { status: response.status, body };
  }

  async function pinger() {
    const url = `${job.origin}/bench/select1`;
    while (now() < end) {
      const t0 = now();
      const { status } = await call(url);
      const t1 = now();
      if (status !== 200) throw new Error(`select1 answered ${status}`);
      if (counted(t1)) {
        out.latencies.push(t1 - t0);
        out.ok++;
      }
    }
  }

  async function editor(i: number) {
    const question = job.questions[i % job.questions.length]!;
    const url = `${job.origin}/api/v1/reviews/${COUNTRY}/${CYCLE}/answers/${encodeURIComponent(question.id)}`;
    const authorization = `Bearer ${job.tokens[i % job.tokens.length]!}`;
    const read = async () => {
      const { status, body } = await call(url, { headers: { authorization } });
      if (status !== 200) throw new Error(`GET ${question.id} answered ${status}: ${JSON.stringify(body)}`);
      return (body as { revision: number }).revision;
    };
    let revision = await read();
    let saves = 0;
    let firstTry: number | null = null;
    while (now() < end) {
      const blocks = [
        ...question.blocks,
        { type: 'paragraph', text: `Relecture de l’éditeur ${i + 1}, enregistrement ${++saves}.` },
      ];
      const t0 = now();
      firstTry ??= t0;
      const { status, body } = await call(url, {
        method: 'PUT',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ blocks, baseRevision: revision }),
      });
      const t1 = now();
      if (counted(t1)) out.latencies.push(t1 - t0);
      if (status === 200) {
        revision = (body as { revision: number }).revision;
        out.writtenTotal++;
        if (counted(t1)) {
          out.ok++;
          out.editorLatencies.push(t1 - firstTry);
        }
        firstTry = null;
      } else if (status === 409 && (body as { code?: string }).code === 'answer.edit_conflict') {
        if (counted(t1)) out.conflicts++;
        revision = await read();
      } else {
        throw new Error(`PUT ${question.id} answered ${status}: ${JSON.stringify(body)}`);
      }
    }
  }

  const client = job.kind === 'select1' ? pinger : editor;
  await Promise.all(Array.from({ length: job.clients }, (_, i) => client(i)));
  return out;
}

/** Runs one measure in a worker thread (this same file, loaded through tsx). */
function measure(job: Job): Promise<Outcome> {
  const boot =
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: job });
    let outcome: Outcome | undefined;
    worker.once('message', (message: Outcome) => (outcome = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      outcome ? resolve(outcome) : reject(new Error(`load worker exited with ${code} and no figures`)),
    );
  });
}

// ─── Set-up, measures and report (main thread) ───────────────────────────────────────────────

async function admin(url: string, statement: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ value: string }>(statement);
    return result.rows[0]?.value;
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function summary(outcome: Outcome) {
  const sorted = [...outcome.latencies].sort((a, b) => a - b);
  return {
    perSecond: outcome.ok / (outcome.elapsedMs / 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
  };
}

async function main() {
  const clients = Math.round(env('BENCH_CLIENTS', 50));
  const durationMs = env('BENCH_SECONDS', 10) * 1000;
  const warmupMs = env('BENCH_WARMUP_SECONDS', 3) * 1000;
  const server = (await postgresOn(Math.round(env('BENCH_PG_PORT', 55432)), true))!;
  const reused = server.stop === null;
  const database = `pacte_bench_${process.pid}_${Date.now()}`;
  const databaseUrl = server.url.replace(/\/postgres$/u, `/${database}`);
  const stopCluster = () => {
    const stop = server.stop;
    server.stop = null;
    stop?.();
  };
  const interrupted = () => {
    stopCluster();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  let created = false;
  try {
    await admin(server.url, `create database "${database}"`);
    created = true;
    const version = (await admin(server.url, `select current_setting('server_version') as value`)) ?? '?';
    const storage = await openReadyStorage({ dataDir: '', databaseUrl }, 'bench answer-save');
    try {
      const seed = readFileSync(`${ROOT}demo/morocco-arab-2021.fr.txt`);
      const imported = await importReview(storage.db, {
        bytes: seed,
        file: 'morocco-arab-2021.fr.txt',
        country: COUNTRY,
        cycle: CYCLE,
        dryRun: false,
        actor: operator('bench'),
      });
      const questions: Question[] = imported.review.sections.flatMap((s) =>
        s.questions.map((q) => ({ id: q.id, blocks: q.answer.blocks })),
      );
      // Argon2 hashing and verifying happen here, before any timing.
      const emails = Array.from({ length: clients }, (_, i) => `focal${i + 1}@mar.bench.example.org`);
      for (const email of emails) {
        await addUser(storage.db, operator('bench'), {
          email,
          password: PASSWORD,
          grant: { role: 'focal_point', country: COUNTRY },
        });
      }
      const tokens = await Promise.all(emails.map(async (email) => (await signIn(storage.db, email, PASSWORD)).token));

      const app = await buildServer({ storage, logLevel: 'error' });
      app.get('/bench/select1', { schema: { hide: true } }, async () => {
        await sql`select 1`.execute(storage.db);
        return { ok: true };
      });
      try {
        await app.listen({ host: '127.0.0.1', port: 0 });
        const address = app.server.address();
        const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        const job = { origin, clients, warmupMs, durationMs, tokens, questions };

        const revisions = async () =>
          Number(
            (
              await storage.db
                .selectFrom('answer_revision')
                .select((e) => e.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const baseline = summary(await measure({ ...job, kind: 'select1' }));
        const before = await revisions();
        const saveOutcome = await measure({ ...job, kind: 'save' });
        const written = (await revisions()) - before;
        if (written !== saveOutcome.writtenTotal) {
          throw new Error(`${saveOutcome.writtenTotal} saves answered 200 but ${written} revisions were stored`);
        }
        const save = summary(saveOutcome);
        const attempts = saveOutcome.ok + saveOutcome.conflicts;
        const editorP99 = percentile(
          [...saveOutcome.editorLatencies].sort((a, b) => a - b),
          0.99,
        );

        const line = (name: string, s: ReturnType<typeof summary>) =>
          `${name.padEnd(28)} ${s.perSecond.toFixed(0).padStart(6)} req/s   p50 ${s.p50.toFixed(2).padStart(7)} ms   p99 ${s.p99.toFixed(2).padStart(7)} ms`;
        console.log(
          `PostgreSQL ${version}, ${clients} clients, ${questions.length} questions, ` +
            `${warmupMs / 1000} s warm-up + ${durationMs / 1000} s per measure`,
        );
        console.log(line('GET /bench/select1 (baseline)', baseline));
        console.log(line('PUT answer (saves written)', save));
        console.log(
          `conflicts: ${saveOutcome.conflicts} of ${attempts} PUTs answered 409 (${((100 * saveOutcome.conflicts) / Math.max(1, attempts)).toFixed(1)}%), ` +
            `each followed by a GET; save as the editor lives it (retries included) p99 ${editorP99.toFixed(2)} ms; ` +
            `${saveOutcome.writtenTotal} revisions written, as many stored`,
        );
        console.log(
          `answer-save ratio: throughput ${(save.perSecond / baseline.perSecond).toFixed(2)}× select1, ` +
            `p99 ${(save.p99 / baseline.p99).toFixed(1)}× select1`,
        );
      } finally {
        await app.close();
      }
    } finally {
      await storage.close();
    }
  } finally {
    try {
      if (created && reused) await admin(server.url, `drop database "${database}" with (force)`);
    } finally {
      stopCluster();
      process.off('SIGINT', interrupted);
    }
  }
}
