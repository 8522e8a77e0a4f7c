import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxLines } from '../../src/documents/import-docx.js';
import type { AnswerValue } from '../../src/domain/answer-value.js';
import { DEFAULT_LIMITS } from '../../src/domain/read-limits.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { createReview } from '../../src/services/create-review.js';
import { moveAnswer } from '../../src/services/move-answer.js';
import { moveCycle } from '../../src/services/move-cycle.js';
import { moveReview } from '../../src/services/move-review.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Choice, objectives and principles questions count directly in the regional counts, without
 * coding (issue 15, item 2): on a cycle of Pacte's example questionnaire, three countries answer
 * and submit, one is published. Side by side lists each option with how many of the answers
 * shown picked it; the figures count the values as a code's codings. The region's secretariat
 * counts the submissions, the public the published answer only; a free-text question has no
 * options, and no figures without a code.
 */
let t: TestStorage;
let app: FastifyInstance;
const as: Record<string, Record<string, string>> = {};
const db = () => t.storage.db;
const admin = operator('test');
const CYCLE = 'arab-2030';

/** What each country answers (every answer gets a sentence of text beside its value). */
const ANSWERS: Record<string, Record<string, AnswerValue | null>> = {
  MAR: {
    'I.a': { choices: ['yes'] },
    'I.c': { choices: ['civil_society', 'academia'] },
    'III.e': { objectives: [1, 7] },
  },
  TUN: { 'I.a': { choices: ['yes'] }, 'I.c': { choices: ['civil_society'] }, 'III.e': { objectives: [7] } },
  JOR: { 'I.a': { choices: ['in_preparation'] }, 'I.c': null, 'III.e': { objectives: [23] } },
};
/** Answers given as a value alone, without a word of text (a value alone is an answer). */
const VALUE_ONLY: Record<string, Record<string, AnswerValue>> = { TUN: { 'III.f': { number: 4500 } } };

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  as.secretariat = {
    authorization: `Bearer ${await addPerson(db(), app, 'secretariat@escwa.example.org', { role: 'secretariat', region: 'arab' })}`,
  };
  as.public = {};
  const dates = { opensOn: '2030-01-15', dueOn: '2030-09-30' };
  const countries = Object.keys(ANSWERS);
  await createCycle(db(), admin, { id: CYCLE, region: 'arab', questionnaire: 'arab-example-2', countries, ...dates });
  await moveCycle(db(), admin, CYCLE, { to: 'open' });
  for (const country of countries) {
    await createReview(db(), admin, { country, cycle: CYCLE, language: 'fr' });
    const given = [
      ...Object.entries(ANSWERS[country]!).map(([questionId, value]) => [questionId, value, true] as const),
      ...Object.entries(VALUE_ONLY[country] ?? {}).map(([questionId, value]) => [questionId, value, false] as const),
    ];
    for (const [questionId, value, withText] of given) {
      const target = { country, cycle: CYCLE, questionId };
      const blocks = withText ? [{ type: 'paragraph' as const, text: `Réponse de ${country} à ${questionId}.` }] : [];
      await saveAnswer(db(), admin, target, { blocks, value, baseRevision: 0 });
      await moveAnswer(db(), admin, target, { to: 'in_review' });
      // Approved by someone else than its writer (nobody approves their own text).
      await moveAnswer(db(), operator('approver'), target, { to: 'approved' });
    }
    await moveReview(db(), admin, { country, cycle: CYCLE }, { to: 'validated' });
    await moveReview(db(), admin, { country, cycle: CYCLE }, { to: 'submitted' });
  }
  await moveReview(db(), admin, { country: 'MAR', cycle: CYCLE }, { to: 'published' });
}, 300_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function get(who: string, url: string) {
  const response = await app.inject({ method: 'GET', url: `/api/v1/cycles/${CYCLE}${url}`, headers: as[who] });
  return { status: response.statusCode, body: response.json() };
}
/** The counts as `key: count`, leaving out the options nobody picked. */
const picked = (options: { key: string; count: number }[]) =>
  Object.fromEntries(options.filter((o) => o.count > 0).map((o) => [o.key, o.count]));

