import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { confirmCode } from '../../src/services/confirm-code.js';
import { decideObjective } from '../../src/services/decide-objective.js';
import { generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { getCode } from '../../src/services/get-codes.js';
import { moveReview } from '../../src/services/move-review.js';
import { suggestCodes } from '../../src/services/suggest-codes.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The public figures page (`/cycles/{cycle}/figures`, src/http/pages/figures-page.ts) on a
 * generated region: it counts the confirmed codings of PUBLISHED answers only, whoever reads it
 * (signed in as the secretariat too), draws a chart only where something published is coded and
 * says so elsewhere, in fr/en/ar with the portal's lang and dir; an unknown cycle is a 404 page.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const REGION = 'demo';
const CYCLE = `${REGION}-1`;
const db = () => t.storage.db;
const test = operator('test');
let secretariat: Record<string, string>;
/** Confirmed on I.a: the first two published, the others not. */
let confirmed: { country: string; values: string[] }[];

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(db(), { id: REGION, countries: 22, submitted: 18, cycles: 1 });
  const token = await addPerson(db(), app, 'secretariat@demo.example.org', { role: 'secretariat', region: REGION });
  secretariat = { authorization: `Bearer ${token}` };
  await suggestCodes(db(), test, { cycle: CYCLE, questionId: 'I.a' });
  const { countries } = await getCode(db(), test, { cycle: CYCLE, questionId: 'I.a' });
  confirmed = countries
    .filter((c) => c.coding?.state === 'suggested' && c.coding.values.length > 0)
    .slice(0, 5)
    .map((c) => ({ country: c.country, values: c.coding!.values }));
  for (const { country, values } of confirmed) {
    await confirmCode(db(), test, { cycle: CYCLE, questionId: 'I.a', country }, { state: 'confirmed', values });
  }
  // Objective 7 confirmed on the first published country's I.a (its review taken back to draft
  // for that, its answers unchanged, then published): the matrix's one ✓.
  const first = { country: confirmed[0]!.country, cycle: CYCLE };
  await moveReview(db(), test, first, { to: 'draft', reason: 'Un objectif à confirmer.' });
  await decideObjective(db(), test, { ...first, questionId: 'I.a', objective: 7 }, 'confirmed');
  for (const { country } of confirmed.slice(0, 2)) {
    await moveReview(db(), test, { country, cycle: CYCLE }, { to: 'published' });
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

/** I.a's section of the page: the countries its table names, and its counts per value. */
function codeSection(body: string, question: string) {
  const start = body.indexOf(`id="figures-${question.replace('.', '-')}"`);
  const end = body.indexOf('</section>', start);
  return body.slice(start, end);
}

describe('the public figures page', () => {
  it('counts published answers only, whoever reads it', async () => {
    for (const headers of [{}, secretariat]) {
      const page = await app.inject({ method: 'GET', url: `/cycles/${CYCLE}/figures?lang=fr`, headers });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<html lang="fr" dir="ltr">');
      const section = codeSection(page.body, 'I.a');
      const counts = [...section.matchAll(/data-count="(\d+)"/gu)].map((m) => Number(m[1]));
      const published = confirmed.slice(0, 2);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(published.reduce((n, c) => n + c.values.length, 0));
      for (const { country } of confirmed) {
        const name = demo.countries.find((c) => c.code === country)!.name.fr!;
        expect(section.includes(`>${name}</a`), country).toBe(published.some((c) => c.country === country));
      }
      // The chart is drawn, inlined, with no script; its bars lead to the published answers.
      expect(section).toContain('<svg');
      expect(section).not.toContain('<script');
      expect(section).toContain(`/cycles/${CYCLE}/questions/I.a?lang=fr`);
      // II.a: nothing published is coded — said, and no chart.
      const other = codeSection(page.body, 'II.a');
      expect(other).toContain('Aucune réponse publiée n’est codée');
      expect(other).not.toContain('<svg');
      // The objectives matrix: 23 rows, the published countries' columns.
      expect(page.body.match(/<th scope="row">\d+\. /gu)).toHaveLength(23);
      const row7 = page.body.slice(page.body.indexOf('<th scope="row">7. '), page.body.indexOf('<th scope="row">8. '));
      expect(
        row7.match(/<span aria-hidden="true">✓<\/span\s*><span class="visually-hidden">confirmé<\/span>/gu),
      ).toHaveLength(1);
      expect(page.body.match(/✓<\/span/gu)).toHaveLength(1);
    }
  });

  it('in Arabic and English with the portal’s layout; an unknown cycle is a 404 page', async () => {
    const ar = await app.inject({ method: 'GET', url: `/cycles/${CYCLE}/figures?lang=ar` });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('أرقام الدورة');
    const en = await app.inject({ method: 'GET', url: `/cycles/${CYCLE}/figures?lang=en` });
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('The cycle’s figures');
    const missing = await app.inject({ method: 'GET', url: '/cycles/no-such-cycle/figures?lang=fr' });
    expect(missing.statusCode).toBe(404);
  });

  it('is linked from the open-data page and from « Comparer les réponses »', async () => {
    const open = await app.inject({ method: 'GET', url: '/open-data?lang=fr' });
    expect(open.body).toContain(`href="/cycles/${CYCLE}/figures?lang=fr"`);
    const compare = await app.inject({ method: 'GET', url: `/cycles/${CYCLE}/questions/I.a?lang=fr` });
    expect(compare.body).toContain(`href="/cycles/${CYCLE}/figures?lang=fr"`);
  });
});
