import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { passageHolds, type Passage } from '../../src/domain/passage.js';
import { buildServer } from '../../src/http/server.js';
import { demoTruth, generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Coding answers into regional values (issue 13, item 4) on a generated region, whose answers to
 * I.a express values the generator chose (demoTruth): suggestions over the cycle, a person's
 * confirmation, correction and rejection kept with who made them across a new suggestion run,
 * who may do what, and the specific errors of bad input.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const as: Record<string, Record<string, string>> = {};

const REGION = 'demo';
const CYCLE = `${REGION}-1`;
const CODES = `/api/v1/cycles/${CYCLE}/codes`;
const SECRETARIAT = 'secretariat@demo.example.org';

interface Coding {
  submissionNumber: number;
  values: string[];
  state: string;
  evidence: { value: string; passages: Passage[] }[];
  decidedBy: string | null;
  decidedAt: string | null;
}
interface CodedCountry {
  country: string;
  answer: { blocks: Block[] } | null;
  coding: Coding | null;
}

async function call(who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const headers = who ? as[who] : {};
  const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

const countriesOf = async (question: string) => {
  const { status, body } = await call('secretariat', 'GET', `${CODES}/${question}`);
  expect(status).toBe(200);
  return body.countries as CodedCountry[];
};

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(t.storage.db, { id: REGION, countries: 22, submitted: 18, cycles: 1 });
  const grants = {
    secretariat: [SECRETARIAT, { role: 'secretariat', region: REGION }],
    other: ['secretariat@arab.example.org', { role: 'secretariat', region: 'arab' }],
    focal: ['focal@xaa.example.org', { role: 'focal_point', country: demo.countries[0]!.code }],
    translator: ['translator@demo.example.org', { role: 'translator', region: REGION }],
  } as const;
  for (const [name, [email, grant]] of Object.entries(grants)) {
    as[name] = { authorization: `Bearer ${await addPerson(t.storage.db, app, email, grant)}` };
  }
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('coding answers into regional values', () => {
  it('gives the generated cycle Pacte’s default codes', async () => {
    const { status, body } = await call('secretariat', 'GET', CODES);
    expect(status).toBe(200);
    const codes = body.codes as { questionId: string; kind: string; values: { key: string }[] }[];
    expect(codes.map((c) => [c.questionId, c.kind, c.values.length])).toEqual([
      ['I.a', 'single', 3],
      ['II.a', 'multiple', 9],
      ['V.a', 'multiple', 23],
    ]);
    // Installed already: nothing more to propose.
    expect(body.defaults).toEqual([]);
  });

  it('says which default codes installing them would add, then adds exactly those', async () => {
    const cycle = await call('secretariat', 'GET', '/api/v1/cycles/' + CYCLE);
    const other = 'demo-bare';
    const created = await call('secretariat', 'POST', '/api/v1/cycles', {
      id: other,
      region: REGION,
      title: { fr: 'Sans code', en: 'No code', ar: 'بلا رموز' },
      questionnaire: (cycle.body.questionnaire as { id: string }).id,
    });
    expect(created.status).toBe(201);
    const before = await call('secretariat', 'GET', `/api/v1/cycles/${other}/codes`);
    expect(before.body.codes).toEqual([]);
    const proposed = before.body.defaults as { questionId: string; kind: string; values: number }[];
    expect(proposed.map((d) => [d.questionId, d.kind, d.values])).toEqual([
      ['I.a', 'single', 3],
      ['II.a', 'multiple', 9],
      ['V.a', 'multiple', 23],
    ]);
    const installed = await call('secretariat', 'POST', `/api/v1/cycles/${other}/codes/defaults`);
    expect(installed.body).toEqual({ created: proposed.map((d) => d.questionId) });
    expect((await call('secretariat', 'GET', `/api/v1/cycles/${other}/codes`)).body.defaults).toEqual([]);
  });

  it('suggests I.a for every country whose submission stands, each with the passages that say so', async () => {
    const { status, body } = await call('secretariat', 'POST', `${CODES}/I.a/suggestions`);
    expect(status).toBe(200);
    const submitted = demo.countries.filter((c) => c.review === 'submitted').map((c) => c.code);
    expect(body).toEqual({ suggested: submitted, kept: [] });
    const countries = await countriesOf('I.a');
    expect(countries.map((c) => c.country)).toEqual(submitted);
    for (const { country, answer, coding } of countries) {
      // The generator's answers to I.a say one value plainly, negations and distractors included.
      expect(coding?.values, country).toEqual(demoTruth(demo, country)?.['I.a']);
      expect(coding?.state).toBe('suggested');
      expect(coding?.evidence[0]?.passages.length).toBeGreaterThan(0);
      for (const passage of coding?.evidence.flatMap((e) => e.passages) ?? []) {
        expect(passageHolds(answer!.blocks, passage), `${country}: ${passage.text}`).toBe(true);
        // Whose words: the submission coded, and the question.
        expect(passage).toMatchObject({ source: { kind: 'submission', country, cycle: CYCLE }, questionId: 'I.a' });
      }
    }
  });

  it('keeps a confirmation, a correction and a rejection, with who made them, across a new run', async () => {
    const [accepted, corrected, rejected] = (await countriesOf('I.a')).slice(0, 3);
    const url = (country: string) => `${CODES}/I.a/countries/${country}`;
    const accept = await call('secretariat', 'PUT', url(accepted!.country), {
      state: 'confirmed',
      values: accepted!.coding!.values,
    });
    expect(accept.status).toBe(200);
    expect(accept.body).toMatchObject({ state: 'confirmed', values: accepted!.coding!.values, decidedBy: SECRETARIAT });
    expect(typeof accept.body.decidedByName).toBe('string');
    const other = ['new_mechanism', 'existing_mechanism', 'none'].find((v) => !corrected!.coding!.values.includes(v))!;
    const correct = await call('secretariat', 'PUT', url(corrected!.country), { state: 'confirmed', values: [other] });
    expect(correct.body).toMatchObject({ state: 'confirmed', values: [other], decidedBy: SECRETARIAT });
    const reject = await call('secretariat', 'PUT', url(rejected!.country), { state: 'rejected' });
    expect(reject.body).toMatchObject({ state: 'rejected', values: [], decidedBy: SECRETARIAT });

    const again = await call('secretariat', 'POST', `${CODES}/I.a/suggestions`);
    expect(again.body.kept).toEqual([accepted, corrected, rejected].map((c) => c!.country));
    const after = await countriesOf('I.a');
    const coding = (country: string) => after.find((c) => c.country === country)!.coding!;
    expect(coding(accepted!.country)).toMatchObject({ state: 'confirmed', values: accepted!.coding!.values });
    expect(coding(corrected!.country)).toMatchObject({ state: 'confirmed', values: [other] });
    expect(coding(rejected!.country)).toMatchObject({ state: 'rejected', values: [] });
    expect(coding(after[3]!.country).state).toBe('suggested');

    const audit = await t.storage.db
      .selectFrom('audit_event')
      .select(['action', 'actor', 'country', 'details'])
      .where('action', 'in', ['code.confirm', 'code.reject'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor, a.country])).toEqual([
      ['code.confirm', SECRETARIAT, accepted!.country],
      ['code.confirm', SECRETARIAT, corrected!.country],
      ['code.reject', SECRETARIAT, rejected!.country],
    ]);
    expect(audit[1]!.details).toMatchObject({ values: [other], suggested: corrected!.coding!.values });
  });

  it('refuses bad input with a specific error and writes nothing', async () => {
    const country = demo.countries[5]!.code;
    const url = `${CODES}/I.a/countries/${country}`;
    const before = (await countriesOf('I.a')).find((c) => c.country === country)!.coding;
    const unknown = await call('secretariat', 'PUT', url, { state: 'confirmed', values: ['maybe'] });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'code.unknown_value']);
    const two = await call('secretariat', 'PUT', url, { state: 'confirmed', values: ['none', 'new_mechanism'] });
    expect([two.status, two.body.code]).toEqual([422, 'code.single_value']);
    expect((await countriesOf('I.a')).find((c) => c.country === country)!.coding).toEqual(before);

    const code = {
      kind: 'single',
      names: { fr: 'Plan national', en: 'National plan', ar: 'خطة وطنية' },
      values: [
        { key: 'yes', labels: { fr: 'Oui', en: 'Yes', ar: 'نعم' } },
        { key: 'no', labels: { fr: 'Non', en: 'No', ar: 'لا' } },
      ],
    };
    const notAsked = await call('secretariat', 'POST', CODES, { questionId: 'IX.z', ...code });
    expect([notAsked.status, notAsked.body.code]).toEqual([422, 'code.question_not_in_questionnaire']);
    const noArabic = await call('secretariat', 'POST', CODES, {
      questionId: 'III.a',
      ...code,
      names: { fr: 'Plan national', en: 'National plan' },
    });
    expect([noArabic.status, noArabic.body.code, noArabic.body.details]).toEqual([
      422,
      'code.names_missing_language',
      { language: 'ar' },
    ]);
    const twice = await call('secretariat', 'POST', CODES, { questionId: 'I.a', ...code });
    expect([twice.status, twice.body.code]).toEqual([409, 'code.exists']);
    expect(((await call('secretariat', 'GET', CODES)).body.codes as unknown[]).length).toBe(3);

    const created = await call('secretariat', 'POST', CODES, { questionId: 'III.a', ...code });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ questionId: 'III.a', kind: 'single', updatedBy: SECRETARIAT });
    const none = await call('secretariat', 'PUT', `${CODES}/III.a/countries/${country}`, {
      state: 'confirmed',
      values: ['yes'],
    });
    expect([none.status, none.body.code]).toEqual([404, 'coded_answer.not_found']);
  });

  it('rewrites a code, but never drops a value an answer is confirmed with', async () => {
    const { body } = await call('secretariat', 'GET', `${CODES}/I.a`);
    const read = body.code as { kind: string; names: object; values: { key: string; labels: object; cues: object }[] };
    // What the code is written with: its kind, names and values (read back with its cycle, question, author).
    const code = { kind: read.kind, names: read.names, values: read.values };
    const confirmed = (body.countries as CodedCountry[]).find((c) => c.coding?.state === 'confirmed')!;
    const kept = code.values.filter((v) => v.key !== confirmed.coding!.values[0]);
    const dropping = await call('secretariat', 'PUT', `${CODES}/I.a`, { ...code, values: kept });
    expect([dropping.status, dropping.body.code, dropping.body.details]).toEqual([
      409,
      'code.values_in_use',
      { value: confirmed.coding!.values[0], country: confirmed.country },
    ]);
    // A multiple-choice code an answer is confirmed with two values of cannot become single choice.
    expect((await call('secretariat', 'POST', `${CODES}/II.a/suggestions`)).status).toBe(200);
    const stakeholders = await call('secretariat', 'GET', `${CODES}/II.a`);
    const multiple = stakeholders.body.code as typeof read;
    const country = (stakeholders.body.countries as CodedCountry[])[0]!.country;
    const two = multiple.values.slice(0, 2).map((v) => v.key);
    const decided = await call('secretariat', 'PUT', `${CODES}/II.a/countries/${country}`, {
      state: 'confirmed',
      values: two,
    });
    expect(decided.status).toBe(200);
    const single = await call('secretariat', 'PUT', `${CODES}/II.a`, {
      kind: 'single',
      names: multiple.names,
      values: multiple.values,
    });
    expect([single.status, single.body.code, single.body.details]).toEqual([
      409,
      'code.kind_in_use',
      { country, count: 2 },
    ]);
    const renamed = { ...code, names: { fr: 'Coordination', en: 'Coordination', ar: 'التنسيق' } };
    const edited = await call('secretariat', 'PUT', `${CODES}/I.a`, renamed);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ names: renamed.names, updatedBy: SECRETARIAT });
    expect((edited.body.values as unknown[]).length).toBe(3);
  });

  it('shows codes to the region’s secretariat, and its translators read only', async () => {
    for (const who of ['other', 'focal']) {
      for (const [method, url] of [
        ['GET', CODES],
        ['GET', `${CODES}/I.a`],
        ['POST', `${CODES}/I.a/suggestions`],
      ] as const) {
        const { status, body } = await call(who, method, url);
        expect([who, url, status, body.code]).toEqual([who, url, 404, 'cycle.not_found']);
      }
    }
    const focal = await call('focal', 'PUT', `${CODES}/I.a/countries/${demo.countries[0]!.code}`, {
      state: 'rejected',
    });
    expect(focal.status).toBe(404);
    // A translator of the region reads what it translates, codes included, and changes nothing.
    expect((await call('translator', 'GET', `${CODES}/I.a`)).status).toBe(200);
    const translator = await call('translator', 'POST', `${CODES}/I.a/suggestions`);
    expect([translator.status, translator.body.code]).toEqual([403, 'auth.forbidden']);
    const anonymous = await call(null, 'GET', CODES);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'auth.required']);
  });
});
