import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxLines } from '../../src/documents/import-docx.js';
import { DEFAULT_LIMITS } from '../../src/domain/read-limits.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { closeExportBrowser, exportReview } from '../../src/services/export-review.js';
import { generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { publishReview } from '../support/pacte.js';
import { createWorld, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Synthetic data is labelled wherever it is shown (issue 11, item 6): a fictional country's
 * review carries `synthetic` in every JSON that presents it, a label on every page and at the
 * top of every export, a column in CSV and open data; Morocco's real review carries none of it.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let demo: DemoRegion;
let dir: string;
/** A fictional country whose review was submitted, then published here. */
let fictional: string;
const db = () => t.storage.db;
const admin = operator('test');
const get = (url: string, who: Parameters<World['as']>[0] = 'admin') =>
  app.inject({ method: 'GET', url, headers: world.as(who) });

const LABEL = { fr: 'Données fictives', en: 'Synthetic data', ar: 'بيانات افتراضية' };

beforeAll(async () => {
  t = await openTestStorage();
  dir = mkdtempSync(join(tmpdir(), 'pacte-synthetic-'));
  demo = await generateDemoRegion(db(), { id: 'demo', countries: 3, submitted: 2, cycles: 1 });
  fictional = demo.countries.find((c) => c.review === 'submitted')!.code;
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app); // Morocco's seed review, a draft, and the personas
  await publishReview(db(), 'MAR', 'arab-2021');
  await publishReview(db(), fictional, 'demo-1');
}, 300_000);
afterAll(async () => {
  await closeExportBrowser();
  await app?.close();
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the API', () => {
  it('review JSON, dashboard, answer and history say synthetic for a fictional country, not for Morocco', async () => {
    const review = await get(`/api/v1/reviews/${fictional}/demo-1`);
    expect(review.json().synthetic).toBe(true);
    expect((await get('/api/v1/reviews/MAR/arab-2021')).json()).not.toHaveProperty('synthetic');
    const question = 'I.a';
    for (const [base, synthetic] of [
      [`/api/v1/reviews/${fictional}/demo-1`, true],
      ['/api/v1/reviews/MAR/arab-2021', false],
    ] as const) {
      const pages = [`${base}/workspace`, `${base}/answers/${question}`, `${base}/answers/${question}/revisions`];
      for (const url of pages) {
        const response = await get(url);
        expect([url, response.statusCode, response.json().synthetic]).toEqual([url, 200, synthetic]);
      }
    }
  });

  it('lists (reviews, tasks, a cycle’s submissions) carry synthetic on each row', async () => {
    const flags = (rows: { country: string; synthetic: boolean }[]) =>
      Object.fromEntries(rows.map((r) => [r.country, r.synthetic]));
    const expected = { MAR: false, ...Object.fromEntries(demo.countries.map((c) => [c.code, true])) };
    const reviews = (await get('/api/v1/reviews')).json().reviews;
    expect(flags(reviews)).toMatchObject(expected);
    expect(flags((await get('/api/v1/tasks')).json().reviews)).toMatchObject(expected);
    const submitted = (await get('/api/v1/cycles/demo-1/submissions')).json().submissions;
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((s: { synthetic: boolean }) => s.synthetic)).toBe(true);
    // The public sees the published ones only, labelled the same.
    expect(flags((await get('/api/v1/reviews', 'anonymous')).json().reviews)).toEqual({
      MAR: false,
      [fictional]: true,
    });
  });

  it('search hits say which answers are synthetic', async () => {
    const fictive = (await get('/api/v1/search?q=fictif&lang=fr', 'anonymous')).json();
    expect(fictive.hits.length).toBeGreaterThan(0);
    const hits = fictive.hits as { country: string; synthetic: boolean }[];
    expect(hits.every((h) => h.country === fictional && h.synthetic)).toBe(true);
    const morocco = (await get('/api/v1/search?q=migration&lang=fr&country=MAR', 'anonymous')).json();
    expect(morocco.hits.length).toBeGreaterThan(0);
    expect(morocco.hits.every((h: { synthetic: boolean }) => h.synthetic === false)).toBe(true);
  });
});

describe('the public portal', () => {
  it('labels the review page, its line on the home page and its search results, in the reader’s language', async () => {
    for (const lang of ['fr', 'ar'] as const) {
      const page = (await get(`/reviews/${fictional}/demo-1?lang=${lang}`, 'anonymous')).body;
      expect(page).toContain('class="synthetic-banner" role="note"');
      expect(page).toContain(LABEL[lang]);
      const morocco = (await get(`/reviews/MAR/arab-2021?lang=${lang}`, 'anonymous')).body;
      expect(morocco).not.toContain('class="synthetic-banner"');
      const home = (await get(`/?lang=${lang}`, 'anonymous')).body;
      expect(home.split('synthetic-tag').length - 1).toBe(1); // the one published fictional review
      const search = (await get(`/search?q=fictif&lang=${lang}`, 'anonymous')).body;
      expect(search).toContain(`synthetic-tag">${LABEL[lang]}`);
    }
    const moroccoSearch = (await get('/search?q=migration&country=MAR&lang=fr', 'anonymous')).body;
    expect(moroccoSearch).toContain('class="result"');
    expect(moroccoSearch).not.toContain('synthetic-tag');
  });
});

