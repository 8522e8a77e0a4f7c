// The secretariat's tracking table (GET /api/v1/cycles/{cycle}/tracking: getTracking, with its
// sort, overdue and progress counts) as a ratio to one plain SELECT of the same rows
// (`select * from cycle_country join review`), measured in the same run on the same database:
// for one cycle of 22 countries, and for 3 cycles of up to 193 countries each (every country the
// catalogue has, at most 193), all three tracked in turn. Each country has a review with three
// answers; one in two has submitted (a submission), one in four shares its progress.
// Runs on embedded PGlite, then on PostgreSQL when one answers on BENCH_PG_PORT (55432) — in a
// fresh database dropped at the end — or when BENCH_PG=start (a throwaway cluster).
// Run: npx tsx bench/tracking.ts      Env: BENCH_RUNS (30), BENCH_PG_PORT, BENCH_PG.
import { sql } from 'kysely';
import { alternately, onEachEngine } from './measure.js';
import type { Storage } from '../src/db/connection.js';
import { operator } from '../src/domain/permissions.js';
import { getTracking } from '../src/services/get-tracking.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const actor = operator('bench');

/** A cycle of the Arab region over arab-2021's questionnaire, with these countries' reviews. */
async function makeCycle(storage: Storage, id: string, countries: string[], questions: string[]) {
  const db = storage.db;
  await sql`insert into cycle (id, region_id, title, questionnaire_id, questionnaire_version, opens_on, due_on, state)
    values (${id}, 'arab', ${JSON.stringify({ fr: id, en: id, ar: id })}::jsonb, 'arab-2021', 1,
      '2024-03-01', '2024-05-31', 'open')`.execute(db);
  for (const [n, country] of countries.entries()) {
    await sql`insert into cycle_country (cycle_id, country_code) values (${id}, ${country})`.execute(db);
    const submitted = n % 2 === 0;
    const review = await db
      .insertInto('review')
      .values({
        country_code: country,
        cycle_id: id,
        language: 'fr',
        title: `${country} ${id}`,
        status: submitted ? 'submitted' : 'draft',
        share_progress: n % 4 === 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const question of questions.slice(n % 5, (n % 5) + 3)) {
      const values = { review_id: review.id, question_id: question, revision: 1 };
      const blocks = JSON.stringify([{ type: 'paragraph', text: 'Texte.' }]);
      await db
        .insertInto('answer')
        .values({ ...values, blocks, updated_by: 'bench' })
        .execute();
      await db
        .insertInto('answer_revision')
        .values({ ...values, blocks, author: 'bench', origin: 'edit' })
        .execute();
    }
    if (submitted) {
      await db
        .insertInto('review_submission')
        .values({ review_id: review.id, number: 1, submitted_by: 'bench', document: JSON.stringify({}) })
        .execute();
    }
  }
}

const plain = (storage: Storage, cycle: string) =>
  sql`select * from cycle_country cc left join review r on r.cycle_id = cc.cycle_id
    and r.country_code = cc.country_code where cc.cycle_id = ${cycle}`.execute(storage.db);

/**
 * The medians of `a` and of `b`, in milliseconds, run in turn (a, b, a, b…) after a warm-up: on a
 * shared machine whose load changes from one second to the next, both then see the same load, and
 * the ratio measures the work, not the moment (measuring one after the other gave 0.6–1.0× and
 * 3–7.7× for the same code within minutes).
 */
async function measure(engine: string, storage: Storage) {
  const db = storage.db;
  const codes = (await db.selectFrom('country').select('code').orderBy('code').execute()).map((c) => c.code.trim());
  const questions = (
    await db
      .selectFrom('question')
      .select('id')
      .where('questionnaire_id', '=', 'arab-2021')
      .where('version', '=', 1)
      .orderBy('position')
      .execute()
  ).map((q) => q.id);
  const many = codes.slice(0, 193);
  await makeCycle(storage, 'bench-22', codes.slice(0, 22), questions);
  const big = ['bench-193-a', 'bench-193-b', 'bench-193-c'];
  for (const id of big) await makeCycle(storage, id, many, questions);
  const cases: [string, string[]][] = [
    ['22 countries', ['bench-22']],
    [`${many.length} countries × 3 cycles`, big],
  ];
  for (const [name, cycles] of cases) {
    const [tracked, selected] = await alternately(
      RUNS,
      async () => {
        for (const c of cycles) await getTracking(db, actor, c, { sort: 'overdue' });
      },
      async () => {
        for (const c of cycles) await plain(storage, c);
      },
    );
    console.log(
      `${engine}, ${name}: tracking ${tracked.toFixed(2)} ms, plain SELECT ${selected.toFixed(2)} ms, ` +
        `ratio ${(tracked / selected).toFixed(2)}×`,
    );
  }
}

await onEachEngine('tracking', measure);
