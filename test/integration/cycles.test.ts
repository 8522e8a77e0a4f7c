import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalogue from '../../src/db/queries/catalogue.js';
import * as reviews from '../../src/db/queries/reviews.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { moveReview } from '../../src/services/move-review.js';
import { resolveCycle } from '../../src/services/resolve-cycle.js';
import { multipart } from '../support/accounts.js';
import { SEED, pacte, seedBytes } from '../support/pacte.js';
import { addPerson, createWorld, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Cycles (issue 11): a region's secretariat creates, edits, opens and closes its cycles; another
 * region's secretariat, a focal point and the public may not; bad settings are refused with their
 * codes and nothing is written; a review starts from an earlier one; an unnamed cycle with several
 * open is asked for, never guessed; `pacte cycle add` and `pacte cycle list`.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
/** The secretariat of another region (Africa), in which Morocco also takes part. */
let africa: Record<string, string>;

const db = () => t.storage.db;
const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers, ...(payload && { payload }) });
const secretariat = () => world.as('secretariat');

const ARAB_2024 = {
  id: 'arab-2024',
  region: 'arab',
  questionnaire: 'arab-2021',
  opensOn: '2024-03-01',
  dueOn: '2024-05-31',
  countries: ['MAR', 'tun', 'JOR'],
};

const cycleCount = async () => (await db().selectFrom('cycle').select('id').execute()).length;

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app);
  await db()
    .insertInto('region')
    .values({ id: 'africa', name: JSON.stringify({ fr: 'Afrique', en: 'Africa', ar: 'أفريقيا' }) })
    .execute();
  const token = await addPerson(db(), app, 'secretariat@africa.example.org', { role: 'secretariat', region: 'africa' });
  africa = { authorization: `Bearer ${token}` };
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('the shipped cycle', () => {
  it('is arab-2021, closed, with the dates of the 2020–21 round and the 22 League members', async () => {
    const seen = (await call({}, 'GET', '/api/v1/cycles/arab-2021')).json();
    expect(seen).toMatchObject({ state: 'closed', opensOn: '2020-06-25', dueOn: '2021-02-24', region: 'arab' });
    expect(seen.settings).toBeUndefined();
    const managed = (await call(secretariat(), 'GET', '/api/v1/cycles/arab-2021')).json();
    expect(managed.settings.countries).toHaveLength(22);
    expect(managed.settings).toMatchObject({ lateSubmissions: 'accept', createdBy: null });
  });
});

