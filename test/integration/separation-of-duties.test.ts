import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { generateDemoRegion } from '../../src/services/generate-demo-region.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Separation of duties (issue 12, item 7; migration 024), over the API on both engines: whoever
 * wrote an answer's current text may not approve it — refused with answer.self_approval in the
 * reader's language, nothing written — while a validator may; the editor and the dashboard offer
 * « approve » only to whoever may; an administrator waives the rule for one country (audited),
 * and the demo region records its waiver instead of pretending to be two people.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const SETTINGS = '/api/v1/countries/MAR/settings';
const Q = 'II.b';

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function call(who: Persona | 'anonymous', method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
}

const move = (who: Persona, to: string, lang = 'en') =>
  call(who, 'POST', `${REVIEW}/answers/${Q}/status?lang=${lang}`, { to });

/** Whether `who` is offered « approve » for Q, in its editor and on the dashboard. */
async function offered(who: Persona) {
  const answer = (await call(who, 'GET', `${REVIEW}/answers/${Q}`)).body;
  const dashboard = (await call(who, 'GET', `${REVIEW}/workspace`)).body;
  const row = dashboard.sections
    .flatMap((s: { questions: unknown[] }) => s.questions)
    .find((q: { id: string }) => q.id === Q);
  const approves = (moves: { to: string }[]) => moves.some((m) => m.to === 'approved');
  return { editor: approves(answer.allowedMoves), may: answer.may.approve, dashboard: approves(row.allowedMoves) };
}

