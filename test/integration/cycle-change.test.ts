import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import {
  DEMO_CHANGES,
  DEMO_EARLIER_PUBLISHED,
  codedValueChanges,
  droppedObjective,
} from '../../src/services/demo-earlier-cycle.js';
import { demoTruth, generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { createReview } from '../../src/services/create-review.js';
import { getCountryChange } from '../../src/services/get-country-change.js';
import { moveCycle } from '../../src/services/move-cycle.js';
import { publishReview } from '../../src/services/publish-review.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The change between two cycles (issue 14, item 6) on the generated demo region, whose earlier
 * cycle's reviews differ from the open cycle's in known ways (src/services/demo-earlier-cycle.ts):
 * the changes found exactly, for one country and for the region (coded values included), and who
 * compares what: the secretariat submissions, the country's people their working copies, the
 * public published versions, anyone else nothing (404).
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const as: Record<string, Record<string, string>> = {};

const REGION = 'demo';
const EARLIER = `${REGION}-1`;
const LATER = `${REGION}-2`;

interface Change {
  from: { source: string; number: number | null };
  to: { source: string; number: number | null };
  questions: {
    earlier: string | null;
    later: string | null;
    change: string;
    blocks: { op: string; words?: { op: string; text: string }[] }[];
  }[];
  figures: { change: string; question: string; earlier: { value: number } | null; later: unknown }[];
  objectives: { added: number[]; dropped: number[] };
  counts: Record<string, number>;
}
interface RegionRow {
  country: string;
  counts: Record<string, number>;
  codesCompared: number;
  codes: { question: string; earlier: string[]; later: string[] }[];
}

async function call(who: string | null, url: string, method: 'GET' | 'POST' | 'PUT' = 'GET', payload?: object) {
  const headers = who ? as[who] : {};
  const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const json = String(response.headers['content-type'] ?? '').includes('json');
  return { status: response.statusCode, body: (json ? response.json() : response.body) as Record<string, unknown> };
}
const countryChange = (who: string | null, country: string) =>
  call(who, `/api/v1/reviews/${country}/changes?from=${EARLIER}&to=${LATER}`);
const submittedCountries = () => demo.countries.filter((c) => c.review === 'submitted');
const indexOf = (code: string) => demo.countries.findIndex((c) => c.code === code);

/** What every compared country's change is, from the generator's plan. */
function expectKnownChange(change: Change, country: string) {
  const changed = change.questions.filter((q) => q.change === 'changed').map((q) => q.later);
  expect(changed.sort()).toEqual([...DEMO_CHANGES.changed].sort());
  expect(change.questions.filter((q) => q.change === 'only_later').map((q) => q.later)).toEqual(DEMO_CHANGES.onlyLater);
  expect(change.questions.filter((q) => q.change === 'only_earlier')).toEqual([]);
  expect(change.counts).toMatchObject({
    blocksChanged: DEMO_CHANGES.blocks.changed,
    blocksAdded: DEMO_CHANGES.blocks.added,
    blocksRemoved: DEMO_CHANGES.blocks.removed,
  });
  expect(change.figures.map((f) => [f.change, f.question, f.earlier?.value])).toEqual(
    DEMO_CHANGES.figuresDropped.map((f) => ['dropped', f.question, f.value]),
  );
  expect(change.objectives).toEqual({ added: [], dropped: [droppedObjective(indexOf(country))] });
}

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(t.storage.db, { id: REGION, countries: 22, submitted: 18, cycles: 2 });
  const [first, second] = submittedCountries();
  const grants = {
    secretariat: ['secretariat@demo.example.org', { role: 'secretariat', region: REGION }],
    other: ['secretariat@arab.example.org', { role: 'secretariat', region: 'arab' }],
    focal: ['focal@first.example.org', { role: 'focal_point', country: first!.code }],
    validator: ['validator@second.example.org', { role: 'validator', country: second!.code }],
    translator: ['translator@demo.example.org', { role: 'translator', region: REGION }],
  } as const;
  for (const [name, [email, grant]] of Object.entries(grants)) {
    as[name] = { authorization: `Bearer ${await addPerson(t.storage.db, app, email, grant)}` };
  }
}, 900_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('the change between two cycles', () => {
  it('finds, for the secretariat, each country’s known changes between its latest submissions', async () => {
    for (const { code } of submittedCountries()) {
      const { status, body } = await countryChange('secretariat', code);
      expect(status).toBe(200);
      const change = body as unknown as Change;
      expect([change.from.source, change.to.source]).toEqual(['submission', 'submission']);
      expectKnownChange(change, code);
    }
  });

  it('shows a changed block’s words, and blocks with their paths', async () => {
    const { body } = await countryChange('secretariat', submittedCountries()[0]!.code);
    const change = body as unknown as Change;
    const ib = change.questions.find((q) => q.later === 'I.b')!;
    const removed = ib.blocks[0]!.words!.filter((w) => w.op === 'removed')
      .map((w) => w.text.trim())
      .join(' ');
    expect(removed).toContain('Cette phrase du cycle précédent a été retirée depuis.');
    expect(ib.blocks[0]!.words!.some((w) => w.op === 'added')).toBe(false);
  });

  it('counts each country’s change for the region and names who changed their coded I.a values', async () => {
    // The open cycle's secretariat confirms each country's true I.a value, as it would after review.
    const codes = `/api/v1/cycles/${LATER}/codes/I.a`;
    expect((await call('secretariat', `${codes}/suggestions`, 'POST')).status).toBeLessThan(300);
    for (const { code } of submittedCountries()) {
      const values = demoTruth(demo, code)!['I.a'];
      const put = await call('secretariat', `${codes}/countries/${code}`, 'PUT', { state: 'confirmed', values });
      expect(put.status).toBe(200);
    }
    const { status, body } = await call('secretariat', `/api/v1/cycles/${LATER}/changes?from=${EARLIER}`);
    expect(status).toBe(200);
    const rows = body.countries as RegionRow[];
    expect(rows.map((r) => r.country)).toEqual(submittedCountries().map((c) => c.code));
    // Returned in the open cycle (a submission kept), with no earlier review: nothing to compare.
    const returned = demo.countries.filter((c) => c.review === 'returned').map((c) => c.code);
    expect(body.notCompared).toEqual(
      returned.map((country) => expect.objectContaining({ country, submittedIn: LATER })),
    );
    for (const row of rows) {
      expect(row.counts).toMatchObject({
        questionsChanged: DEMO_CHANGES.changed.length,
        questionsOnlyLater: DEMO_CHANGES.onlyLater.length,
        figuresDropped: 1,
        figuresChanged: 0,
        objectivesDropped: 1,
      });
    }
    const truth = submittedCountries()
      .filter((c) => codedValueChanges(indexOf(c.code)))
      .map((c) => c.code);
    expect(truth.length).toBeGreaterThan(0);
    // Every country's I.a confirmed in both cycles: one code question compared for each.
    expect(rows.map((r) => r.codesCompared)).toEqual(rows.map(() => 1));
    expect(rows.filter((r) => r.codes.length > 0).map((r) => r.country)).toEqual(truth);
    for (const row of rows.filter((r) => r.codes.length > 0)) {
      expect(row.codes).toEqual([
        { question: 'I.a', earlier: expect.any(Array), later: demoTruth(demo, row.country)!['I.a'] },
      ]);
      expect(row.codes[0]!.earlier).not.toEqual(row.codes[0]!.later);
    }
    const csv = await call('secretariat', `/api/v1/cycles/${LATER}/changes.csv?from=${EARLIER}`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/u, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(1 + rows.length);
    expect(lines.filter((l) => l.includes('I.a: '))).toHaveLength(truth.length);
  });

  it('lets the country’s focal point and validator compare their working copies, and no one else’s', async () => {
    const [first, second, third] = submittedCountries();
    const own = await countryChange('focal', first!.code);
    expect(own.status).toBe(200);
    expect((own.body as unknown as Change).from.source).toBe('working');
    expectKnownChange(own.body as unknown as Change, first!.code);
    expect((await countryChange('validator', second!.code)).status).toBe(200);
    // Another country's unpublished reviews: as if they did not exist.
    expect((await countryChange('focal', third!.code)).body).toMatchObject({ code: 'review.not_found' });
    expect((await countryChange('focal', third!.code)).status).toBe(404);
  });

  it('gives the public and other regions the published versions only, and 404 until both are published', async () => {
    const [first] = submittedCountries();
    const late = submittedCountries()[DEMO_EARLIER_PUBLISHED]!;
    for (const who of [null, 'other', 'translator']) {
      // Published in the earlier cycle, not yet in the open one.
      expect((await countryChange(who, first!.code)).status).toBe(404);
      expect((await countryChange(who, late.code)).status).toBe(404);
    }
    await publishReview(t.storage.db, operator('test'), { country: first!.code, cycle: LATER });
    for (const who of [null, 'other', 'translator']) {
      const { status, body } = await countryChange(who, first!.code);
      expect(status).toBe(200);
      const change = body as unknown as Change;
      expect([change.from.source, change.to.source]).toEqual(['published', 'published']);
      expectKnownChange(change, first!.code);
      expect((await countryChange(who, late.code)).status).toBe(404);
    }
  });

  it('keeps the region’s view to its secretariat, and compares two cycles of one region only', async () => {
    const url = `/api/v1/cycles/${LATER}/changes?from=${EARLIER}`;
    expect((await call(null, url)).status).toBe(401);
    for (const who of ['other', 'focal', 'translator']) {
      const { status, body } = await call(who, url);
      expect([status, body.code]).toEqual([404, 'cycle.not_found']);
    }
    const other = await call('secretariat', `/api/v1/cycles/${LATER}/changes?from=arab-2021`);
    expect([other.status, other.body.code]).toEqual([422, 'cycle.not_same_region']);
    const country = await call('secretariat', `/api/v1/reviews/XAA/changes?from=arab-2021&to=${LATER}`);
    expect([country.status, country.body.code]).toEqual([422, 'cycle.not_same_region']);
    const unknown = await call('secretariat', `/api/v1/reviews/XAA/changes?from=nowhere&to=${LATER}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'cycle.not_found']);
  });

  it('finds a figure whose value changed in the same words, from the figures saved with the answers', async () => {
    // Two more cycles of the region, where an administrator writes XAA's working texts itself.
    const admin = operator('test');
    const db = t.storage.db;
    const country = demo.countries[0]!.code;
    const sentence = (n: number, year: number) =>
      `En ${year}, le comité s'est réuni ${n} fois avec les partenaires. Il a reçu 40 % des fonds.`;
    for (const [id, n, year] of [
      [`${REGION}-8`, 9, 2019],
      [`${REGION}-9`, 12, 2020],
    ] as const) {
      const dates = { opensOn: `${year + 5}-01-01`, dueOn: `${year + 5}-06-30` };
      await createCycle(db, admin, { id, region: REGION, questionnaire: 'arab-2021', countries: [country], ...dates });
      await moveCycle(db, admin, id, { to: 'open' });
      await createReview(db, admin, { country, cycle: id, language: 'fr' });
      const blocks = [{ type: 'paragraph' as const, text: sentence(n, year) }];
      await saveAnswer(db, admin, { country, cycle: id, questionId: 'I.b' }, { blocks, baseRevision: 0 });
    }
    const change = await getCountryChange(db, admin, { country, from: `${REGION}-8`, to: `${REGION}-9` }, 'fr');
    expect([change.from.source, change.to.source]).toEqual(['working', 'working']);
    expect(
      change.figures.map((f) => [f.change, f.question, f.earlier?.value, f.later?.value, f.later?.period]),
    ).toEqual([['changed', 'I.b', 9, 12, '2020']]);
    expect(change.questions.map((q) => [q.later, q.change, q.blocks.map((b) => b.op)])).toEqual([
      ['I.b', 'changed', ['changed']],
    ]);
  });
});
