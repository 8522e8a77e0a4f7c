import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../../src/documents/zip.js';
import { listGroups } from '../../src/db/queries/country-groups.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { confirmCode } from '../../src/services/confirm-code.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { decideObjective } from '../../src/services/decide-objective.js';
import { demoTruth, generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { getCode } from '../../src/services/get-codes.js';
import { moveAnswer } from '../../src/services/move-answer.js';
import { moveReview } from '../../src/services/move-review.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { suggestCodes } from '../../src/services/suggest-codes.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The regional figures (issue 13, item 5) on a generated region whose I.a answers say values the
 * generator chose (demoTruth): the secretariat counts the confirmed codings of the submissions
 * (a correction counted as its new value; a rejected and a merely suggested answer not); the
 * public counts published answers only, leaving out a country whose published answer is not the
 * coded one; the objectives matrix; the SVG and PNG charts; who reads what.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const as: Record<string, Record<string, string>> = {};
const REGION = 'demo';
const CYCLE = `${REGION}-1`;
const FIGURES = `/api/v1/cycles/${CYCLE}/codes/I.a/figures`;
const MATRIX = `/api/v1/cycles/${CYCLE}/objectives-matrix`;
const db = () => t.storage.db;
const test = operator('test');
/** What each confirmed country's I.a coding is, as the test decided it. */
const confirmed = new Map<string, string[]>();
let rejected: string;
let suggestedOnly: string;
let published: string[];
let changed: string;
let resubmitted: string;

interface Figures {
  source: string;
  totalCountries: number;
  codedCountries: number;
  group: { id: string; name: string } | null;
  values: { key: string; label: string; count: number; countries: { code: string; name: string }[] }[];
  groups: { id: string; values: { key: string; count: number }[] }[];
}
interface Matrix {
  source: string;
  objectives: { number: number; title: string }[];
  countries: { code: string; objectives: number[] }[];
  totals: { number: number; count: number }[];
}

async function get(who: string, url: string) {
  return app.inject({ method: 'GET', url, headers: as[who] ?? {} });
}
const figuresOf = async (who: string, query = '') => (await get(who, `${FIGURES}${query}`)).json<Figures>();

/** The counts per value the test expects from the codings it confirmed, for some countries. */
function expected(countries: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = { new_mechanism: 0, existing_mechanism: 0, none: 0 };
  for (const country of countries) for (const v of confirmed.get(country) ?? []) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
const countsOf = (f: Figures) => Object.fromEntries(f.values.map((v) => [v.key, v.count]));

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(db(), { id: REGION, countries: 22, submitted: 18, cycles: 1 });
  const grants = {
    secretariat: ['secretariat@demo.example.org', { role: 'secretariat', region: REGION }],
    translator: ['translator@demo.example.org', { role: 'translator', region: REGION }],
    other: ['secretariat@arab.example.org', { role: 'secretariat', region: 'arab' }],
  } as const;
  for (const [name, [email, grant]] of Object.entries(grants)) {
    as[name] = { authorization: `Bearer ${await addPerson(db(), app, email, grant)}` };
  }
  // Suggest I.a, then confirm every suggestion but two: one rejected, one left suggested; one
  // confirmation is a correction (another value than suggested).
  await suggestCodes(db(), test, { cycle: CYCLE, questionId: 'I.a' });
  const { countries } = await getCode(db(), test, { cycle: CYCLE, questionId: 'I.a' });
  const coded = countries.filter((c) => c.coding?.state === 'suggested');
  rejected = coded[0]!.country;
  suggestedOnly = coded[1]!.country;
  await confirmCode(db(), test, { cycle: CYCLE, questionId: 'I.a', country: rejected }, { state: 'rejected' });
  for (const [i, { country, coding }] of coded.slice(2).entries()) {
    const values = i === 0 ? (coding!.values[0] === 'none' ? ['new_mechanism'] : ['none']) : coding!.values;
    await confirmCode(db(), test, { cycle: CYCLE, questionId: 'I.a', country }, { state: 'confirmed', values });
    confirmed.set(country, values);
  }
  // Three confirmed countries published; the third's I.a is then corrected and published again.
  published = [...confirmed.keys()].slice(1, 4);
  for (const country of published) await moveReview(db(), test, { country, cycle: CYCLE }, { to: 'published' });
  changed = published.pop()!;
  const target = { country: changed, cycle: CYCLE };
  await moveReview(db(), test, target, { to: 'draft', reason: 'Une précision.' });
  const q = { ...target, questionId: 'I.a' };
  await moveAnswer(db(), test, q, { to: 'drafting', comment: 'Une précision.' });
  const { revision } = await db()
    .selectFrom('answer')
    .innerJoin('review', 'review.id', 'answer.review_id')
    .select('answer.revision')
    .where('review.country_code', '=', changed)
    .where('review.cycle_id', '=', CYCLE)
    .where('answer.question_id', '=', 'I.a')
    .executeTakeFirstOrThrow();
  const blocks = [{ type: 'paragraph' as const, text: 'Texte corrigé après publication.' }];
  await saveAnswer(db(), test, q, { blocks, baseRevision: revision });
  await decideObjective(db(), test, { ...q, objective: 7 }, 'confirmed');
  await moveAnswer(db(), test, q, { to: 'in_review' });
  await moveAnswer(db(), test, q, { to: 'approved' });
  await moveReview(db(), test, target, { to: 'validated' });
  await moveReview(db(), test, target, { to: 'published' });
  // A returned review: its team confirms objective 3 on I.a and submits again (submission 2).
  resubmitted = demo.countries.find((c) => c.review === 'returned')!.code;
  const back = { country: resubmitted, cycle: CYCLE };
  await decideObjective(db(), test, { ...back, questionId: 'I.a', objective: 3 }, 'confirmed');
  await moveReview(db(), test, back, { to: 'validated' });
  await moveReview(db(), test, back, { to: 'submitted' });
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('a code’s figures', () => {
  it('the secretariat counts the confirmed codings of the submissions, a correction as its new value', async () => {
    expect(confirmed.size).toBeGreaterThan(10);
    // The generator's truth is what was confirmed, but for the one correction.
    const truths = [...confirmed].filter(([c, v]) => String(demoTruth(demo, c)?.['I.a']) === String(v));
    expect(truths).toHaveLength(confirmed.size - 1);
    for (const who of ['secretariat', 'translator']) {
      const figures = await figuresOf(who, '?lang=fr');
      expect(figures.source, who).toBe('submission');
      expect(countsOf(figures)).toEqual(expected(confirmed.keys()));
      expect(figures).toMatchObject({
        countedFrom: 'codings',
        totalCountries: 22,
        codedCountries: confirmed.size,
        group: null,
      });
      const listed = figures.values.flatMap((v) => v.countries.map((c) => c.code));
      expect(listed).not.toContain(rejected);
      expect(listed).not.toContain(suggestedOnly);
      expect(figures.values.map((v) => v.label)).toEqual([
        'Nouveau mécanisme de coordination',
        expect.any(String),
        expect.any(String),
      ]);
    }
  });

  it('by group: the group’s members only, and every group’s counts alongside', async () => {
    const all = await figuresOf('secretariat', '?lang=ar');
    const north = all.groups[0]!;
    const members = (await listGroups(db(), REGION, north.id))[0]!.countries;
    const figures = await figuresOf('secretariat', `?group=${north.id}&lang=ar`);
    expect(figures.group).toMatchObject({ id: north.id, name: expect.stringMatching(/[\u0600-\u06ff]/u) });
    expect(figures.totalCountries).toBe(members.length);
    const ofGroup = expected([...confirmed.keys()].filter((c) => members.includes(c)));
    expect(countsOf(figures)).toEqual(ofGroup);
    expect(Object.fromEntries(north.values.map((v) => [v.key, v.count]))).toEqual(ofGroup);
    expect((await get('secretariat', `${FIGURES}?group=nowhere`)).json().code).toBe('group.not_found');
  });

  it('the public and another region’s secretariat: published answers that are the coded ones only', async () => {
    for (const who of ['anonymous', 'other']) {
      const figures = await figuresOf(who);
      expect(figures.source, who).toBe('published');
      expect(countsOf(figures), who).toEqual(expected(published));
      expect(figures.codedCountries).toBe(published.length);
      expect(figures.values.flatMap((v) => v.countries.map((c) => c.code))).not.toContain(changed);
    }
  });

  it('a planned cycle is not there but for its secretariat; an unknown code is 404', async () => {
    await createCycle(db(), test, { id: `${REGION}-9`, region: REGION, questionnaire: 'arab-2021' });
    for (const who of ['anonymous', 'other', 'translator']) {
      const response = await get(who, `/api/v1/cycles/${REGION}-9/codes/I.a/figures`);
      expect([response.statusCode, response.json().code], who).toEqual([404, 'cycle.not_found']);
      const matrix = await get(who, `/api/v1/cycles/${REGION}-9/objectives-matrix`);
      expect([matrix.statusCode, matrix.json().code], who).toEqual([404, 'cycle.not_found']);
    }
    const own = await get('secretariat', `/api/v1/cycles/${REGION}-9/codes/I.a/figures`);
    expect([own.statusCode, own.json().code]).toEqual([404, 'code.not_found']);
    expect((await get('secretariat', `/api/v1/cycles/${REGION}-9/objectives-matrix`)).statusCode).toBe(200);
    expect((await get('anonymous', `/api/v1/cycles/${CYCLE}/codes/III.a/figures`)).json().code).toBe('code.not_found');
  });
});

describe('the objectives matrix', () => {
  it('the secretariat: objectives confirmed in the latest submissions; the public: in published versions', async () => {
    const own = (await get('secretariat', MATRIX)).json<Matrix>();
    expect(own.objectives).toHaveLength(23);
    const withObjectives = own.countries.filter((c) => c.objectives.length > 0);
    expect(withObjectives.map((c) => [c.code, c.objectives])).toEqual([[resubmitted, [3]]]);
    expect(own.totals.find((x) => x.number === 3)!.count).toBe(1);

    const open = (await get('anonymous', `${MATRIX}?lang=ar`)).json<Matrix>();
    expect(open.source).toBe('published');
    expect(open.countries.map((c) => c.code).sort()).toEqual([...published, changed].sort());
    expect(open.countries.filter((c) => c.objectives.length > 0)).toEqual([
      expect.objectContaining({ code: changed, objectives: [7] }),
    ]);
    expect(open.objectives[0]!.title).toMatch(/[\u0600-\u06ff]/u);
  });
});

describe('the charts', () => {
  it('SVG: one link per bar to the coding page (secretariat) or the published answers (public), in Arabic', async () => {
    const own = await get('secretariat', `${FIGURES}.svg?lang=ar`);
    expect(own.headers['content-type']).toMatch(/^image\/svg\+xml/u);
    const links = [...own.body.matchAll(/<a [^>]*href="([^"]+)"/gu)].map((m) => m[1]!.replace(/&amp;/gu, '&'));
    expect(links).toEqual(
      ['new_mechanism', 'existing_mechanism', 'none'].map(
        (v) => `/app/cycles/${CYCLE}/codes/I.a?value=${v}#value-${v}`,
      ),
    );
    const labels = (await figuresOf('secretariat', '?lang=ar')).values.map((v) => v.label);
    for (const label of labels) expect(own.body).toContain(label);
    const open = await get('anonymous', `${FIGURES}.svg?lang=fr`);
    const publicLinks = [...open.body.matchAll(/<a [^>]*href="([^"]+)"/gu)].map((m) => m[1]);
    expect(publicLinks).toEqual(Array(3).fill(`/cycles/${CYCLE}/questions/I.a?lang=fr`));
  });

  it('DOCX of the coded question: the chart as a PNG after the wording, the counts as a table', async () => {
    const docx = async (who: string, lang: string) => {
      const url = `/api/v1/cycles/${CYCLE}/questions/I.a/answers.docx?lang=${lang}`;
      const response = await get(who, url);
      expect(response.statusCode).toBe(200);
      const limits = { maxUncompressedBytes: 50_000_000, maxEntries: 100 };
      const names = ['word/document.xml', 'word/_rels/document.xml.rels'];
      const entries = await readZipEntries(response.rawPayload, 'x.docx', limits, names);
      const rels = entries.get(names[1]!)!.toString('utf8');
      const media = [...rels.matchAll(/Target="(media\/[^"]+\.png)"/gu)].map((m) => `word/${m[1]}`);
      const png =
        media.length === 1
          ? (await readZipEntries(response.rawPayload, 'x.docx', limits, media)).get(media[0]!)
          : undefined;
      return { xml: entries.get(names[0]!)!.toString('utf8'), media, png };
    };
    const own = await docx('secretariat', 'fr');
    expect(own.media).toHaveLength(1);
    expect([...own.png!.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const figures = await figuresOf('secretariat', '?lang=fr');
    const text = own.xml.replace(/<[^>]+>/gu, '');
    // « n sur N »: N the countries whose answer is coded, as on the pages (not the 22 taking part).
    expect(figures.codedCountries).toBeLessThan(22);
    for (const v of figures.values) expect(text).toContain(`${v.label}${v.count} sur ${figures.codedCountries}`);
    // The image comes after the question's wording and before the first country.
    const image = own.xml.indexOf('<w:drawing>');
    expect(image).toBeGreaterThan(own.xml.indexOf('I.a — '));
    expect(own.xml).toMatch(
      new RegExp(
        `descr="Diagramme en barres[^"]*Nouveau mécanisme de coordination : \\d+ sur ${figures.codedCountries}`,
        'u',
      ),
    );
    // The public's document counts published answers only.
    const open = await docx('anonymous', 'ar');
    const publicCounts = expected(published);
    const arabic = await figuresOf('anonymous', '?lang=ar');
    const coded = Object.values(publicCounts).reduce((a, b) => a + b, 0);
    expect(arabic.codedCountries).toBe(coded);
    const openText = open.xml.replace(/<[^>]+>/gu, '');
    for (const v of arabic.values) expect(openText).toContain(`${v.label}${publicCounts[v.key]} من ${coded}`);
  });

  it('PNG: a PNG image of plausible size', async () => {
    const png = await get('anonymous', `${FIGURES}.png?lang=ar`);
    expect(png.headers['content-type']).toBe('image/png');
    expect([...png.rawPayload.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.rawPayload.readUInt32BE(16)).toBeGreaterThan(1000);
    expect(png.rawPayload.length).toBeGreaterThan(5_000);
    expect(png.rawPayload.length).toBeLessThan(500_000);
  });
});