describe('a secretariat manages its region’s cycles', () => {
  it('creates a planned cycle that only it sees, with its settings', async () => {
    const created = await call(secretariat(), 'POST', '/api/v1/cycles', ARAB_2024);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'arab-2024',
      state: 'planned',
      languages: ['fr', 'en', 'ar'],
      questionnaire: { id: 'arab-2021', version: 1 },
      title: { en: 'Arab region — arab-2024' },
      settings: { countries: ['JOR', 'MAR', 'TUN'], lateSubmissions: null, createdBy: 'secretariat@escwa.example.org' },
    });
    expect((await call({}, 'GET', '/api/v1/cycles/arab-2024')).json().code).toBe('cycle.not_found');
    const publicIds = (await call({}, 'GET', '/api/v1/cycles')).json().cycles.map((c: { id: string }) => c.id);
    expect(publicIds).toEqual(['arab-2021']);
    const own = (await call(secretariat(), 'GET', '/api/v1/cycles?region=arab')).json().cycles;
    expect(own.map((c: { id: string }) => c.id)).toEqual(['arab-2024', 'arab-2021']);
    const audit = await db().selectFrom('audit_event').select('actor').where('action', '=', 'cycle.create').execute();
    expect(audit).toEqual([{ actor: 'secretariat@escwa.example.org' }]);
  });

  it('is refused to another region’s secretariat, a focal point and the public; nothing is written', async () => {
    const before = await cycleCount();
    const other = { ...ARAB_2024, id: 'arab-2025' };
    expect((await call(africa, 'POST', '/api/v1/cycles', other)).statusCode).toBe(403);
    expect((await call(world.as('focal'), 'POST', '/api/v1/cycles', other)).statusCode).toBe(403);
    expect((await call({}, 'POST', '/api/v1/cycles', other)).statusCode).toBe(401);
    // A planned cycle of another region does not exist for them; an open one is only refused.
    const edit = await call(africa, 'PATCH', '/api/v1/cycles/arab-2024', { dueOn: '2024-06-30' });
    expect([edit.statusCode, edit.json().code]).toEqual([404, 'cycle.not_found']);
    const close = await call(africa, 'POST', '/api/v1/cycles/arab-2021/state', { to: 'open' });
    expect([close.statusCode, close.json().code]).toEqual([403, 'auth.forbidden']);
    expect(
      (await call(world.as('focal'), 'PATCH', '/api/v1/cycles/arab-2021', { dueOn: '2021-03-01' })).statusCode,
    ).toBe(403);
    expect(await cycleCount()).toBe(before);
  });

  it('refuses bad settings with their codes, in the caller’s language, and writes nothing', async () => {
    const before = await cycleCount();
    const refused = async (body: object, status: number, code: string) => {
      const response = await call(secretariat(), 'POST', '/api/v1/cycles?lang=fr', {
        ...ARAB_2024,
        id: 'arab-2030',
        ...body,
      });
      expect([response.statusCode, response.json().code], JSON.stringify(body)).toEqual([status, code]);
      return response.json();
    };
    const dates = await refused({ opensOn: '2024-06-01', dueOn: '2024-05-31' }, 422, 'cycle.invalid_dates');
    expect(dates.message).toContain('Les dates du cycle ne vont pas');
    await refused({ dueOn: '2024-02-30' }, 422, 'cycle.invalid_dates');
    const unknown = await refused({ countries: ['MAR', 'XXX', 'zz'] }, 422, 'cycle.unknown_country');
    expect(unknown.details).toEqual({ countries: 'XXX, ZZ' });
    expect(unknown.message).toContain('Codes de pays inconnus');
    await refused({ questionnaire: 'nope' }, 422, 'cycle.unknown_questionnaire');
    await refused({ languages: ['fr', 'de'] }, 422, 'cycle.invalid_languages');
    await refused({ id: 'Arab 2030' }, 422, 'cycle.invalid_id');
    await refused({ id: 'arab-2024' }, 409, 'cycle.exists');
    await refused({ title: { fr: ' ' } }, 422, 'cycle.invalid_title');
    const mars = await call(world.as('admin'), 'POST', '/api/v1/cycles', { ...ARAB_2024, id: 'mars', region: 'mars' });
    expect(mars.json().code).toBe('cycle.unknown_region');
    expect(await cycleCount()).toBe(before);
    expect(await db().selectFrom('cycle_country').selectAll().where('cycle_id', '=', 'arab-2030').execute()).toEqual(
      [],
    );
    // The database refuses nonsense whoever writes: due before opening.
    await expect(
      db().updateTable('cycle').set({ opens_on: '2024-06-01' }).where('id', '=', 'arab-2024').execute(),
    ).rejects.toThrow(/cycle_dates/u);
  });

  it('edits, and keeps a country that has a review in the cycle', async () => {
    const edited = await call(secretariat(), 'PATCH', '/api/v1/cycles/arab-2024', {
      dueOn: '2024-06-30',
      countries: ['MAR', 'TUN', 'JOR', 'EGY'],
      title: { fr: 'Deuxième examen régional', en: 'Second regional review' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      dueOn: '2024-06-30',
      opensOn: '2024-03-01',
      title: { fr: 'Deuxième examen régional', en: 'Second regional review' },
      settings: { countries: ['EGY', 'JOR', 'MAR', 'TUN'], updatedBy: 'secretariat@escwa.example.org' },
    });
    const leaving = await call(secretariat(), 'PATCH', '/api/v1/cycles/arab-2021', { countries: ['TUN'] });
    expect([leaving.statusCode, leaving.json().code]).toEqual([409, 'cycle.country_has_review']);
    expect(leaving.json().details.countries).toBe('MAR');
    const version = await call(secretariat(), 'PATCH', '/api/v1/cycles/arab-2021', { questionnaireVersion: 2 });
    expect(version.json().code).toBe('cycle.unknown_questionnaire');
    expect((await call(secretariat(), 'GET', '/api/v1/cycles/arab-2021')).json().settings.countries).toHaveLength(22);
  });

  it('opens, closes only with a policy for late submissions, and reopens', async () => {
    const state = (body: object) => call(secretariat(), 'POST', '/api/v1/cycles/arab-2024/state', body);
    expect((await state({ to: 'closed', late: 'accept' })).json().code).toBe('cycle.move_not_allowed');
    expect((await state({ to: 'open' })).json()).toMatchObject({ state: 'open', settings: { lateSubmissions: null } });
    expect((await call({}, 'GET', '/api/v1/cycles/arab-2024')).statusCode).toBe(200);
    const noPolicy = await state({ to: 'closed' });
    expect([noPolicy.statusCode, noPolicy.json().code]).toEqual([422, 'cycle.closing_policy_required']);
    expect((await state({ to: 'closed', late: 'refuse' })).json()).toMatchObject({
      state: 'closed',
      settings: { lateSubmissions: 'refuse' },
    });
    expect((await state({ to: 'open' })).json()).toMatchObject({ state: 'open', settings: { lateSubmissions: null } });
    const events = await db()
      .selectFrom('audit_event')
      .select('action')
      .where('cycle', '=', 'arab-2024')
      .where('action', 'like', 'cycle.%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'cycle.create',
      'cycle.edit',
      'cycle.open',
      'cycle.close',
      'cycle.open',
    ]);
  });
});

