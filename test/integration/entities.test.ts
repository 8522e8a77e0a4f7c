import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { translate } from '../../src/i18n/index.js';
import { createUser, pacteWithInput, signInToken } from '../support/accounts.js';
import { pacte } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Entities and the administrators' users API, over HTTP and at the command line: who may
 * create an entity for which country, who sees which entities, duplicates and bad categories,
 * contributors and stakeholders attached to an entity, and the audit of each.
 */
let t: TestStorage;
let app: FastifyInstance | null = null;

const PASSWORD = 'correct horse battery staple';
const ADMIN = 'admin@example.org';
const FOCAL_MAR = 'focal.mar@example.org';
const FOCAL_TUN = 'focal.tun@example.org';
const VALIDATOR_MAR = 'validator.mar@example.org';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestStorage();
  const db = t.storage.db;
  await createUser(db, ADMIN, PASSWORD, { role: 'admin' });
  await createUser(db, FOCAL_MAR, PASSWORD, { role: 'focal_point', country: 'MAR' });
  await createUser(db, FOCAL_TUN, PASSWORD, { role: 'focal_point', country: 'TUN' });
  await createUser(db, VALIDATOR_MAR, PASSWORD, { role: 'validator', country: 'MAR' });
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  for (const email of [ADMIN, FOCAL_MAR, FOCAL_TUN, VALIDATOR_MAR]) {
    tokens[email] = await signInToken(app, email, PASSWORD);
  }
});
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const server = (): FastifyInstance => {
  if (!app) throw new Error('the server is not running');
  return app;
};
const db = () => t.storage.db;
const bearer = (as: string | null): Record<string, string> => (as ? { authorization: `Bearer ${tokens[as]}` } : {});
const postEntity = (as: string | null, payload: Record<string, unknown>, query = '') =>
  server().inject({ method: 'POST', url: `/api/v1/entities${query}`, headers: bearer(as), payload });
const getEntities = (as: string | null, query = '') =>
  server().inject({ method: 'GET', url: `/api/v1/entities${query}`, headers: bearer(as) });
const entityCount = async () =>
  Number(
    (
      await db()
        .selectFrom('entity')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/entities', () => {
  it('lets the focal point of MAR create an entity of MAR: 201 with its id, stored and audited', async () => {
    const response = await postEntity(FOCAL_MAR, {
      country: 'mar',
      name: 'Ministère de l’Intérieur',
      category: 'government',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      id: expect.any(Number),
      country: 'MAR',
      name: 'Ministère de l’Intérieur',
      category: 'government',
    });
    const row = await db().selectFrom('entity').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ country_code: 'MAR', name: 'Ministère de l’Intérieur', category: 'government' });
    const audit = await db().selectFrom('audit_event').selectAll().where('action', '=', 'entity.added').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: FOCAL_MAR, country: 'MAR', details: { entity: body.id } });
  });

  it('refuses the focal point of MAR creating an entity of TUN with 403 auth.forbidden, and creates nothing', async () => {
    const before = await entityCount();
    const response = await postEntity(FOCAL_MAR, {
      country: 'TUN',
      name: 'Ministère des Affaires sociales',
      category: 'government',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'auth.forbidden',
      details: { action: 'entity.manage', country: 'TUN' },
    });
    // Nor a validator of MAR for MAR, nor anybody signed out.
    const validator = await postEntity(VALIDATOR_MAR, {
      country: 'MAR',
      name: 'Office des migrations',
      category: 'public_institution',
    });
    expect(validator.statusCode).toBe(403);
    const anonymous = await postEntity(null, {
      country: 'MAR',
      name: 'Office des migrations',
      category: 'public_institution',
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required' });
    expect(await entityCount()).toBe(before);
    // The focal point of TUN may, for TUN.
    const tun = await postEntity(FOCAL_TUN, {
      country: 'TUN',
      name: 'Ministère des Affaires sociales',
      category: 'government',
    });
    expect(tun.statusCode).toBe(201);
  });

  it('answers a duplicate name in the same country (any case) with 409 entity.duplicate, in French under ?lang=fr', async () => {
    const first = await postEntity(ADMIN, { country: 'MAR', name: 'Association Tanmia', category: 'civil_society' });
    expect(first.statusCode).toBe(201);
    const before = await entityCount();
    for (const name of ['Association Tanmia', 'association tanmia', '  Association   Tanmia ']) {
      const again = await postEntity(ADMIN, { country: 'MAR', name, category: 'civil_society' }, '?lang=fr');
      expect(again.statusCode, name).toBe(409);
      const body = again.json();
      expect(body.code).toBe('entity.duplicate');
      expect(body.message).toBe(
        translate('fr', 'errors', 'entity.duplicate', { country: 'MAR', name: name.trim().replace(/\s+/g, ' ') }),
      );
      expect(body.message).toContain('a déjà une entité');
    }
    expect(await entityCount()).toBe(before);
    // The same name in another country is another entity.
    expect(
      (await postEntity(ADMIN, { country: 'TUN', name: 'Association Tanmia', category: 'civil_society' })).statusCode,
    ).toBe(201);
  });

  it('answers an unknown category with 422 entity.invalid_category listing the categories, an unknown country with 404', async () => {
    const before = await entityCount();
    const category = await postEntity(ADMIN, { country: 'MAR', name: 'Club', category: 'club' });
    expect(category.statusCode).toBe(422);
    expect(category.json()).toMatchObject({ code: 'entity.invalid_category', details: { category: 'club' } });
    expect(category.json().message).toContain('migrant_association');
    const country = await postEntity(ADMIN, { country: 'XYZ', name: 'Club', category: 'academia' });
    expect(country.statusCode).toBe(404);
    expect(country.json()).toMatchObject({ code: 'country.not_found' });
    expect(await entityCount()).toBe(before);
  });
});