describe('exports', () => {
  const run = (country: string, format: string, lang: 'fr' | 'en' | 'ar') =>
    exportReview(db(), admin, { country, cycle: country === 'MAR' ? 'arab-2021' : 'demo-1', format, lang });

  it('JSON and CSV carry the field and the column; Morocco’s say false', async () => {
    expect(JSON.parse((await run(fictional, 'json', 'fr')).bytes.toString('utf8')).synthetic).toBe(true);
    const csvRows = (country: string) =>
      run(country, 'csv', 'fr').then((f) => f.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean));
    const [header, ...rows] = await csvRows(fictional);
    expect(header!.split(',').at(-1)).toBe('synthetic');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.endsWith(',true'))).toBe(true);
    expect((await csvRows('MAR')).slice(1).every((row) => row.endsWith(',false'))).toBe(true);
  });

  it('HTML and DOCX say it first, in the export’s language', async () => {
    for (const lang of ['fr', 'en', 'ar'] as const) {
      const html = (await run(fictional, 'html', lang)).bytes.toString('utf8');
      expect(html).toContain(`synthetic-tag">${LABEL[lang]}`);
      const docx = await run(fictional, 'docx', lang);
      const lines = (await readDocxLines(docx.bytes, 'x.docx', DEFAULT_LIMITS)).map((l) => l.text);
      // The title, then the line that says the data is synthetic, before cycle and country.
      expect(
        lines.slice(0, 3).some((line) => line.startsWith(`${LABEL[lang]}:`) || line.startsWith(`${LABEL[lang]} :`)),
      ).toBe(true);
    }
    expect((await run('MAR', 'html', 'fr')).bytes.toString('utf8')).not.toContain('class="synthetic-banner"');
    const morocco = await readDocxLines((await run('MAR', 'docx', 'fr')).bytes, 'x.docx', DEFAULT_LIMITS);
    expect(morocco.some((l) => l.text.includes(LABEL.fr))).toBe(false);
  });

  it('PDF says it on the cover and in every page’s header', async () => {
    const pdf = (await run(fictional, 'pdf', 'en')).bytes;
    const path = join(dir, 'fictional.pdf');
    writeFileSync(path, pdf);
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const pages = result.stdout.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('Synthetic data: this country and its answers are fictional');
    expect(pages.every((page) => page.includes(`${LABEL.en} —`))).toBe(true);
  }, 120_000);
});

describe('open data', () => {
  it('the catalogue counts the synthetic reviews of each cycle', async () => {
    const cycles = (await get('/api/v1/open-data', 'anonymous')).json().cycles;
    const byCycle = Object.fromEntries(cycles.map((c: { cycle: string; synthetic: number }) => [c.cycle, c.synthetic]));
    expect(byCycle).toEqual({ 'arab-2021': 0, 'demo-1': 1 });
    const page = (await get('/open-data?lang=ar', 'anonymous')).body;
    expect(page.split('synthetic-tag').length - 1).toBe(1);
  });

  it('the zip says so in its description, reviews.csv, answers.csv and each review’s JSON', async () => {
    const files = unzipSync(new Uint8Array((await get('/api/v1/open-data/demo-1', 'anonymous')).rawPayload));
    const text = (name: string) => strFromU8(files[name]!).replace(/^\uFEFF/u, '');
    const datapackage = JSON.parse(text('datapackage.json'));
    expect(datapackage.description).toMatch(/^Synthetic data: All reviews/u);
    const reviewsCsv = text('reviews.csv').split('\r\n').filter(Boolean);
    expect(reviewsCsv[0]!.split(',').at(-1)).toBe('synthetic');
    expect(reviewsCsv.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${fictional},.*,true$`, 'u'))]);
    expect(
      text('answers.csv')
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .every((r) => r.endsWith(',true')),
    ).toBe(true);
    expect(JSON.parse(text(`reviews/${fictional}.json`)).synthetic).toBe(true);
    const morocco = unzipSync(new Uint8Array((await get('/api/v1/open-data/arab-2021', 'anonymous')).rawPayload));
    expect(JSON.parse(strFromU8(morocco['datapackage.json']!))).not.toHaveProperty('description');
    expect(JSON.parse(strFromU8(morocco['reviews/MAR.json']!))).not.toHaveProperty('synthetic');
    expect(strFromU8(morocco['reviews.csv']!).trimEnd().endsWith(',false')).toBe(true);
  });
});