describe('a review started from an earlier one', () => {
  it('copies the answers as revisions of origin copied, naming the cycle they come from', async () => {
    const created = await call(world.as('focal'), 'POST', '/api/v1/reviews', {
      country: 'MAR',
      cycle: 'arab-2024',
      language: 'fr',
      from: { cycle: 'arab-2021' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const answered = await db()
      .selectFrom('answer')
      .innerJoin('review', 'review.id', 'answer.review_id')
      .select('answer.question_id')
      .where('review.cycle_id', '=', 'arab-2021')
      .where('review.country_code', '=', 'MAR')
      .execute();
    const { copied } = created.json();
    expect(copied.from).toBe('arab-2021');
    expect(copied.questions.length).toBe(answered.length);
    expect(copied.notInQuestionnaire).toEqual([]);
    const revisions = await db()
      .selectFrom('answer_revision')
      .innerJoin('review', 'review.id', 'answer_revision.review_id')
      .select(['answer_revision.origin', 'answer_revision.copied_from_cycle', 'answer_revision.revision'])
      .where('review.cycle_id', '=', 'arab-2024')
      .execute();
    expect(revisions).toHaveLength(answered.length);
    expect(new Set(revisions.map((r) => `${r.origin} ${r.copied_from_cycle} ${r.revision}`))).toEqual(
      new Set(['copied arab-2021 1']),
    );
  });

  it('maps by question id to another questionnaire and reports what it lacks; in a cycle of another region', async () => {
    const shipped = (await catalogue.findQuestionnaire(db(), 'arab-2021'))!;
    const [first, ...rest] = shipped.sections;
    // The first question has another id in the African questionnaire.
    const [dropped, renamed] = [first!.questions[0]!.id, `${first!.questions[0]!.id}-africa`];
    const questions = [{ ...first!.questions[0]!, id: renamed }, ...first!.questions.slice(1)];
    await catalogue.insertQuestionnaire(db(), {
      ...shipped,
      id: 'africa-2024',
      sections: [{ ...first!, questions }, ...rest],
    });
    // Morocco takes part in the African cycle too.
    const cycle = { id: 'africa-2024', region: 'africa', questionnaire: 'africa-2024', countries: ['MAR', 'SDN'] };
    expect((await call(africa, 'POST', '/api/v1/cycles', cycle)).statusCode).toBe(201);
    // Planned, it is the secretariat's draft: nobody starts a review in it yet.
    const planned = { country: 'MAR', cycle: 'africa-2024', language: 'fr' };
    expect((await call(world.as('focal'), 'POST', '/api/v1/reviews', planned)).json().code).toBe('cycle.not_found');
    const opened = await call(africa, 'POST', '/api/v1/cycles/africa-2024/state', { to: 'open' });
    expect([opened.statusCode, opened.json().code]).toEqual([422, 'cycle.dates_required']);
    await call(africa, 'PATCH', '/api/v1/cycles/africa-2024', { opensOn: '2024-01-15', dueOn: '2024-09-30' });
    expect((await call(africa, 'POST', '/api/v1/cycles/africa-2024/state', { to: 'open' })).json().state).toBe('open');
    const body = { country: 'MAR', cycle: 'africa-2024', language: 'fr', from: { cycle: 'arab-2021' } };
    const created = await call(world.as('focal'), 'POST', '/api/v1/reviews', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().copied.notInQuestionnaire).toEqual([dropped]);
    expect(created.json().copied.questions).not.toContain(renamed);
    const audit = await db()
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'review.create')
      .where('cycle', '=', 'africa-2024')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ from: 'arab-2021', notCopied: [dropped] });
    // A mapping names where an answer goes; one to a question the questionnaire lacks is refused.
    const next = { id: 'africa-2025', region: 'africa', questionnaire: 'africa-2024', countries: ['MAR'] };
    await call(africa, 'POST', '/api/v1/cycles', { ...next, opensOn: '2025-01-15', dueOn: '2025-09-30' });
    await call(africa, 'POST', '/api/v1/cycles/africa-2025/state', { to: 'open' });
    const from = (mapping: Record<string, string>) => ({
      ...body,
      cycle: 'africa-2025',
      from: { cycle: 'arab-2021', mapping },
    });
    const bad = await call(world.as('focal'), 'POST', '/api/v1/reviews', from({ [dropped]: 'nope' }));
    expect([bad.statusCode, bad.json().code, bad.json().details]).toEqual([
      422,
      'review.invalid_mapping',
      { cycle: 'africa-2025', question: 'nope' },
    ]);
    expect(await db().selectFrom('review').select('id').where('cycle_id', '=', 'africa-2025').execute()).toEqual([]);
    const mapped = await call(world.as('focal'), 'POST', '/api/v1/reviews', from({ [dropped]: renamed }));
    expect(mapped.json().copied).toMatchObject({ notInQuestionnaire: [] });
    expect(mapped.json().copied.questions).toContain(renamed);
    await call(africa, 'POST', '/api/v1/cycles/africa-2025/state', { to: 'closed', late: 'accept' });
    // Reviews exist in arab-2021: its questionnaire no longer changes.
    const locked = await call(secretariat(), 'PATCH', '/api/v1/cycles/arab-2021', { questionnaire: 'africa-2024' });
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'cycle.questionnaire_locked']);
  });

  it('refuses a country that does not take part, and an earlier review one may not read', async () => {
    const outsider = await call(world.as('focalTun'), 'POST', '/api/v1/reviews', {
      country: 'TUN',
      cycle: 'africa-2024',
      language: 'fr',
    });
    expect([outsider.statusCode, outsider.json().code]).toEqual([422, 'cycle.not_participating']);
    const noSource = await call(world.as('focalTun'), 'POST', '/api/v1/reviews', {
      country: 'TUN',
      cycle: 'arab-2024',
      language: 'fr',
      from: { cycle: 'arab-2021' },
    });
    expect([noSource.statusCode, noSource.json().code]).toEqual([404, 'review.not_found']);
    await call(secretariat(), 'PATCH', '/api/v1/cycles/arab-2024', { languages: ['ar', 'fr'] });
    const english = { country: 'TUN', cycle: 'arab-2024', language: 'en' };
    const language = (await call(world.as('focalTun'), 'POST', '/api/v1/reviews', english)).json();
    expect([language.code, language.details.languages]).toEqual(['cycle.language_not_offered', 'fr, ar']);
    expect(await db().selectFrom('review').select('id').where('country_code', '=', 'TUN').execute()).toEqual([]);
    // The database holds it whoever writes.
    await expect(
      db()
        .insertInto('review')
        .values({ country_code: 'TUN', cycle_id: 'africa-2024', language: 'fr', title: 'x' })
        .execute(),
    ).rejects.toThrow(/review_participant/u);
  });
});