describe('GET /api/v1/entities', () => {
  const names = (response: { json(): { entities: { country: string; name: string }[] } }) =>
    response.json().entities.map((e) => `${e.country} ${e.name}`);

  it('shows an admin every entity, by country then name, or one country with ?country=', async () => {
    const all = await getEntities(ADMIN);
    expect(all.statusCode).toBe(200);
    expect(names(all)).toEqual([
      'MAR Association Tanmia',
      'MAR Ministère de l’Intérieur',
      'TUN Association Tanmia',
      'TUN Ministère des Affaires sociales',
    ]);
    expect(names(await getEntities(ADMIN, '?country=tun'))).toEqual([
      'TUN Association Tanmia',
      'TUN Ministère des Affaires sociales',
    ]);
  });

  it('shows others only the entities of the countries they hold a role in; nobody signed in gets 401', async () => {
    expect(names(await getEntities(VALIDATOR_MAR))).toEqual(['MAR Association Tanmia', 'MAR Ministère de l’Intérieur']);
    expect(names(await getEntities(FOCAL_TUN))).toEqual([
      'TUN Association Tanmia',
      'TUN Ministère des Affaires sociales',
    ]);
    expect(names(await getEntities(FOCAL_MAR, '?country=TUN'))).toEqual([]);
    const anonymous = await getEntities(null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required' });
  });
});

describe('the users API', () => {
  const entityId = async (country: string, name: string) =>
    (
      await db()
        .selectFrom('entity')
        .select('id')
        .where('country_code', '=', country)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const postUser = (as: string | null, payload: Record<string, unknown>) =>
    server().inject({ method: 'POST', url: '/api/v1/users', headers: bearer(as), payload });

  it('lists every account with its roles for an admin; 403 for a focal point, 401 for nobody', async () => {
    const response = await server().inject({ method: 'GET', url: '/api/v1/users', headers: bearer(ADMIN) });
    expect(response.statusCode).toBe(200);
    const users = response.json().users as { id: number; email: string; grants: unknown[]; disabled: boolean }[];
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining([ADMIN, FOCAL_MAR, FOCAL_TUN, VALIDATOR_MAR]));
    expect(users.find((u) => u.email === FOCAL_MAR)).toEqual({
      id: expect.any(Number),
      email: FOCAL_MAR,
      // No display name given when the account was made (migration 026).
      name: null,
      grants: [{ role: 'focal_point', country: 'MAR', region: null, entity: null }],
      disabled: false,
    });
    expect(JSON.stringify(users)).not.toContain('argon2');
    const focal = await server().inject({ method: 'GET', url: '/api/v1/users', headers: bearer(FOCAL_MAR) });
    expect(focal.statusCode).toBe(403);
    expect((await server().inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('creates a contributor of an entity (201): the grant takes the entity’s country, and the contributor can sign in', async () => {
    const entity = await entityId('MAR', 'Ministère de l’Intérieur');
    const email = 'contributor.interieur@example.org';
    const response = await postUser(ADMIN, { email, password: PASSWORD, role: 'contributor', entity });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ userId: expect.any(Number), created: true });
    const signedIn = await server().inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: PASSWORD },
    });
    expect(signedIn.json().grants).toEqual([{ role: 'contributor', country: 'MAR', region: null, entity }]);
    const audit = await db().selectFrom('audit_event').selectAll().where('action', '=', 'user.added').execute();
    expect(audit.find((a) => (a.details as { email?: string }).email === email)).toMatchObject({
      actor: ADMIN,
      country: 'MAR',
    });
  });

  it('refuses a contributor without an entity, of an unknown entity, or of an entity of another country; and any focal point', async () => {
    const entity = await entityId('TUN', 'Association Tanmia');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ role: 'stakeholder' }, 422, 'user.invalid_role'],
      [{ role: 'stakeholder', entity: 999_999 }, 404, 'entity.not_found'],
      [{ role: 'stakeholder', entity, country: 'MAR' }, 422, 'entity.country_mismatch'],
    ];
    for (const [grant, status, code] of cases) {
      const response = await postUser(ADMIN, { email: 'stakeholder.x@example.org', password: PASSWORD, ...grant });
      expect(response.statusCode, code).toBe(status);
      expect(response.json().code).toBe(code);
    }
    const byFocal = await postUser(FOCAL_TUN, {
      email: 'stakeholder.x@example.org',
      password: PASSWORD,
      role: 'stakeholder',
      entity,
    });
    expect(byFocal.statusCode).toBe(403);
    expect(
      await db().selectFrom('user_account').select('id').where('email', '=', 'stakeholder.x@example.org').execute(),
    ).toEqual([]);
    // The matching country is accepted.
    const ok = await postUser(ADMIN, {
      email: 'stakeholder.x@example.org',
      password: PASSWORD,
      role: 'stakeholder',
      entity,
      country: 'tun',
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('pacte entity add and pacte user add --entity', () => {
  // An embedded database admits one process at a time: closed while the CLI runs.
  beforeAll(async () => {
    await app?.close();
    app = null;
    await t.close();
  });
  const entityById = (id: number) =>
    t.briefly(({ db }) => db.selectFrom('entity').selectAll().where('id', '=', id).executeTakeFirst());

  it('prints just the new id on stdout (exit 0), so that a script can capture it; --json prints the entity', async () => {
    const run = pacte(
      ['entity', 'add', '--country', 'MAR', '--name', 'Haut-Commissariat au Plan', '--category', 'public_institution'],
      t.env,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\n$/);
    const id = Number(run.stdout);
    expect(await entityById(id)).toMatchObject({
      country_code: 'MAR',
      name: 'Haut-Commissariat au Plan',
      category: 'public_institution',
    });

    const json = pacte(
      ['entity', 'add', '--country', 'TUN', '--name', 'Université de Tunis', '--category', 'academia', '--json'],
      t.env,
    );
    expect(json.status).toBe(0);
    const entity = JSON.parse(json.stdout);
    expect(entity).toEqual({
      id: expect.any(Number),
      country: 'TUN',
      name: 'Université de Tunis',
      category: 'academia',
    });
    expect(entity.id).not.toBe(id);
  });

  it('refuses a duplicate (exit 2, entity.duplicate) and an unknown category (exit 2, entity.invalid_category)', () => {
    const duplicate = pacte(
      ['entity', 'add', '--country', 'MAR', '--name', 'haut-commissariat au plan', '--category', 'government'],
      t.env,
    );
    expect(duplicate.status).toBe(2);
    expect(duplicate.stdout).toBe('');
    expect(duplicate.stderr).toMatch(/^error entity\.duplicate: /);
    const category = pacte(['entity', 'add', '--country', 'MAR', '--name', 'Autre', '--category', 'ngo'], t.env);
    expect(category.status).toBe(2);
    expect(category.stderr).toMatch(/^error entity\.invalid_category: .*ngo/);
  });

  it('adds a contributor with --entity (its country from the entity), and refuses --country of another country', async () => {
    const id = Number(
      pacte(['entity', 'add', '--country', 'MAR', '--name', 'Ministère de l’Emploi', '--category', 'government'], t.env)
        .stdout,
    );
    expect(id).toBeGreaterThan(0);
    const email = 'cli.contributor@example.org';
    const mismatch = pacteWithInput(
      [
        'user',
        'add',
        '--email',
        email,
        '--role',
        'contributor',
        '--entity',
        String(id),
        '--country',
        'TUN',
        '--password-stdin',
      ],
      t.env,
      `${PASSWORD}\n`,
    );
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toMatch(/^error entity\.country_mismatch: /);
    const run = pacteWithInput(
      ['user', 'add', '--email', email, '--role', 'contributor', '--entity', String(id), '--password-stdin'],
      t.env,
      `${PASSWORD}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`created ${email}: contributor entity ${id}\n`);
    const roles = await t.briefly(({ db }) =>
      db
        .selectFrom('user_role')
        .innerJoin('user_account', 'user_account.id', 'user_role.user_id')
        .select(['role', 'country_code', 'entity_id'])
        .where('email', '=', email)
        .execute(),
    );
    expect(roles).toEqual([{ role: 'contributor', country_code: 'MAR', entity_id: id }]);
  });

  it('lists the new commands in pacte help', () => {
    const run = pacte(['help'], t.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('pacte entity add --country ISO3 --name');
    expect(run.stdout).toContain('pacte user reset-password --email E');
    expect(run.stdout).toContain('[--entity ID]');
  });
});
