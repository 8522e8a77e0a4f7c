import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { buildServer } from '../../src/http/server.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { generateDemoRegion } from '../../src/services/generate-demo-region.js';
import { importReview } from '../../src/services/import-review.js';
import { moveCycle } from '../../src/services/move-cycle.js';
import { resolveCycle } from '../../src/services/resolve-cycle.js';
import { multipart } from '../support/accounts.js';
import { SEED, pacte, seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * An unnamed cycle is looked for among the cycles of the country concerned (cycle_country): the
 * demo region's open cycle does not capture Morocco's import, whose only cycle is arab-2021
 * (closed); a country taking part in two open cycles is asked which (cycle.ambiguous).
 */
let t: TestStorage;
let app: FastifyInstance;
const db = () => t.storage.db;
const admin = operator('test');
const importMorocco = (country?: string) =>
  importReview(db(), { bytes: seedBytes(), file: 'morocco.txt', country, dryRun: true, actor: admin });

beforeAll(async () => {
  t = await openTestStorage();
  // demo-1: open, past its due date, three fictional countries; MAR takes no part in it.
  await generateDemoRegion(db(), { id: 'demo', countries: 3, submitted: 2, cycles: 1 });
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
}, 300_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('with the demo region’s cycle open', () => {
  it('an unnamed cycle means demo-1, the one open, to whoever names no country or one of its own', async () => {
    expect((await resolveCycle(db(), undefined)).id).toBe('demo-1');
    expect((await resolveCycle(db(), undefined, 'XAA')).id).toBe('demo-1');
  });

  it('Morocco’s import without a cycle still goes to arab-2021, its country named or read from the file', async () => {
    expect((await resolveCycle(db(), undefined, 'MAR')).id).toBe('arab-2021');
    expect((await importMorocco('MAR')).review.cycle).toBe('arab-2021');
    const detected = await importMorocco();
    expect([detected.review.country, detected.review.cycle]).toEqual(['MAR', 'arab-2021']);
  });

  it('through the API (POST /imports without cycle)', async () => {
    const body = await multipart({ country: 'MAR' }, { bytes: seedBytes(), name: 'morocco.txt' });
    const preview = await app.inject({ method: 'POST', url: '/api/v1/imports', ...body });
    expect(preview.statusCode, preview.body).toBe(200);
    expect((preview.json() as ReviewDocument).cycle).toBe('arab-2021');
  });
});

describe('a country taking part in two open cycles', () => {
  beforeAll(async () => {
    for (const id of ['arab-2024', 'arab-2025']) {
      const dates = { opensOn: '2024-03-01', dueOn: '2024-05-31' };
      await createCycle(db(), admin, { id, region: 'arab', questionnaire: 'arab-2021', countries: ['TUN'], ...dates });
      await moveCycle(db(), admin, id, { to: 'open' });
    }
  });

  it('is asked which, the two listed (service, import and API); another country is not', async () => {
    const ambiguous = { code: 'cycle.ambiguous', details: { cycles: 'arab-2024, arab-2025' } };
    await expect(resolveCycle(db(), undefined, 'TUN')).rejects.toMatchObject(ambiguous);
    const tunisia = { bytes: seedBytes(), file: 'tunisia.txt', country: 'TUN', dryRun: true, actor: admin };
    await expect(importReview(db(), tunisia)).rejects.toMatchObject(ambiguous);
    const body = await multipart({ country: 'TUN' }, { bytes: seedBytes(), name: 'tunisia.txt' });
    const preview = await app.inject({ method: 'POST', url: '/api/v1/imports', ...body });
    expect([preview.statusCode, preview.json().code, preview.json().details]).toEqual([
      400,
      'cycle.ambiguous',
      ambiguous.details,
    ]);
    expect((await resolveCycle(db(), undefined, 'MAR')).id).toBe('arab-2021');
    expect((await resolveCycle(db(), undefined, 'XAB')).id).toBe('demo-1');
  });
});

describe('pacte import without --cycle', () => {
  it('imports Morocco’s file into arab-2021 with the demo region present', async () => {
    await app.close();
    await t.close(); // an embedded database admits one process at a time
    const run = pacte(['import', SEED, '--dry-run', '--json'], t.env);
    expect(run.status, run.stderr).toBe(0);
    const review = JSON.parse(run.stdout) as ReviewDocument;
    expect([review.country, review.cycle]).toEqual(['MAR', 'arab-2021']);
  });
});