describe('closing with late submissions refused', () => {
  it('refuses a submission to the closed cycle; accepting them lets it through', async () => {
    const admin = operator('test');
    const mar = { country: 'MAR', cycle: 'arab-2024' };
    // Validated as if every answer were approved (approving each is the workspace's story).
    await db()
      .updateTable('review')
      .set({ status: 'validated' })
      .where('country_code', '=', 'MAR')
      .where('cycle_id', '=', 'arab-2024')
      .execute();
    const close = (late: string) =>
      call(secretariat(), 'POST', '/api/v1/cycles/arab-2024/state', { to: 'closed', late });
    await close('refuse');
    await expect(moveReview(db(), admin, mar, { to: 'submitted' })).rejects.toMatchObject({
      code: 'cycle.closed',
      details: { cycle: 'arab-2024' },
    });
    expect((await reviews.findReview(db(), 'MAR', 'arab-2024'))?.status).toBe('validated');
    await call(secretariat(), 'POST', '/api/v1/cycles/arab-2024/state', { to: 'open' });
    await close('accept');
    expect((await moveReview(db(), admin, mar, { to: 'submitted' })).status).toBe('submitted');
    await call(secretariat(), 'POST', '/api/v1/cycles/arab-2024/state', { to: 'open' });
  });
});