describe('side by side', () => {
  it('lists each option with how many of the answers shown picked it, and each answer’s value', async () => {
    const { status, body } = await get('secretariat', '/questions/I.a/answers?lang=en');
    expect(status).toBe(200);
    expect(body.question).toMatchObject({ id: 'I.a', kind: 'single_choice', unit: null });
    expect(body.options).toEqual([
      { key: 'yes', label: 'Yes', count: 2 },
      { key: 'no', label: 'No', count: 0 },
      { key: 'in_preparation', label: 'In preparation', count: 1 },
    ]);
    const values = Object.fromEntries(
      body.answers.map((a: { country: string; value: unknown }) => [a.country, a.value]),
    );
    expect(values).toEqual({
      MAR: { choices: ['yes'] },
      TUN: { choices: ['yes'] },
      JOR: { choices: ['in_preparation'] },
    });
    const several = await get('secretariat', '/questions/I.c/answers');
    expect(picked(several.body.options)).toEqual({ civil_society: 2, academia: 1 });
    const objectives = await get('secretariat', '/questions/III.e/answers?lang=fr');
    expect(picked(objectives.body.options)).toEqual({ 1: 1, 7: 2, 23: 1 });
    expect(objectives.body.options).toHaveLength(23);
    expect(objectives.body.options[6].label).toMatch(/^7\. /u);
  });

  it('counts for the public the published answers only; a free-text question has no options', async () => {
    const { status, body } = await get('public', '/questions/I.a/answers');
    expect(status).toBe(200);
    expect(body.answers.map((a: { country: string }) => a.country)).toEqual(['MAR']);
    expect(picked(body.options)).toEqual({ yes: 1 });
    const text = await get('secretariat', '/questions/I.b/answers');
    expect([text.body.question.kind, text.body.options]).toEqual(['text', null]);
  });

  it('gives each answer’s value in the CSV’s last column: the ids picked, or empty', async () => {
    const csv = async (question: string) => {
      const url = `/api/v1/cycles/${CYCLE}/questions/${question}/answers.csv`;
      const response = await app.inject({ method: 'GET', url, headers: as.secretariat });
      const [head, ...rows] = response.body
        .replace(/^\uFEFF/u, '')
        .trimEnd()
        .split('\r\n');
      const at = head!.split(',').indexOf('value');
      return Object.fromEntries(rows.map((r) => [r.split(',')[0], r.split(',')[at]]));
    };
    expect(await csv('I.c')).toEqual({ JOR: '', MAR: 'civil_society academia', TUN: 'civil_society' });
    expect(await csv('III.e')).toEqual({ JOR: '23', MAR: '1 7', TUN: '7' });
  });

  it('writes each answer’s value before its text in the Word document, in the reader’s language', async () => {
    const docx = async (question: string, lang: string) => {
      const url = `/api/v1/cycles/${CYCLE}/questions/${question}/answers.docx?lang=${lang}`;
      const response = await app.inject({ method: 'GET', url, headers: as.secretariat });
      expect(response.statusCode, response.body).toBe(200);
      return (await readDocxLines(response.rawPayload, 'x.docx', DEFAULT_LIMITS)).map((l) => l.text.trim());
    };
    /** The lines between a country's source line and the next country's name. */
    const after = (lines: string[], country: string, next: string | null) =>
      lines.slice(lines.indexOf(country) + 2, next === null ? undefined : lines.indexOf(next));

    // Every option of a multiple choice, ticked or not; then the text.
    const choices = await docx('I.c', 'fr');
    const morocco = after(choices, 'Maroc', 'Tunisie');
    expect(morocco.filter((l) => /^[☒☐]/u.test(l)).map((l) => l.slice(0, 1))).toEqual(
      morocco.filter((l) => /^[☒☐]/u.test(l)).map((l) => (/Société civile|Milieux académiques/u.test(l) ? '☒' : '☐')),
    );
    expect(morocco.filter((l) => l.startsWith('☒'))).toHaveLength(2);
    expect(morocco.at(-1)).toBe('Réponse de MAR à I.c.');
    // Objectives: the ticked ones only, in Arabic for an Arabic reader.
    const objectives = await docx('III.e', 'ar');
    expect(objectives.filter((l) => l.startsWith('☒ 7.'))).toHaveLength(2);
    expect(objectives.filter((l) => l.startsWith('☐'))).toEqual([]);
    // A number given alone: its line, and no « no answer ».
    const numbers = await docx('III.f', 'fr');
    const tunisia = after(numbers, 'Tunisie', null);
    expect(tunisia).toEqual([expect.stringMatching(/^Valeur : 4\s500 personnes$/u)]);
  });
});

describe('figures', () => {
  it('count the values as codings, each option a category, for the region’s secretariat', async () => {
    const { status, body } = await get('secretariat', '/codes/I.a/figures?lang=fr');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      source: 'submission',
      countedFrom: 'values',
      totalCountries: 3,
      codedCountries: 3,
      code: { kind: 'single' },
    });
    expect(body.values.map((v: { key: string; label: string; count: number }) => [v.key, v.label, v.count])).toEqual([
      ['yes', 'Oui', 2],
      ['no', 'Non', 0],
      ['in_preparation', 'En préparation', 1],
    ]);
    const yes = body.values[0].countries.map((c: { code: string }) => c.code).sort();
    expect(yes).toEqual(['MAR', 'TUN']);
    const several = await get('secretariat', '/codes/I.c/figures');
    expect([several.body.code.kind, several.body.codedCountries]).toEqual(['multiple', 2]);
    expect(picked(several.body.values)).toEqual({ civil_society: 2, academia: 1 });
    const objectives = await get('secretariat', '/codes/III.e/figures');
    expect(picked(objectives.body.values)).toEqual({ 1: 1, 7: 2, 23: 1 });
  });

  it('count published answers only for the public; a free-text question without a code has none', async () => {
    const { status, body } = await get('public', '/codes/I.a/figures');
    expect(status).toBe(200);
    expect([body.source, body.codedCountries, picked(body.values)]).toEqual(['published', 1, { yes: 1 }]);
    const text = await get('secretariat', '/codes/I.b/figures');
    expect([text.status, text.body.code]).toEqual([404, 'code.not_found']);
    const chart = await app.inject({
      method: 'GET',
      url: `/api/v1/cycles/${CYCLE}/codes/I.a/figures.svg`,
      headers: as.secretariat,
    });
    expect([chart.statusCode, chart.headers['content-type']]).toEqual([200, expect.stringMatching(/svg/u)]);
    // Its bars lead the secretariat to the answers side by side: there is no coding to see.
    expect(chart.body).toContain(`/app/cycles/${CYCLE}/questions/I.a?lang=`);
    expect(chart.body).not.toContain('/codes/I.a');
  });
});
