// One question's answers side by side (GET /api/v1/cycles/{cycle}/questions/{q}/answers:
// compareAnswers as the region's secretariat, which reads each country's latest submission and
// each published version) as a ratio to one plain SELECT of the same rows (the cycle's
// submissions with their whole documents), measured in the same run on the same database: for one
// cycle of 22 countries, and for 3 cycles of up to 193 countries each (every country the catalogue
// has, at most 193), all three compared in turn. Each country submitted a full review (every
// question answered, two paragraphs each, objectives confirmed on I.a); one in four was published.
// Runs on embedded PGlite, then on PostgreSQL when one answers on BENCH_PG_PORT (55432) — in a
// fresh database dropped at the end — or when BENCH_PG=start (a throwaway cluster).
// Run: npx tsx bench/side-by-side.ts      Env: BENCH_RUNS (30), BENCH_PG_PORT, BENCH_PG.
import { sql } from 'kysely';
import { alternately, onEachEngine } from './measure.js';
import { makeSubmittedCycle, regionalCases } from './regional-cycle.js';
import type { Storage } from '../src/db/connection.js';
import { operator } from '../src/domain/permissions.js';
import { compareAnswers } from '../src/services/compare-answers.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const actor = operator('bench');
const QUESTION = 'I.a';
/** The n-th country's confirmed objectives: one on I.a. */
const objectivesOf = (n: number) => ({
  [QUESTION]: [{ number: (n % 23) + 1, score: 1, evidence: '', status: 'confirmed' }],
});

const plain = (storage: Storage, cycle: string) =>
  sql`select r.country_code, s.number, s.submitted_at, s.document from review r
    join review_submission s on s.review_id = r.id where r.cycle_id = ${cycle}`.execute(storage.db);

async function measure(engine: string, storage: Storage) {
  const db = storage.db;
  const cases = await regionalCases(storage, (id, countries) =>
    makeSubmittedCycle(storage, id, countries, objectivesOf),
  );
  for (const [name, cycles] of cases) {
    const [compared, selected] = await alternately(
      RUNS,
      async () => {
        for (const c of cycles) await compareAnswers(db, actor, c, QUESTION, {}, 'fr');
      },
      async () => {
        for (const c of cycles) await plain(storage, c);
      },
    );
    console.log(
      `${engine}, ${name}: side by side ${compared.toFixed(2)} ms, plain SELECT ${selected.toFixed(2)} ms, ` +
        `ratio ${(compared / selected).toFixed(2)}×`,
    );
  }
}

await onEachEngine('side-by-side', measure);
