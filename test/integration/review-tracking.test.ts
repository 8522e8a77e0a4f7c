import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * What the tracking table shows of each review is kept by migration 020's triggers
 * (review_tracking), not counted on every read: whoever writes, the counts follow — including
 * two transactions writing answers of the same review at once, where a recount that did not
 * first wait for the other's lock would miss its answer.
 */
let t: TestStorage;
const db = () => t.storage.db;
const CYCLE = 'arab-2024';
let reviewId: number;
let questions: { id: string; section: string }[];

const tracked = async () =>
  db().selectFrom('review_tracking').selectAll().where('review_id', '=', reviewId).executeTakeFirstOrThrow();

/** Answered questions by section, counted from the answers themselves. */
async function counted(): Promise<Record<string, number>> {
  const answers = await db()
    .selectFrom('answer')
    .select(['question_id', 'blocks'])
    .where('review_id', '=', reviewId)
    .execute();
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    if ((answer.blocks as unknown[]).length === 0) continue;
    const section = questions.find((q) => q.id === answer.question_id)?.section ?? '?';
    counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}

const answer = (trx: Kysely<Database>, question: string, text: string | null) =>
  trx
    .insertInto('answer')
    .values({
      review_id: reviewId,
      question_id: question,
      revision: 1,
      blocks: JSON.stringify(text === null ? [] : [{ type: 'paragraph', text }]),
      updated_by: 'test',
    })
    .execute();

beforeAll(async () => {
  t = await openTestStorage();
  await sql`insert into cycle (id, region_id, title, questionnaire_id, questionnaire_version, opens_on, due_on, state)
    values (${CYCLE}, 'arab', ${JSON.stringify({ fr: CYCLE })}::jsonb, 'arab-2021', 1, '2024-03-01', '2024-05-31', 'open')`.execute(
    db(),
  );
  await db().insertInto('cycle_country').values({ cycle_id: CYCLE, country_code: 'TUN' }).execute();
  reviewId = (
    await db()
      .insertInto('review')
      .values({ country_code: 'TUN', cycle_id: CYCLE, language: 'fr', title: 'Tunisie', status: 'draft' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  questions = await db()
    .selectFrom('question')
    .select(['id', 'section_id as section'])
    .where('questionnaire_id', '=', 'arab-2021')
    .where('version', '=', 1)
    .orderBy('position')
    .execute();
}, 120_000);
afterAll(async () => t?.cleanup());

describe('review_tracking', () => {
  it('starts empty with the review, and follows its answers, revisions, submissions and events', async () => {
    expect(await tracked()).toMatchObject({ submissions: 0, answered: {}, last_revision_at: null });
    await answer(db(), questions[0]!.id, 'Un.');
    await answer(db(), questions[1]!.id, null); // empty: not answered
    await answer(db(), questions[9]!.id, 'Deux.');
    expect((await tracked()).answered).toEqual(await counted());
    await db()
      .updateTable('answer')
      .set({ blocks: JSON.stringify([]) })
      .where('review_id', '=', reviewId)
      .where('question_id', '=', questions[0]!.id)
      .execute();
    expect((await tracked()).answered).toEqual(await counted());
    const at = new Date(Date.UTC(2024, 4, 3));
    await db()
      .insertInto('answer_revision')
      .values({
        review_id: reviewId,
        question_id: questions[9]!.id,
        revision: 1,
        blocks: '[]',
        author: 't',
        origin: 'edit',
        created_at: at,
      })
      .execute();
    expect(new Date((await tracked()).last_revision_at as unknown as string)).toEqual(at);
    await db().updateTable('review').set({ status: 'validated' }).where('id', '=', reviewId).execute();
    await db().updateTable('review').set({ status: 'submitted' }).where('id', '=', reviewId).execute();
    await db()
      .insertInto('review_submission')
      .values({ review_id: reviewId, number: 1, submitted_by: 't', document: '{}' })
      .execute();
    await db()
      .insertInto('submission_event')
      .values({ review_id: reviewId, number: 1, kind: 'acknowledged', actor: 't', body: null })
      .execute();
    expect(await tracked()).toMatchObject({ submissions: 1, acknowledged: true, returned: false });
  });

  it('counts the answers of two transactions writing the same review at once', async () => {
    const [first, second] = [questions[2]!.id, questions[12]!.id];
    if (ENGINE === 'pglite') {
      // One session: transactions take turns; the counts must still follow.
      await db()
        .transaction()
        .execute((trx) => answer(trx, first, 'A.'));
      await db()
        .transaction()
        .execute((trx) => answer(trx, second, 'B.'));
    } else {
      // The first writes and waits; the second writes, and its recount must wait for the first's
      // lock — the test releases the first only once PostgreSQL shows the second waiting for it.
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let written = () => {};
      const wrote = new Promise<void>((resolve) => (written = resolve));
      const a = db()
        .transaction()
        .execute(async (trx) => {
          await answer(trx, first, 'A.');
          written();
          await gate;
        });
      await wrote;
      const b = db()
        .transaction()
        .execute((trx) => answer(trx, second, 'B.'));
      for (;;) {
        const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and datname = current_database()`.execute(db());
        if ((waiting.rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      release();
      await Promise.all([a, b]);
    }
    const counts = await counted();
    expect((await tracked()).answered).toEqual(counts);
    expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(3);
  });

  it('goes with its review', async () => {
    await db().deleteFrom('review').where('id', '=', reviewId).execute();
    expect(
      await db().selectFrom('review_tracking').select('review_id').where('review_id', '=', reviewId).execute(),
    ).toEqual([]);
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
