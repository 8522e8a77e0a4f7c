import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalogue from '../../src/db/queries/catalogue.js';
import { replaceMappingRows } from '../../src/db/queries/question-mappings.js';
import * as reviews from '../../src/db/queries/reviews.js';
import type { AnswerValue } from '../../src/domain/answer-value.js';
import type { Block } from '../../src/domain/blocks.js';
import { operator } from '../../src/domain/permissions.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import { buildServer } from '../../src/http/server.js';
import { getCountryChange } from '../../src/services/get-country-change.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { createWorld, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The second questionnaire as data and the mapping at work (issue 15, items 1 and 4): Pacte's
 * example arab-example-2 ships with its mapping from arab-2021; Morocco's review copied from
 * arab-2021 into a cycle on it follows the split, the merges and the question without successor;
 * onto a later version (made here) typed values follow where kinds and options still fit; the
 * request's own mapping overrides the stored one; the change between cycles pairs along it.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const db = () => t.storage.db;
const admin = operator('test');
const call = (headers: Record<string, string>, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers, ...(payload && { payload }) });

/** A cycle of the Arab region on `questionnaire` (its newest version), open, with Morocco in it. */
async function openCycle(id: string, questionnaire: string) {
  const body = { id, region: 'arab', questionnaire, opensOn: '2026-01-15', dueOn: '2026-09-30', countries: ['MAR'] };
  const created = await call(world.as('secretariat'), 'POST', '/api/v1/cycles', body);
  expect(created.statusCode, created.body).toBe(201);
  await call(world.as('secretariat'), 'POST', `/api/v1/cycles/${id}/state`, { to: 'open' });
}

