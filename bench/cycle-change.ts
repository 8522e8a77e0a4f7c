// The change between two cycles (issue 14, item 6) as a ratio to reading the same answers with one
// plain SELECT, measured in the same run on the same database: for one country
// (GET /reviews/{country}/changes: getCountryChange as the region's secretariat, which reads the
// latest submission of each cycle) and for 193 countries (GET /cycles/{cycle}/changes:
// getRegionChange, every country compared and counted, coded values included). The baseline is
// the plain SELECT of the same submissions with their whole documents (2 rows, then 2 × 193).
// Each country submitted a full review in both cycles (every question answered with two
// paragraphs and a list of three items, figures in the text); the later one changed a paragraph
// in every question, added a list item and changed a figure in one question in three.
// Runs on embedded PGlite, then on PostgreSQL when one answers on BENCH_PG_PORT (55432) or
// BENCH_PG=start. Run: npx tsx bench/cycle-change.ts      Env: BENCH_RUNS (20), BENCH_PG_PORT, BENCH_PG.
import { sql } from 'kysely';
import { alternately, onEachEngine } from './measure.js';
import type { Storage } from '../src/db/connection.js';
import * as catalogue from '../src/db/queries/catalogue.js';
import type { Block } from '../src/domain/blocks.js';
import { extractFacts } from '../src/domain/facts.js';
import type { Actor } from '../src/domain/permissions.js';
import { buildReviewDocument } from '../src/domain/review.js';
import { getCountryChange } from '../src/services/get-country-change.js';
import { getRegionChange } from '../src/services/get-region-change.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const secretariat: Actor = {
  userId: null,
  name: 'bench',
  grants: [{ role: 'secretariat', region: 'arab', country: null, entity: null }],
};

const TEXT =
  'Le mécanisme national de coordination réunit les ministères concernés, les collectivités ' +
  'territoriales et les associations de migrants ; il se réunit chaque trimestre et rend compte au ' +
  'gouvernement des progrès accomplis dans la mise en œuvre du Pacte mondial.';

/** One answer: the earlier cycle's, or the later one's (a paragraph changed, an item, a figure). */
function answer(later: boolean, q: number): Block[] {
  const figure = later && q % 3 === 0 ? 412 : 380;
  const items = ['Mobilité et emploi.', 'Retour et réintégration.', 'Lutte contre la traite.'];
  return [
    { type: 'paragraph', text: TEXT },
    { type: 'paragraph', text: `En 2023, le programme a aidé ${figure} migrants à accéder aux services.` },
    { type: 'paragraph', text: later ? TEXT.replace('chaque trimestre', 'chaque mois') : TEXT },
    {
      type: 'list',
      ordered: false,
      items: [...items, ...(later && q % 3 === 0 ? ['Données et statistiques.'] : [])].map((text) => ({
        text,
        blocks: [],
      })),
    },
  ];
}

async function makeCycle(storage: Storage, id: string, countries: string[], later: boolean, opensOn: string) {
  const db = storage.db;
  const questionnaire = (await catalogue.findQuestionnaire(db, 'arab-2021', 1))!;
  await sql`insert into cycle (id, region_id, title, questionnaire_id, questionnaire_version, opens_on, due_on, state)
    values (${id}, 'arab', ${JSON.stringify({ fr: id, en: id, ar: id })}::jsonb, 'arab-2021', 1,
      ${opensOn}, ${opensOn}, 'open')`.execute(db);
  const questions = questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
  const answers = new Map(questions.map((q, n) => [q, { blocks: answer(later, n) }]));
  const facts = questions.flatMap((q, n) => extractFacts(q, answer(later, n), 'fr'));
  const objectives = { 'I.a': [{ number: later ? 5 : 3, score: 1, evidence: '', status: 'confirmed' }] };
  for (const country of countries) {
    await sql`insert into cycle_country (cycle_id, country_code) values (${id}, ${country})`.execute(db);
    const header = { country, cycle: id, language: 'fr' as const, title: `${country} ${id}` };
    const document = JSON.stringify({
      ...buildReviewDocument(questionnaire, header, answers, true),
      facts,
      objectives,
    });
    const review = await db
      .insertInto('review')
      .values({ country_code: country, cycle_id: id, language: 'fr', title: header.title, status: 'submitted' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('review_submission')
      .values({ review_id: review.id, number: 1, submitted_by: 'bench', document })
      .execute();
  }
}

const plain = (storage: Storage, cycles: string[], country?: string) =>
  sql`select r.country_code, s.number, s.submitted_at, s.document from review r
    join review_submission s on s.review_id = r.id
    where r.cycle_id in (${sql.join(cycles)}) ${country ? sql`and r.country_code = ${country}` : sql``}`.execute(
    storage.db,
  );

async function measure(engine: string, storage: Storage) {
  const db = storage.db;
  const all = (await db.selectFrom('country').select('code').orderBy('code').execute()).map((c) => c.code.trim());
  const countries = all.slice(0, 193);
  await makeCycle(storage, 'bench-earlier', countries, false, '2022-03-01');
  await makeCycle(storage, 'bench-later', countries, true, '2024-03-01');
  const cycles = ['bench-earlier', 'bench-later'];
  const country = countries[0]!;
  const [one, oneSelect] = await alternately(
    RUNS,
    () => getCountryChange(db, secretariat, { country, from: cycles[0]!, to: cycles[1]! }, 'fr'),
    () => plain(storage, cycles, country),
  );
  console.log(
    `${engine}, 1 country: change ${one.toFixed(2)} ms, plain SELECT ${oneSelect.toFixed(2)} ms, ratio ${(one / oneSelect).toFixed(2)}×`,
  );
  const [region, regionSelect] = await alternately(
    RUNS,
    () => getRegionChange(db, secretariat, { cycle: cycles[1]!, from: cycles[0]! }),
    () => plain(storage, cycles),
  );
  console.log(
    `${engine}, ${countries.length} countries: change ${region.toFixed(2)} ms, plain SELECT ${regionSelect.toFixed(2)} ms, ` +
      `ratio ${(region / regionSelect).toFixed(2)}×`,
  );
}

await onEachEngine('cycle-change', measure);