describe('an unnamed cycle with several open', () => {
  it('is asked for, listing the open cycles (service and API import)', async () => {
    await expect(resolveCycle(db(), undefined)).rejects.toMatchObject({
      code: 'cycle.ambiguous',
      details: { cycles: 'africa-2024, arab-2024' },
    });
    expect((await resolveCycle(db(), 'arab-2021')).id).toBe('arab-2021');
    const body = await multipart({ country: 'MAR' }, { bytes: seedBytes(), name: 'morocco.txt' });
    const preview = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: body.headers,
      payload: body.payload,
    });
    expect([preview.statusCode, preview.json().code, preview.json().details]).toEqual([
      400,
      'cycle.ambiguous',
      { cycles: 'africa-2024, arab-2024' },
    ]);
    // Closing one leaves one open: that one is meant.
    await call(africa, 'POST', '/api/v1/cycles/africa-2024/state', { to: 'closed', late: 'accept' });
    expect((await resolveCycle(db(), undefined)).id).toBe('arab-2024');
    await call(africa, 'POST', '/api/v1/cycles/africa-2024/state', { to: 'open' });
  });
});

describe('pacte cycle', () => {
  // The CLI runs as a child on the same database: an embedded one admits one process at a time.
  beforeAll(async () => {
    await app.close();
    await t.close();
  });

  it('adds a cycle (exit 0) that cycle list shows; bad input exits 2 and writes nothing', () => {
    const args = ['--region', 'arab', '--questionnaire', 'arab-2021', '--opens', '2026-03-01', '--due', '2026-05-31'];
    const added = pacte(['cycle', 'add', '--id', 'arab-2026', ...args, '--countries', 'MAR,TUN,DZA'], {
      ...t.env,
      PACTE_LANG: 'en',
    });
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain('created cycle arab-2026 (region arab, planned): 3 countries, opens 2026-03-01');
    const listed = pacte(['cycle', 'list', '--region', 'arab'], { ...t.env, PACTE_LANG: 'en' });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^arab-2026\tplanned\tregion arab, 3 countries, 2026-03-01 → 2026-05-31/mu);
    expect(listed.stdout).toMatch(/^arab-2021\tclosed\t/mu);
    const json = JSON.parse(pacte(['cycle', 'list', '--json'], t.env).stdout) as { id: string; countries: string[] }[];
    expect(json.find((c) => c.id === 'arab-2026')?.countries).toEqual(['DZA', 'MAR', 'TUN']);

    const badDates = pacte(['cycle', 'add', '--id', 'arab-2027', ...args, '--due', '2026-01-01'], t.env);
    expect([badDates.status, badDates.stderr]).toEqual([2, expect.stringContaining('error cycle.invalid_dates')]);
    const badCountry = pacte(['cycle', 'add', '--id', 'arab-2027', ...args, '--countries', 'MAR,ATLANTIS'], t.env);
    expect([badCountry.status, badCountry.stderr]).toEqual([2, expect.stringContaining('error cycle.unknown_country')]);
    const missing = pacte(['cycle', 'add', '--id', 'arab-2027', '--region', 'arab'], t.env);
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('error cli.usage')]);
    expect(pacte(['cycle', 'list', '--json'], t.env).stdout).not.toContain('arab-2027');
  });

  it('asks for the cycle when importing without one while several are open (exit 2)', () => {
    const run = pacte(['import', SEED, '--country', 'MAR', '--dry-run'], t.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error cycle.ambiguous');
    expect(run.stderr).toContain('africa-2024, arab-2024');
  });
});
