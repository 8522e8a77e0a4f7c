// The regional figures as ratios to one plain SELECT of the same rows, measured in the same run on
// the same database: one code's figures (GET …/codes/I.a/figures: the confirmed codings, as the
// region's secretariat and as the public, which also compares each published answer with the
// coded one) against `select … from coded_answer`, and the objectives × countries matrix
// (GET …/objectives-matrix as the secretariat) against a select of the submissions' objectives;
// for one cycle of 22 countries, and for 3 cycles of up to 193 countries each, in turn. Each
// country submitted a full review (every question answered, objectives confirmed on three
// questions), its I.a coded and confirmed; one in four was published.
// Runs on embedded PGlite, then on PostgreSQL when one answers on BENCH_PG_PORT (55432) — in a
// fresh database dropped at the end — or when BENCH_PG=start (a throwaway cluster).
// Run: npx tsx bench/figures.ts      Env: BENCH_RUNS (30), BENCH_PG_PORT, BENCH_PG.
import { sql } from 'kysely';
import { alternately, onEachEngine } from './measure.js';
import { makeSubmittedCycle, regionalCases } from './regional-cycle.js';
import type { Storage } from '../src/db/connection.js';
import * as codes from '../src/db/queries/codes.js';
import { operator } from '../src/domain/permissions.js';
import { defaultCodes } from '../src/services/default-codes.js';
import { getCodeFigures } from '../src/services/get-code-figures.js';
import { getObjectivesMatrix } from '../src/services/get-objectives-matrix.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const actor = operator('bench');
const QUESTION = 'I.a';
const VALUES = ['new_mechanism', 'existing_mechanism', 'none'];

/** The n-th country's confirmed objectives: one on each of the first three questions. */
const objectivesOf = (n: number, questions: string[]) =>
  Object.fromEntries(
    questions
      .slice(0, 3)
      .map((q, i) => [q, [{ number: ((n + i) % 23) + 1, score: 1, evidence: '', status: 'confirmed' }]]),
  );

/** A cycle in which each country submitted and its I.a is coded and confirmed. */
async function makeCycle(storage: Storage, id: string, countries: string[]) {
  const db = storage.db;
  const code = defaultCodes().find((c) => c.questionId === QUESTION)!;
  await makeSubmittedCycle(storage, id, countries, objectivesOf);
  await codes.insertCode(db, {
    cycle: id,
    questionId: QUESTION,
    kind: code.kind,
    names: code.names,
    values: code.values.map((v) => ({ key: v.key, labels: v.labels, cues: v.cues ?? {} })),
    by: 'bench',
  });
  const codeId = (await codes.findCode(db, id, QUESTION))!.id;
  for (const [n, country] of countries.entries()) {
    await db
      .insertInto('coded_answer')
      .values({
        code_id: codeId,
        country_code: country,
        submission_number: 1,
        values: [VALUES[n % 3]!],
        state: 'confirmed',
        suggested_at: sql<Date>`now()`,
        decided_by: 'bench',
        decided_at: sql<Date>`now()`,
      })
      .execute();
  }
}

const plainCodings = (storage: Storage, cycle: string) =>
  sql`select a.country_code, a.values, a.state from coded_answer a join code c on c.id = a.code_id
    where c.cycle_id = ${cycle} and c.question_id = ${QUESTION}`.execute(storage.db);
const plainObjectives = (storage: Storage, cycle: string) =>
  sql`select r.country_code, s.document->'objectives' from review r
    join review_submission s on s.review_id = r.id where r.cycle_id = ${cycle}`.execute(storage.db);

async function measure(engine: string, storage: Storage) {
  const db = storage.db;
  const cases = await regionalCases(storage, (id, countries) => makeCycle(storage, id, countries));
  const target = (cycle: string) => ({ cycle, questionId: QUESTION });
  for (const [name, cycles] of cases) {
    const each = (work: (cycle: string) => Promise<unknown>) => async () => {
      for (const c of cycles) await work(c);
    };
    const measured: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        'figures (secretariat)',
        each((c) => getCodeFigures(db, actor, target(c), {}, 'fr')),
        each((c) => plainCodings(storage, c)),
      ],
      [
        'figures (public)',
        each((c) => getCodeFigures(db, null, target(c), {}, 'fr')),
        each((c) => plainCodings(storage, c)),
      ],
      [
        'objectives matrix',
        each((c) => getObjectivesMatrix(db, actor, c, {}, 'fr')),
        each((c) => plainObjectives(storage, c)),
      ],
    ];
    for (const [what, work, plain] of measured) {
      const [served, selected] = await alternately(RUNS, work, plain);
      console.log(
        `${engine}, ${name}: ${what} ${served.toFixed(2)} ms, plain SELECT ${selected.toFixed(2)} ms, ` +
          `ratio ${(served / selected).toFixed(2)}×`,
      );
    }
  }
}

await onEachEngine('figures', measure);