async function answersOf(cycle: string) {
  const review = await reviews.findReview(db(), 'MAR', cycle);
  return reviews.findAnswers(db(), review!.id);
}
const texts = (blocks: readonly Block[]) => JSON.stringify(blocks);

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('the second questionnaire', () => {
  it('ships as Pacte’s example, every wording unofficial, with typed questions and its mapping', async () => {
    const response = await call({}, 'GET', '/api/v1/questionnaires/arab-example-2');
    expect(response.statusCode, response.body).toBe(200);
    const q = response.json<Questionnaire>();
    expect([q.example, q.wordingStatus]).toEqual([true, { fr: 'unofficial', en: 'unofficial', ar: 'unofficial' }]);
    expect(q.sections.map((s) => s.id)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    const kinds = new Set(q.sections.flatMap((s) => s.questions.map((x) => x.kind ?? 'text')));
    expect(kinds).toEqual(new Set(['text', 'single_choice', 'multiple_choice', 'number', 'objectives', 'principles']));
    const rows = await db()
      .selectFrom('question_mapping')
      .select(['from_question', 'to_question'])
      .where('to_questionnaire', '=', 'arab-example-2')
      .execute();
    expect(rows).toContainEqual({ from_question: 'II.e', to_question: null });
    expect(rows.filter((r) => r.from_question === 'I.a').map((r) => r.to_question)).toEqual(['I.a', 'I.b']);
  });
});

describe('a review copied along the mapping', () => {
  it('follows the split, the merges and the question without successor from arab-2021', async () => {
    await openCycle('arab-2026', 'arab-example-2');
    const body = { country: 'MAR', cycle: 'arab-2026', language: 'fr', from: { cycle: 'arab-2021' } };
    const created = await call(world.as('focal'), 'POST', '/api/v1/reviews', body);
    expect(created.statusCode, created.body).toBe(201);
    const before = await answersOf('arab-2021');
    // The seed answers every question these rows name; the report says so only for answered ones.
    for (const id of ['I.a', 'I.b', 'I.c', 'I.d', 'I.e', 'II.e', 'III.a'])
      expect(before.get(id)?.blocks.length).toBeGreaterThan(0);
    const { copied } = created.json();
    expect(copied.notInQuestionnaire).toEqual(['II.e']);
    expect(copied.split).toEqual([
      { from: 'I.a', to: ['I.a', 'I.b'] },
      { from: 'III.a', to: ['III.a', 'III.e'] },
    ]);
    expect(copied.merged).toEqual([
      { from: ['I.a', 'I.b'], to: 'I.b' },
      { from: ['I.c', 'I.d', 'I.e'], to: 'I.c' },
    ]);
    expect(copied.valuesNotCarried).toEqual([]);
    const after = await answersOf('arab-2026');
    const blocksOf = (...ids: string[]) => texts(ids.flatMap((id) => before.get(id)!.blocks));
    expect(texts(after.get('I.a')!.blocks)).toBe(blocksOf('I.a'));
    expect(texts(after.get('I.b')!.blocks)).toBe(blocksOf('I.a', 'I.b'));
    expect(texts(after.get('I.c')!.blocks)).toBe(blocksOf('I.c', 'I.d', 'I.e'));
    expect(texts(after.get('II.e')!.blocks)).toBe(blocksOf('II.f'));
    expect(texts(after.get('III.e')!.blocks)).toBe(blocksOf('III.a'));
    expect(after.has('III.f')).toBe(false);
  });

  it('carries typed values onto a later version where they fit, and reports those that do not', async () => {
    // Morocco's typed answers in arab-2026 (arab-example-2 v1).
    const values: Record<string, AnswerValue> = {
      'I.a': { choices: ['in_preparation'] },
      'I.c': { choices: ['civil_society', 'academia'] },
      'III.e': { objectives: [1, 7] },
      'III.f': { number: 4500 },
      'III.g': { number: 12 },
    };
    const current = await answersOf('arab-2026');
    for (const [questionId, value] of Object.entries(values)) {
      const blocks = current.get(questionId)?.blocks ?? [
        { type: 'paragraph' as const, text: `Réponse ${questionId}.` },
      ];
      const target = { country: 'MAR', cycle: 'arab-2026', questionId };
      await saveAnswer(db(), admin, target, { blocks, value, baseRevision: current.get(questionId)?.revision ?? 0 });
    }
    // Version 2: I.a loses « en préparation »; I.c is split into I.c and a new I.g (same options);
    // III.g (remittances) merges into III.f.
    const v1 = (await catalogue.findQuestionnaire(db(), 'arab-example-2', 1))!;
    const v2: Questionnaire = {
      ...v1,
      version: 2,
      basedOn: 1,
      sections: v1.sections.map((s) => ({
        ...s,
        questions: s.questions.flatMap((q) => {
          if (q.id === 'I.a') return [{ ...q, choices: q.choices!.filter((c) => c.id !== 'in_preparation') }];
          if (q.id === 'I.f')
            return [q, { ...q, id: 'I.g', letter: 'g', kind: 'multiple_choice', choices: s.questions[2]!.choices }];
          return q.id === 'III.g' ? [] : [q];
        }),
      })),
    };
    await catalogue.insertQuestionnaire(db(), v2);
    const rows = [
      { from: 'I.c', to: 'I.c' },
      { from: 'I.c', to: 'I.g' },
      { from: 'III.g', to: 'III.f' },
    ];
    await replaceMappingRows(db(), { id: 'arab-example-2', version: 1 }, { id: 'arab-example-2', version: 2 }, rows);
    await openCycle('arab-2028', 'arab-example-2');
    const body = { country: 'MAR', cycle: 'arab-2028', language: 'fr', from: { cycle: 'arab-2026' } };
    const created = await call(world.as('focal'), 'POST', '/api/v1/reviews', body);
    expect(created.statusCode, created.body).toBe(201);
    const { copied } = created.json();
    expect(copied.split).toEqual([{ from: 'I.c', to: ['I.c', 'I.g'] }]);
    expect(copied.merged).toEqual([{ from: ['III.f', 'III.g'], to: 'III.f' }]);
    expect(copied.valuesNotCarried).toEqual(['I.a', 'III.f']);
    const after = await answersOf('arab-2028');
    const valueOf = (id: string) => after.get(id)?.value ?? null;
    expect([valueOf('I.a'), valueOf('I.c'), valueOf('I.g'), valueOf('III.e'), valueOf('III.f')]).toEqual([
      null,
      values['I.c'],
      values['I.c'],
      values['III.e'],
      null,
    ]);
    // The merge keeps both texts, in the earlier questionnaire's order.
    const earlier = await answersOf('arab-2026');
    expect(texts(after.get('III.f')!.blocks)).toBe(
      texts([...earlier.get('III.f')!.blocks, ...earlier.get('III.g')!.blocks]),
    );

    // The request's mapping wins for the questions it names: I.c goes to I.c only. One naming a
    // question the new questionnaire lacks is refused, and nothing is written.
    await openCycle('arab-2029', 'arab-example-2');
    const own = (mapping: Record<string, string>) => ({
      ...body,
      cycle: 'arab-2029',
      from: { cycle: 'arab-2026', mapping },
    });
    const bad = await call(world.as('focal'), 'POST', '/api/v1/reviews', own({ 'I.c': 'nope' }));
    expect([bad.statusCode, bad.json().code, bad.json().details]).toEqual([
      422,
      'review.invalid_mapping',
      { cycle: 'arab-2029', question: 'nope' },
    ]);
    expect(await reviews.findReview(db(), 'MAR', 'arab-2029')).toBeUndefined();
    const overridden = await call(world.as('focal'), 'POST', '/api/v1/reviews', own({ 'I.c': 'I.c' }));
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().copied.split).toEqual([]);
    const third = await answersOf('arab-2029');
    expect([third.has('I.g'), third.get('I.c')?.value]).toEqual([false, values['I.c']]);
  });
});

describe('the change between cycles', () => {
  it('pairs questions along the stored mapping, a question without successor compared with none', async () => {
    const change = await getCountryChange(db(), admin, { country: 'MAR', from: 'arab-2021', to: 'arab-2026' }, 'fr');
    const of = (earlier: string) => change.questions.find((q) => q.earlier === earlier);
    // 2021's II.f (institutional reforms) is the example's II.e: copied, unchanged.
    expect([of('II.f')?.later, of('II.f')?.change]).toEqual(['II.e', 'unchanged']);
    // 2021's II.e has no successor: never compared with the example's II.e, which shares its id.
    expect([of('II.e')?.later, of('II.e')?.change]).toEqual([null, 'only_earlier']);
    // …and is worded as arab-2021 words it, not as the example's II.e.
    const shipped = (await catalogue.findQuestionnaire(db(), 'arab-2021', 1))!;
    const wording = shipped.sections[1]!.questions.find((q) => q.id === 'II.e')!.text.fr;
    expect(of('II.e')?.text).toBe(wording);
    // A merge: I.c is compared with the merged answer; I.d and I.e are listed on their own.
    expect(of('I.c')?.later).toBe('I.c');
    expect([of('I.d')?.later, of('I.e')?.later]).toEqual([null, null]);
    expect([of('I.g')?.later, of('I.g')?.change]).toEqual(['I.e', 'unchanged']);
  });
});
