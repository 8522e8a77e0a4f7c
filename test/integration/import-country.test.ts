import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { translate } from '../../src/i18n/index.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { moveCycle } from '../../src/services/move-cycle.js';
import { cookieHeader, createUser, multipart, signInToken } from '../support/accounts.js';
import { craftedReview } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * A review whose title names no country (issue 16, item 5): the import says so with its own code,
 * in the reader's language, and stores nothing; named with the form's `country` and `cycle` it
 * goes through, and a cycle the country does not take part in gets that cycle's own refusal.
 */
let t: TestStorage;
let app: FastifyInstance;
let focalTun = '';
const PASSWORD = 'correct horse battery staple';
const TITLE = 'Examen de test du Pacte mondial';
const file = {
  bytes: Buffer.from(craftedReview('Un comité interministériel coordonne l’examen.')),
  name: 'examen.txt',
};

beforeAll(async () => {
  t = await openTestStorage();
  await createUser(t.storage.db, 'focal.tun@example.org', PASSWORD, { role: 'focal_point', country: 'TUN' });
  // Two open cycles: one Tunisia takes part in, one it does not.
  const admin = operator('test');
  const cycle = { region: 'arab', questionnaire: 'arab-2021', opensOn: '2024-03-01', dueOn: '2024-05-31' };
  for (const [id, country] of [
    ['arab-2024', 'TUN'],
    ['arab-2025', 'MAR'],
  ] as const) {
    await createCycle(t.storage.db, admin, { id, countries: [country], ...cycle });
    await moveCycle(t.storage.db, admin, id, { to: 'open' });
  }
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  focalTun = await signInToken(app, 'focal.tun@example.org', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function upload(fields: Record<string, string>, language = 'en') {
  const body = await multipart({ store: 'true', ...fields }, file);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...body.headers, cookie: cookieHeader(focalTun), 'accept-language': language },
    payload: body.payload,
  });
  return { status: response.statusCode, json: response.json() };
}

const reviews = async () => (await t.storage.db.selectFrom('review').select('country_code').execute()).length;

describe('importing a review whose title names no country', () => {
  it.each(['fr', 'en', 'ar'] as const)('answers 422 import.country_unknown in %s, naming the title', async (lang) => {
    const response = await upload({}, lang);
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({
      code: 'import.country_unknown',
      details: { file: 'examen.txt', title: TITLE },
      message: translate(lang, 'errors', 'import.country_unknown', { file: 'examen.txt' }),
    });
    // The message is the catalogue's, not a fallback: it names the file in the reader's language.
    expect(response.json.message).toContain('examen.txt');
    expect(Object.keys(response.json.details).sort()).toEqual(['file', 'title']);
    expect(await reviews()).toBe(0);
  });

  it('says the same when only the cycle is given', async () => {
    const response = await upload({ cycle: 'arab-2024' });
    expect([response.status, response.json.code]).toEqual([422, 'import.country_unknown']);
    expect(await reviews()).toBe(0);
  });

  it('refuses a cycle the named country does not take part in with cycle.not_participating', async () => {
    const response = await upload({ country: 'TUN', cycle: 'arab-2025' }, 'fr');
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'cycle.not_participating', details: { cycle: 'arab-2025' } });
    // A check alone says so too: it must not preview what storing would refuse.
    const check = await upload({ country: 'TUN', cycle: 'arab-2025', store: 'false' });
    expect([check.status, check.json.code]).toEqual([422, 'cycle.not_participating']);
    expect(await reviews()).toBe(0);
  });

  it('imports it (201) with the country and the cycle given', async () => {
    const response = await upload({ country: 'TUN', cycle: 'arab-2024' });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      country: 'TUN',
      cycle: 'arab-2024',
      outcome: { stored: true, created: true },
    });
    expect(response.json.outcome.changed).toEqual(['I.a']);
    expect(await reviews()).toBe(1);
  });
});

describe('the check-a-file page (/imports/new, no script)', () => {
  async function send(fields: Record<string, string>) {
    const body = await multipart(fields, file);
    const response = await app.inject({
      method: 'POST',
      url: '/imports/new?lang=en',
      headers: { ...body.headers, cookie: cookieHeader(focalTun) },
      payload: body.payload,
    });
    return { status: response.statusCode, body: response.body };
  }

  it('offers the open cycles', async () => {
    const page = (await app.inject({ method: 'GET', url: '/imports/new?lang=en' })).body;
    const options = [...page.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options).toEqual(['', 'arab-2024', 'arab-2025']);
  });

  it('asks for the country when the file does not name it, the summary leading to that field', async () => {
    const response = await send({ cycle: 'arab-2024' });
    expect(response.status).toBe(422);
    const message = translate('en', 'errors', 'import.country_unknown', { file: 'examen.txt' });
    expect(response.body).toContain(`<a href="#country">${message}</a>`);
    expect(response.body).toContain(`<p class="error-message" id="country-error">${message}</p>`);
    expect(response.body).toContain(translate('en', 'ui', 'import.choose_file_again'));
    // What was chosen is chosen still.
    expect(response.body).toMatch(/<option value="arab-2024"\s+selected>/);
  });

  it('leads an unknown cycle to the cycle field, keeping the country typed', async () => {
    const response = await send({ country: 'TUN', cycle: 'arab-2099' });
    expect(response.status).toBe(404);
    expect(response.body).toContain('<a href="#cycle">');
    expect(response.body).toMatch(/id="country"[^>]*value="TUN"/s);
  });

  it('leads a cycle the country does not take part in to the cycle field', async () => {
    const response = await send({ country: 'TUN', cycle: 'arab-2025' });
    expect(response.status).toBe(422);
    expect(response.body).toContain('<a href="#cycle">');
  });

  it('shows what it understood once the country and cycle are given', async () => {
    const response = await send({ country: 'TUN', cycle: 'arab-2024' });
    expect(response.status).toBe(200);
    expect(response.body).toContain(translate('en', 'ui', 'import.preview_title'));
  });
});
