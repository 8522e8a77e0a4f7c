import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Country groups of a region (migration 030): the Arab region's defaults, then what its
 * secretariat may change, and each refusal with its own code; nothing is written on a refusal.
 */
let t: TestStorage;
let app: FastifyInstance;
const as: Record<string, Record<string, string>> = {};
const GROUPS = '/api/v1/regions/arab/groups';
const names = { fr: 'Vallée du Nil', en: 'Nile valley', ar: 'وادي النيل' };

const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: as[who] ?? {}, ...(payload ? { payload } : {}) });
const list = async () =>
  (await call('anonymous', 'GET', GROUPS)).json<{ groups: { id: string; countries: string[] }[] }>().groups;

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  const bearer = async (email: string, grant: Parameters<typeof addPerson>[3]) => ({
    authorization: `Bearer ${await addPerson(t.storage.db, app, email, grant)}`,
  });
  as.secretariat = await bearer('secretariat@escwa.example.org', { role: 'secretariat', region: 'arab' });
  as.focal = await bearer('focal@mar.example.org', { role: 'focal_point', country: 'MAR' });
  as.admin = await bearer('admin@example.org', { role: 'admin' });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('the Arab region’s default groups', () => {
  it('are the Maghreb, the Mashreq, the GCC and the least developed countries, readable by anyone', async () => {
    const groups = await list();
    expect(Object.fromEntries(groups.map((g) => [g.id, g.countries]))).toEqual({
      gcc: ['ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'SAU'],
      ldc: ['COM', 'DJI', 'MRT', 'SDN', 'SOM', 'YEM'],
      maghreb: ['DZA', 'LBY', 'MAR', 'MRT', 'TUN'],
      mashreq: ['EGY', 'IRQ', 'JOR', 'LBN', 'PSE', 'SYR'],
    });
    const unknown = await call('anonymous', 'GET', '/api/v1/regions/atlantis/groups');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'region.not_found']);
  });
});

describe('editing them', () => {
  it('the secretariat creates, edits and deletes a group, audited', async () => {
    const created = await call('secretariat', 'POST', GROUPS, { id: 'nile', names, countries: ['sdn', 'EGY'] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: 'nile', names, countries: ['EGY', 'SDN'] });
    const edited = await call('secretariat', 'PUT', `${GROUPS}/nile`, { names, countries: ['EGY'] });
    expect(edited.json()).toMatchObject({ countries: ['EGY'] });
    expect((await call('admin', 'DELETE', `${GROUPS}/nile`)).statusCode).toBe(204);
    expect((await list()).map((g) => g.id)).not.toContain('nile');
    const events = await t.storage.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'group.%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['group.create', 'group.edit', 'group.delete']);
  });

  it('refuses others: 401 signed out, 403 a focal point', async () => {
    const payload = { id: 'mine', names, countries: [] };
    expect((await call('anonymous', 'POST', GROUPS, payload)).json().code).toBe('auth.required');
    expect((await call('focal', 'POST', GROUPS, payload)).json().code).toBe('auth.forbidden');
    expect((await call('focal', 'PUT', `${GROUPS}/gcc`, { names, countries: [] })).statusCode).toBe(403);
    expect((await call('focal', 'DELETE', `${GROUPS}/gcc`)).statusCode).toBe(403);
    expect((await list()).map((g) => g.id)).toEqual(['gcc', 'ldc', 'maghreb', 'mashreq']);
  });

  it('says what is wrong: unknown country, outside the region, duplicate id, a name missing, a bad id', async () => {
    const refused = async (method: 'POST' | 'PUT', url: string, payload: object) => {
      const response = await call('secretariat', method, url, payload);
      return [response.statusCode, response.json().code, response.json().message];
    };
    expect(await refused('POST', `${GROUPS}?lang=fr`, { id: 'x', names, countries: ['EGY', 'ZZZ'] })).toEqual([
      422,
      'group.unknown_country',
      "Il n'existe pas de pays ZZZ.",
    ]);
    expect(await refused('POST', GROUPS, { id: 'x', names, countries: ['FRA', 'EGY'] })).toEqual([
      422,
      'group.country_outside_region',
      'These countries are not in the region: FRA.',
    ]);
    expect((await refused('POST', GROUPS, { id: 'gcc', names, countries: [] })).slice(0, 2)).toEqual([
      409,
      'group.exists',
    ]);
    expect(
      (await refused('POST', GROUPS, { id: 'x', names: { fr: 'X', en: ' ' }, countries: [] })).slice(0, 2),
    ).toEqual([422, 'group.names_missing']);
    expect((await refused('POST', GROUPS, { id: 'Not An Id', names, countries: [] })).slice(0, 2)).toEqual([
      422,
      'group.invalid_id',
    ]);
    expect((await refused('PUT', `${GROUPS}/gcc`, { names, countries: ['FRA'] })).slice(0, 2)).toEqual([
      422,
      'group.country_outside_region',
    ]);
    expect((await refused('PUT', `${GROUPS}/nowhere`, { names, countries: [] })).slice(0, 2)).toEqual([
      404,
      'group.not_found',
    ]);
    // Nothing was written by a refusal.
    const gcc = (await list()).find((g) => g.id === 'gcc');
    expect(gcc?.countries).toHaveLength(6);
    expect((await list()).map((g) => g.id)).toEqual(['gcc', 'ldc', 'maghreb', 'mashreq']);
  });
});
