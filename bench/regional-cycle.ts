// What the regional benches share: a cycle of the Arab region over arab-2021's questionnaire in
// which every country submitted a full review (every question answered with two paragraphs) and
// one in four was published — the rows the side-by-side view and the figures read.
import { sql } from 'kysely';
import type { Storage } from '../src/db/connection.js';
import * as catalogue from '../src/db/queries/catalogue.js';
import { buildReviewDocument } from '../src/domain/review.js';

const TEXT =
  'Le mécanisme national de coordination réunit les ministères concernés, les collectivités ' +
  'territoriales et les associations de migrants ; il se réunit chaque trimestre et rend compte au ' +
  'gouvernement des progrès accomplis dans la mise en œuvre du Pacte mondial.';

type Objectives = Record<string, { number: number; score: number; evidence: string; status: string }[]>;

/**
 * Makes cycle `id` with `countries`; `objectivesOf(n, questions)` gives the n-th country's
 * confirmed objectives (kept in its documents).
 */
export async function makeSubmittedCycle(
  storage: Storage,
  id: string,
  countries: string[],
  objectivesOf: (n: number, questions: string[]) => Objectives,
) {
  const db = storage.db;
  const questionnaire = (await catalogue.findQuestionnaire(db, 'arab-2021', 1))!;
  await sql`insert into cycle (id, region_id, title, questionnaire_id, questionnaire_version, opens_on, due_on, state)
    values (${id}, 'arab', ${JSON.stringify({ fr: id, en: id, ar: id })}::jsonb, 'arab-2021', 1,
      '2024-03-01', '2024-05-31', 'open')`.execute(db);
  const paragraphs = { blocks: [TEXT, TEXT].map((text) => ({ type: 'paragraph' as const, text })) };
  const questions = questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
  const answers = new Map(questions.map((q) => [q, paragraphs]));
  for (const [n, country] of countries.entries()) {
    await sql`insert into cycle_country (cycle_id, country_code) values (${id}, ${country})`.execute(db);
    const header = { country, cycle: id, language: 'fr' as const, title: `${country} ${id}` };
    const objectives = objectivesOf(n, questions);
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

/**
 * The two sizes the regional benches measure, made with `make`: one cycle of 22 countries, and 3
 * cycles of up to 193 countries each (every country the catalogue has, at most 193).
 */
export async function regionalCases(
  storage: Storage,
  make: (id: string, countries: string[]) => Promise<void>,
): Promise<[string, string[]][]> {
  const all = (await storage.db.selectFrom('country').select('code').orderBy('code').execute()).map((c) =>
    c.code.trim(),
  );
  const many = all.slice(0, 193);
  await make('bench-22', all.slice(0, 22));
  const big = ['bench-193-a', 'bench-193-b', 'bench-193-c'];
  for (const id of big) await make(id, many);
  return [
    ['22 countries', ['bench-22']],
    [`${many.length} countries × 3 cycles`, big],
  ];
}
