import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import type { DemoRegion } from '../../src/services/generate-demo-region.js';
import { pacteAsync, type CliResult } from '../support/pacte.js';
import { createWorld, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The demo region (issue 11, item 6): `pacte demo region` makes a fictional region of fictional
 * countries, flagged synthetic, whose reviews went through the services real use goes through;
 * it never writes into a real region and refuses a second run with the same id. The numbers the
 * test checks are computed here from the plan it asked for, not read back from the generator.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let demo: DemoRegion;
const runs: Record<'again' | 'real' | 'invalid' | 'small', CliResult> = {} as never;

const COUNTRIES = 22;
const SUBMITTED = 18;
const db = () => t.storage.db;
beforeAll(async () => {
  t = await openTestStorage();
  // The CLI runs as a child on the same database: an embedded one admits one process at a time.
  await t.close();
  const args = ['--countries', String(COUNTRIES), '--submitted', String(SUBMITTED), '--cycles', '2'];
  const first = await pacteAsync(['demo', 'region', '--id', 'demo', ...args, '--json'], t.env);
  expect(first.status, first.stderr).toBe(0);
  demo = JSON.parse(first.stdout) as DemoRegion;
  runs.again = await pacteAsync(['demo', 'region', '--id', 'demo', ...args], t.env);
  runs.real = await pacteAsync(['demo', 'region', '--id', 'arab', ...args], t.env);
  runs.invalid = await pacteAsync(['demo', 'region', '--id', 'other', '--countries', '3', '--submitted', '4'], t.env);
  runs.small = await pacteAsync(['demo', 'region', '--id', 'small', '--countries', '2', '--submitted', '1'], {
    ...t.env,
    PACTE_LANG: 'fr',
  });
  await t.reopen();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app);
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('pacte demo region --json', () => {
  it('prints the region, its two cycles and 22 fictional countries named as such in fr, en and ar', () => {
    expect(demo.region).toEqual({ id: 'demo', name: expect.any(Object), synthetic: true });
    expect(demo.region.name.en).toContain('Fictional');
    // The Latin id isolated in the Arabic name, so that a right-to-left line keeps « … «demo» » in order.
    expect(demo.region.name.ar).toBe('منطقة افتراضية «\u2068demo\u2069»');
    expect(demo.cycles.map((c) => [c.id, c.state])).toEqual([
      ['demo-1', 'closed'],
      ['demo-2', 'open'],
    ]);
    expect(demo.cycles[1]!.dueOn < new Date().toISOString().slice(0, 10)).toBe(true);
    expect(demo.countries).toHaveLength(COUNTRIES);
    expect(new Set(demo.countries.map((c) => c.code)).size).toBe(COUNTRIES);
    for (const country of demo.countries) {
      expect(country.code).toMatch(/^X[A-Z]{2}$/u);
      expect(country.name.fr).toMatch(/^Pays fictif /u);
      expect(country.name.en).toMatch(/^Fictional country /u);
      expect(country.name.ar).toMatch(/^بلد افتراضي /u);
    }
    expect(new Set(demo.countries.map((c) => c.language))).toEqual(new Set(['fr', 'en', 'ar']));
  });
});

describe('what it wrote', () => {
  it('flags the region and its countries synthetic in the database, and the cycles take them all part', async () => {
    const region = await db().selectFrom('region').selectAll().where('id', '=', 'demo').executeTakeFirstOrThrow();
    expect(region.synthetic).toBe(true);
    const countries = await db()
      .selectFrom('region_member')
      .innerJoin('country', 'country.code', 'region_member.country_code')
      .select(['country.code', 'country.synthetic'])
      .where('region_id', '=', 'demo')
      .execute();
    expect(countries.map((c) => c.code.trim()).sort()).toEqual(demo.countries.map((c) => c.code).sort());
    expect(countries.every((c) => c.synthetic)).toBe(true);
    const morocco = await db()
      .selectFrom('country')
      .select('synthetic')
      .where('code', '=', 'MAR')
      .executeTakeFirstOrThrow();
    expect(morocco.synthetic).toBe(false);
    const participants = await db()
      .selectFrom('cycle_country')
      .select('cycle_id')
      .where('cycle_id', 'like', 'demo-%')
      .execute();
    expect(participants).toHaveLength(2 * COUNTRIES);
  });

  it('has 18 reviews submitted, and of the 4 others 2 returned, 1 partial draft, 1 not started', async () => {
    // The plan: the first 18 submit; the others in turn are returned, partial, not started.
    const others = COUNTRIES - SUBMITTED;
    const returned = Math.ceil(others / 3);
    const partial = Math.ceil((others - 1) / 3);
    const rows = await db()
      .selectFrom('review')
      .select(['id', 'country_code', 'status'])
      .where('cycle_id', '=', 'demo-2')
      .execute();
    const byStatus = (status: string) => rows.filter((r) => r.status === status).length;
    expect(byStatus('submitted')).toBe(SUBMITTED);
    expect(byStatus('draft')).toBe(returned + partial);
    expect(rows).toHaveLength(COUNTRIES - (others - returned - partial));
    const submissions = await db()
      .selectFrom('review_submission')
      .select('review_id')
      .where(
        'review_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(submissions).toHaveLength(SUBMITTED + returned);
    const returns = await db()
      .selectFrom('submission_event')
      .select('review_id')
      .where('kind', '=', 'returned')
      .where(
        'review_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(returns).toHaveLength(returned);
    const states = demo.countries.map((c) => c.review);
    expect(states.filter((s) => s === 'returned')).toHaveLength(returned);
    expect(states.filter((s) => s === 'not_started')).toHaveLength(others - returned - partial);
  });

  it('gives the review JSON synthetic: true in the API, with generated text in the review’s language', async () => {
    const arabic = demo.countries.find((c) => c.language === 'ar' && c.review === 'submitted')!;
    const response = await app.inject({
      url: `/api/v1/reviews/${arabic.code}/demo-2`,
      headers: world.as('admin'),
    });
    expect(response.statusCode, response.body).toBe(200);
    const review = response.json() as {
      synthetic?: boolean;
      sections: { questions: { answer: { blocks: { text: string }[] } }[] }[];
    };
    expect(review.synthetic).toBe(true);
    const text = review.sections[0]!.questions[0]!.answer.blocks[0]!.text;
    expect(text).toContain('[بيانات افتراضية]');
    expect(text).toContain(arabic.name.ar);
    const morocco = await app.inject({ url: '/api/v1/reviews/MAR/arab-2021', headers: world.as('admin') });
    expect(morocco.statusCode).toBe(200);
    expect(morocco.json()).not.toHaveProperty('synthetic');
  });
});

describe('refusals', () => {
  it('refuses a second run with the same id, a real region, and counts that do not add up (exit 2)', async () => {
    expect([runs.again.status, runs.again.stderr]).toEqual([2, expect.stringContaining('error demo.exists')]);
    expect([runs.real.status, runs.real.stderr]).toEqual([2, expect.stringContaining('error demo.real_region')]);
    expect([runs.invalid.status, runs.invalid.stderr]).toEqual([
      2,
      expect.stringContaining('error demo.invalid_request'),
    ]);
    // Nothing of the refused runs was written: only the two demo regions' cycles and countries.
    expect(await db().selectFrom('region').select('id').where('synthetic', '=', true).execute()).toHaveLength(2);
    const synthetic = await db().selectFrom('country').select('code').where('synthetic', '=', true).execute();
    expect(synthetic).toHaveLength(COUNTRIES + 2);
    expect(await db().selectFrom('cycle').select('id').where('region_id', '=', 'arab').execute()).toHaveLength(1);
  });

  it('makes a second region with codes of its own, and says so in French', async () => {
    expect(runs.small.status, runs.small.stderr).toBe(0);
    expect(runs.small.stdout).toContain(
      'région fictive small créée (données fictives) : 2 pays fictifs, 1 revue soumise',
    );
    const codes = await db()
      .selectFrom('region_member')
      .select('country_code')
      .where('region_id', '=', 'small')
      .execute();
    expect(codes.map((c) => c.country_code.trim()).sort()).toEqual(['XBA', 'XBB']);
  });
});