async function write(who: Persona, text: string) {
  const current = (await call(who, 'GET', `${REVIEW}/answers/${Q}`)).body;
  const saved = await call(who, 'PUT', `${REVIEW}/answers/${Q}`, {
    blocks: [{ type: 'paragraph', text }],
    baseRevision: current.revision,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

const statusOf = async () => (await call('focal', 'GET', `${REVIEW}/answers/${Q}`)).body.status;

describe('the author of an answer’s current text', () => {
  it('may not approve it: 403 answer.self_approval in the reader’s language, and the answer stays in review', async () => {
    await write('focal', 'Texte rédigé par le point focal.');
    expect((await move('focal', 'in_review')).status).toBe(200);
    expect(await offered('focal')).toEqual({ editor: false, may: false, dashboard: false });
    expect(await offered('validator')).toEqual({ editor: true, may: true, dashboard: true });
    const refused = await move('focal', 'approved');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('answer.self_approval');
    expect(refused.body.message).toBe(
      "You wrote this answer's current text: another member of the team (the validator) must approve it.",
    );
    expect((await move('focal', 'approved', 'fr')).body.message).toContain('un autre membre de l');
    expect((await move('focal', 'approved', 'ar')).body.message).toContain('المُصادِق');
    expect(await statusOf()).toBe('in_review');
    const audit = (await call('focal', 'GET', `${REVIEW}/audit`)).body.events as { action: string; details: object }[];
    expect(
      audit.filter((e) => e.action === 'answer.status' && JSON.stringify(e.details).includes('"approved"')),
    ).toEqual([]);
  });

  it('is approved by the validator', async () => {
    expect((await move('validator', 'approved')).status).toBe(200);
    expect(await statusOf()).toBe('approved');
  });

  it('binds administrators too: an administrator who rewrites an answer leaves its approval to someone else', async () => {
    expect(
      (await call('focal', 'POST', `${REVIEW}/answers/${Q}/status`, { to: 'drafting', comment: 'Mise à jour' })).status,
    ).toBe(200);
    await write('admin', 'Texte corrigé par l’administrateur.');
    expect((await move('admin', 'in_review')).status).toBe(200);
    expect((await move('admin', 'approved')).body.code).toBe('answer.self_approval');
    // The focal point did not write this text: it may approve it.
    expect(await offered('focal')).toMatchObject({ editor: true, may: true });
    expect((await move('focal', 'approved')).status).toBe(200);
  });
});

describe('a country’s waiver of the rule', () => {
  it('is read by the country’s team and administrators, and refused to others', async () => {
    expect((await call('focal', 'GET', SETTINGS)).body).toEqual({ country: 'MAR', selfApproval: false, changes: [] });
    expect((await call('validator', 'GET', SETTINGS)).status).toBe(200);
    expect((await call('admin', 'GET', SETTINGS)).status).toBe(200);
    expect((await call('focalTun', 'GET', SETTINGS)).status).toBe(403);
    expect((await call('contributorA', 'GET', SETTINGS)).status).toBe(403);
    expect((await call('anonymous', 'GET', SETTINGS)).status).toBe(401);
    expect((await call('admin', 'GET', '/api/v1/countries/XXQ/settings')).body.code).toBe('country.not_found');
  });

  it('is set by an administrator only, audited, and then lets the author approve', async () => {
    for (const who of ['focal', 'validator', 'secretariat', 'focalTun'] as const) {
      const refused = await call(who, 'PUT', SETTINGS, { selfApproval: true });
      expect(refused.status, who).toBe(403);
      expect(refused.body.code, who).toBe('auth.forbidden');
    }
    expect((await call('focal', 'GET', SETTINGS)).body.selfApproval).toBe(false);
    expect((await call('admin', 'PUT', SETTINGS, { selfApproval: true })).body).toEqual({
      country: 'MAR',
      selfApproval: true,
    });
    // Setting it again changes nothing and is not audited twice.
    expect((await call('admin', 'PUT', SETTINGS, {})).body.selfApproval).toBe(true);
    const events = await t.storage.db
      .selectFrom('audit_event')
      .select(['actor', 'country', 'details'])
      .where('action', '=', 'country.settings')
      .execute();
    expect(events).toEqual([
      {
        actor: 'admin@example.org',
        country: 'MAR',
        details: { before: { selfApproval: false }, after: { selfApproval: true } },
      },
    ]);
    // The administrators read the change on the settings (the admin page shows it); the team does not.
    expect((await call('admin', 'GET', SETTINGS)).body.changes).toEqual([
      { at: expect.any(String), actor: 'admin@example.org', actorName: 'admin@example.org', selfApproval: true },
    ]);
    expect((await call('focal', 'GET', SETTINGS)).body.changes).toEqual([]);

    expect(
      (await call('focal', 'POST', `${REVIEW}/answers/${Q}/status`, { to: 'drafting', comment: 'Encore' })).status,
    ).toBe(200);
    await write('focal', 'Le point focal est aussi le validateur de son équipe.');
    expect((await move('focal', 'in_review')).status).toBe(200);
    expect(await offered('focal')).toEqual({ editor: true, may: true, dashboard: true });
    expect((await move('focal', 'approved')).status).toBe(200);
  });

  it('is restored by an administrator: the author is refused again', async () => {
    expect((await call('admin', 'PUT', SETTINGS, { selfApproval: false })).body.selfApproval).toBe(false);
    expect(
      (await call('focal', 'POST', `${REVIEW}/answers/${Q}/status`, { to: 'drafting', comment: 'Encore' })).status,
    ).toBe(200);
    expect((await move('focal', 'in_review')).status).toBe(200);
    expect((await move('focal', 'approved')).body.code).toBe('answer.self_approval');
  });
});

describe('the demo region', () => {
  it('records and audits the waiver for the fictional countries whose answers it approved, and for no other', async () => {
    const region = await generateDemoRegion(t.storage.db, { id: 'duties', countries: 3, submitted: 1, cycles: 1 });
    const waived = await t.storage.db
      .selectFrom('country')
      .select('code')
      .where('self_approval', '=', true)
      .orderBy('code')
      .execute();
    // Submitted and returned reviews had every answer approved; the partial one had none.
    const approvedIn = region.countries.filter((c) => c.review === 'submitted' || c.review === 'returned');
    expect(approvedIn.length).toBeGreaterThan(0);
    expect(waived.map((c) => c.code)).toEqual(approvedIn.map((c) => c.code).sort());
    const audited = await t.storage.db
      .selectFrom('audit_event')
      .select(['country', 'actor'])
      .where('action', '=', 'country.settings')
      .where('actor', '=', 'cli:demo')
      .orderBy('country')
      .execute();
    expect(audited.map((e) => e.country)).toEqual(approvedIn.map((c) => c.code).sort());
  });
});
