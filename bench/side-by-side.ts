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
import type { Storage } from '../src/db/connection.js';
import * as catalogue from '../src/db/queries/catalogue.js';
import { operator } from '../src/domain/permissions.js';
import { buildReviewDocument } from '../src/domain/review.js';
import { compareAnswers } from '../src/services/compare-answers.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const actor = operator('bench');
const QUESTION = 'I.a';
const TEXT =
  'Le mécanisme national de coordination réunit les ministères concernés, les collectivités ' +
  'territoriales et les associations de migrants ; il se réunit chaque trimestre et rend compte au ' +
  'gouvernement des progrès accomplis dans la mise en œuvre du Pacte mondial.';

/** A cycle of the Arab region over arab-2021's questionnaire: each country submitted, one in four published. */
async function makeCycle(storage: Storage, id: string, countries: string[]) {
  const db = storage.db;
  const questionnaire = (await catalogue.findQuestionnaire(db, 'arab-2021', 1))!;
  await sql`insert into cycle (id, region_id, title, questionnaire_id, questionnaire_version, opens_on, due_on, state)
    values (${id}, 'arab', ${JSON.stringify({ fr: id, en: id, ar: id })}::jsonb, 'arab-2021', 1,
      '2024-03-01', '2024-05-31', 'open')`.execute(db);
  const answers = new Map(
    questionnaire.sections.flatMap((s) =>
      s.questions.map((q) => [
        q.id,
        {
          blocks: [
            { type: 'paragraph' as const, text: TEXT },
            { type: 'paragraph' as const, text: TEXT },
          ],
        },
      ]),
    ),
  );
  for (const [n, country] of countries.entries()) {
    await sql`insert into cycle_country (cycle_id, country_code) values (${id}, ${country})`.execute(db);
    const header = { country, cycle: id, language: 'fr' as const, title: `${country} ${id}` };
    const objectives = { [QUESTION]: [{ number: (n % 23) + 1, score: 1, evidence: '', status: 'confirmed' }] };
    const document = JSON.stringify({ ...buildReviewDocument(questionnaire, header, answers, true), objectives });
    const review = await db
      .insertInto('review')
      .values({ country_code: country, cycle_id: id, language: 'fr', title: header.title, status: 'submitted' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('review_submission')
      .values({ review_id: review.id, number: 1, submitted_by: 'bench', document })
      .execute();
    if (n % 4 === 0) {
      await db.updateTable('review').set({ status: 'published' }).where('id', '=', review.id).execute();
      await db
        .insertInto('review_version')
        .values({ review_id: review.id, version: 1, published_by: 'bench', document })
        .execute();
    }
  }
}

const plain = (storage: Storage, cycle: string) =>
  sql`select r.country_code, s.number, s.submitted_at, s.document from review r
    join review_submission s on s.review_id = r.id where r.cycle_id = ${cycle}`.execute(storage.db);

async function measure(engine: string, storage: Storage) {
  const db = storage.db;
  const codes = (await db.selectFrom('country').select('code').orderBy('code').execute()).map((c) => c.code.trim());
  const many = codes.slice(0, 193);
  await makeCycle(storage, 'bench-22', codes.slice(0, 22));
  const big = ['bench-193-a', 'bench-193-b', 'bench-193-c'];
  for (const id of big) await makeCycle(storage, id, many);
  const cases: [string, string[]][] = [
    ['22 countries', ['bench-22']],
    [`${many.length} countries × 3 cycles`, big],
  ];
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
