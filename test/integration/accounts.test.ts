import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actorOfSession } from '../../src/services/actor-of-session.js';
import { addUser, type NewGrant } from '../../src/services/add-user.js';
import { issuePasswordReset } from '../../src/services/issue-password-reset.js';
import { MAX_FAILURES, signIn } from '../../src/services/sign-in.js';
import { loadConfig } from '../../src/config.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { translate } from '../../src/i18n/index.js';
import {
  cookieHeader,
  createUser,
  multipart,
  pacteWithInput,
  sessionToken,
  signInToken,
  tokenHash,
} from '../support/accounts.js';
import { craftedReview, pacte, seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Accounts end to end: the service (addUser, signIn), the session API and its cookie, who may
 * store an import for which country, cross-site writes, the web sign-in and import confirmation,
 * and `pacte user add`. One database for the file; each test uses addresses of its own, since
 * failed sign-ins are counted per address.
 */
let t: TestStorage;
let app: FastifyInstance | null = null;

const PASSWORD = 'correct horse battery staple';
const HOST = 'pacte.example';
const FOCAL_MAR = 'focal.mar@example.org';
const OTHER_FOCAL_MAR = 'other.focal.mar@example.org';
const FOCAL_TUN = 'focal.tun@example.org';
const VALIDATOR_MAR = 'validator.mar@example.org';
const ADMIN = 'admin@example.org';

beforeAll(async () => {
  t = await openTestStorage();
  const db = t.storage.db;
  await createUser(db, FOCAL_MAR, PASSWORD, { role: 'focal_point', country: 'MAR' });
  await createUser(db, OTHER_FOCAL_MAR, PASSWORD, { role: 'focal_point', country: 'MAR' });
  await createUser(db, FOCAL_TUN, PASSWORD, { role: 'focal_point', country: 'TUN' });
  await createUser(db, VALIDATOR_MAR, PASSWORD, { role: 'validator', country: 'MAR' });
  await createUser(db, ADMIN, PASSWORD, { role: 'admin' });
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
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
const count = async (table: 'review' | 'user_account' | 'session' | 'import_draft' | 'login_attempt') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const message = (language: 'en' | 'fr' | 'ar', code: string, details: Record<string, unknown> = {}) =>
  translate(language, 'errors', code, details);

/** Grants as the API answers them. */
const grant = (role: NewGrant['role'], country: string | null = null) => ({
  role,
  country,
  region: null,
  entity: null,
});

const apiSignIn = (email: string, password: string, query = '') =>
  server().inject({ method: 'POST', url: `/api/v1/session${query}`, payload: { email, password } });
const whoami = (token?: string) =>
  server().inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: token ? { cookie: cookieHeader(token) } : {},
  });
const setCookieHeader = (response: { headers: Record<string, unknown> }): string =>
  [response.headers['set-cookie'] ?? []].flat().join('\n');

describe('addUser', () => {
  it('creates an account with an argon2id hash of the password (never the password) and gives it the role', async () => {
    const email = 'new.focal@example.org';
    const password = 'une phrase de passe longue';
    const { userId, created } = await addUser(db(), operator('test'), {
      email,
      password,
      grant: { role: 'focal_point', country: 'mar' },
    });
    expect(created).toBe(true);
    const row = await db().selectFrom('user_account').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(row.email).toBe(email);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(JSON.stringify(row)).not.toContain(password);
    expect(row.disabled_at).toBeNull();
    const roles = await db().selectFrom('user_role').selectAll().where('user_id', '=', userId).execute();
    expect(roles).toEqual([
      {
        user_id: userId,
        role: 'focal_point',
        country_code: 'MAR',
        region_id: null,
        entity_id: null,
        disabled_at: null,
      },
    ]);
    const session = await signIn(db(), email, password);
    expect(session.actor).toEqual({ userId, name: email, grants: [grant('focal_point', 'MAR')] });
  });

  it('adding the same address again sets the new password and signs the user out of every session', async () => {
    const email = 'twice@example.org';
    const first = await addUser(db(), operator('test'), {
      email,
      password: PASSWORD,
      grant: { role: 'validator', country: 'MAR' },
    });
    const sessions = [await signIn(db(), email, PASSWORD), await signIn(db(), email, PASSWORD)];
    for (const s of sessions) expect(await actorOfSession(db(), s.token)).toMatchObject({ name: email });
    const users = await count('user_account');

    const newPassword = 'a brand new passphrase';
    const again = await addUser(db(), operator('test'), {
      email: 'Twice@Example.org',
      password: newPassword,
      grant: { role: 'focal_point', country: 'MAR' },
    });
    expect(again).toEqual({ userId: first.userId, created: false });
    expect(await count('user_account')).toBe(users);
    for (const s of sessions) expect(await actorOfSession(db(), s.token)).toBeNull();
    await expect(signIn(db(), email, PASSWORD)).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    const session = await signIn(db(), email, newPassword);
    expect(session.actor.grants).toEqual(
      expect.arrayContaining([grant('validator', 'MAR'), grant('focal_point', 'MAR')]),
    );
    expect(session.actor.grants).toHaveLength(2);
  });

  it('refuses a bad e-mail, a short password, a focal point without a country and an unknown country, creating nothing', async () => {
    const users = await count('user_account');
    const attempt = (email: string, password: string, g: NewGrant) =>
      addUser(db(), operator('test'), { email, password, grant: g });
    await expect(attempt('not-an-address', PASSWORD, { role: 'admin' })).rejects.toMatchObject({
      code: 'user.invalid_email',
    });
    await expect(attempt('a b@example.org', PASSWORD, { role: 'admin' })).rejects.toMatchObject({
      code: 'user.invalid_email',
    });
    await expect(attempt('short@example.org', '12345678901', { role: 'admin' })).rejects.toMatchObject({
      code: 'user.weak_password',
      details: { min: 12 },
    });
    await expect(attempt('nocountry@example.org', PASSWORD, { role: 'focal_point' })).rejects.toMatchObject({
      code: 'user.invalid_role',
    });
    await expect(
      attempt('unknown.country@example.org', PASSWORD, { role: 'focal_point', country: 'XYZ' }),
    ).rejects.toMatchObject({ code: 'country.not_found', details: { country: 'XYZ' } });
    expect(await count('user_account')).toBe(users);
    // The shortest password allowed is accepted: the refusal above is the length, not something else.
    await expect(attempt('short@example.org', '123456789012', { role: 'admin' })).resolves.toMatchObject({
      created: true,
    });
  });

  it('lets only an admin or the operator add users: a focal point gets auth.forbidden, nobody auth.required', async () => {
    const focal = await actorOfSession(db(), (await signIn(db(), FOCAL_MAR, PASSWORD)).token);
    const admin = await actorOfSession(db(), (await signIn(db(), ADMIN, PASSWORD)).token);
    expect(focal?.grants).toEqual([grant('focal_point', 'MAR')]);
    const input = (email: string) => ({
      email,
      password: PASSWORD,
      grant: { role: 'focal_point' as const, country: 'MAR' },
    });
    await expect(addUser(db(), focal!, input('by.focal@example.org'))).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(addUser(db(), null as never, input('by.nobody@example.org'))).rejects.toMatchObject({
      code: 'auth.required',
    });
    expect(await db().selectFrom('user_account').select('email').where('email', 'like', 'by.%').execute()).toEqual([]);
    await expect(addUser(db(), admin!, input('by.admin@example.org'))).resolves.toMatchObject({ created: true });
    await expect(addUser(db(), operator('root'), input('by.operator@example.org'))).resolves.toMatchObject({
      created: true,
    });
  });
});

describe('signing in over the API', () => {
  it('answers the right password with 200, the e-mail and grants, and an HttpOnly SameSite=Strict cookie on /', async () => {
    const response = await apiSignIn(FOCAL_MAR, PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'pacte_session');
    // The body carries the same token, for API clients (Authorization: Bearer).
    expect(response.json()).toEqual({ token: cookie?.value, email: FOCAL_MAR, grants: [grant('focal_point', 'MAR')] });
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const raw = setCookieHeader(response);
    expect(raw).toMatch(/^pacte_session=[^;]+;/);
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Strict');
    expect(raw).toContain('Path=/');
    // The database keeps a digest of the token, never the token itself.
    const token = cookie!.value;
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(await db().selectFrom('session').select('token_hash').where('token_hash', '=', token).execute()).toEqual([]);
    expect(
      await db().selectFrom('session').select('token_hash').where('token_hash', '=', tokenHash(token)).execute(),
    ).toHaveLength(1);
  });

  it('answers a wrong password and an unknown address with the same 401 auth.invalid_credentials body, and no cookie', async () => {
    const wrong = await apiSignIn(FOCAL_TUN, 'not the password at all');
    const unknown = await apiSignIn('nobody.here@example.org', 'not the password at all');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(sessionToken(response)).toBeUndefined();
    }
    expect(wrong.json()).toEqual({
      code: 'auth.invalid_credentials',
      message: message('en', 'auth.invalid_credentials'),
      details: {},
    });
    expect(unknown.body).toBe(wrong.body);
  });

  it('says so in French and Arabic with ?lang', async () => {
    const english = message('en', 'auth.invalid_credentials');
    for (const language of ['fr', 'ar'] as const) {
      const response = await apiSignIn(`lang.${language}@example.org`, 'not the password at all', `?lang=${language}`);
      expect(response.statusCode).toBe(401);
      const body = response.json();
      expect(body.code).toBe('auth.invalid_credentials');
      expect(body.message).toBe(message(language, 'auth.invalid_credentials'));
      expect(body.message).not.toBe(english);
    }
    expect(message('ar', 'auth.invalid_credentials')).toMatch(/[\u0600-\u06FF]/);
  });

  it(`refuses the attempt after ${MAX_FAILURES} failures with 429 auth.rate_limited, even with the right password`, async () => {
    const email = 'rate.limited@example.org';
    const other = 'not.limited@example.org';
    for (const address of [email, other]) await createUser(db(), address, PASSWORD, { role: 'admin' });
    expect(MAX_FAILURES).toBe(5);
    // Failures count per address whatever its case.
    for (let i = 0; i < MAX_FAILURES; i++) {
      const response = await apiSignIn(i % 2 ? email.toUpperCase() : email, `wrong password ${i}`);
      expect(response.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await apiSignIn(email, PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'auth.rate_limited', details: { minutes: 15 } });
    expect(sessionToken(limited)).toBeUndefined();
    const french = await apiSignIn(email, PASSWORD, '?lang=fr');
    expect(french.json().message).toBe(message('fr', 'auth.rate_limited', { minutes: 15 }));
    // Another address is not affected.
    expect((await apiSignIn(other, PASSWORD)).statusCode).toBe(200);
    // Failures older than the 15-minute window no longer count.
    await sql`update login_attempt set at = now() - interval '16 minutes' where lower(email) = ${email}`.execute(db());
    expect((await apiSignIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it('GET /api/v1/session answers the signed-in user with the cookie, 401 auth.required without it', async () => {
    const token = await signInToken(server(), VALIDATOR_MAR, PASSWORD);
    const signedIn = await whoami(token);
    expect(signedIn.statusCode).toBe(200);
    const userId = (
      await db().selectFrom('user_account').select('id').where('email', '=', VALIDATOR_MAR).executeTakeFirstOrThrow()
    ).id;
    expect(signedIn.json()).toEqual({ userId, email: VALIDATOR_MAR, grants: [grant('validator', 'MAR')] });
    for (const response of [await whoami(), await whoami('made-up-token')]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'auth.required' });
    }
  });

  it('DELETE /api/v1/session signs out: 204, the cookie is cleared and the old cookie no longer works', async () => {
    const token = await signInToken(server(), FOCAL_TUN, PASSWORD);
    const other = await signInToken(server(), FOCAL_TUN, PASSWORD);
    expect((await whoami(token)).statusCode).toBe(200);
    const response = await server().inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: cookieHeader(token) },
    });
    expect(response.statusCode).toBe(204);
    expect(setCookieHeader(response)).toMatch(/^pacte_session=;/);
    expect((await whoami(token)).statusCode).toBe(401);
    expect(
      await db().selectFrom('session').select('token_hash').where('token_hash', '=', tokenHash(token)).execute(),
    ).toEqual([]);
    // Only that session ends.
    expect((await whoami(other)).statusCode).toBe(200);
  });

  it('no longer accepts a session whose expires_at has passed', async () => {
    const token = await signInToken(server(), FOCAL_MAR, PASSWORD);
    expect((await whoami(token)).statusCode).toBe(200);
    await sql`update session set expires_at = now() - interval '1 minute' where token_hash = ${tokenHash(token)}`.execute(
      db(),
    );
    const response = await whoami(token);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'auth.required' });
  });

  it('lets a disabled account neither sign in nor keep using its open session', async () => {
    const email = 'disabled@example.org';
    await createUser(db(), email, PASSWORD, { role: 'focal_point', country: 'MAR' });
    const token = await signInToken(server(), email, PASSWORD);
    expect((await whoami(token)).statusCode).toBe(200);
    await sql`update user_account set disabled_at = now() where email = ${email}`.execute(db());
    expect((await whoami(token)).statusCode).toBe(401);
    const response = await apiSignIn(email, PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(sessionToken(response)).toBeUndefined();
    // The same answer as for an unknown address: nothing tells that the account exists.
    expect(response.body).toBe((await apiSignIn('never.existed@example.org', PASSWORD)).body);
  });
});

describe('who may store an import (role × country)', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const email of [FOCAL_MAR, FOCAL_TUN, VALIDATOR_MAR, ADMIN]) {
      tokens[email] = await signInToken(server(), email, PASSWORD);
    }
  });
  beforeEach(async () => {
    await db().deleteFrom('review').execute();
  });

  const upload = async (
    as: string | null,
    fields: Record<string, string>,
    file = { bytes: seedBytes(), name: 'seed.txt' },
  ) => {
    const { headers, payload } = await multipart({ cycle: 'arab-2021', ...fields }, file);
    return server().inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...headers, ...(as ? { cookie: cookieHeader(tokens[as]!) } : {}) },
      payload,
    });
  };
  const storeMar = (as: string | null) => upload(as, { country: 'MAR', store: 'true' });
  const authors = async () =>
    (await db().selectFrom('answer_revision').select('author').distinct().execute()).map((r) => r.author);

  it('refuses an anonymous store with 401 auth.required and stores nothing', async () => {
    const response = await storeMar(null);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'auth.required' });
    expect(await count('review')).toBe(0);
  });

  it('refuses the focal point of TUN storing a review of MAR with 403 auth.forbidden and stores nothing', async () => {
    const response = await storeMar(FOCAL_TUN);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.forbidden', details: { country: 'MAR' } });
    expect(await count('review')).toBe(0);
    // Nor when the country is recognised from the file instead of named.
    const detected = await upload(FOCAL_TUN, { store: 'true' });
    expect(detected.statusCode).toBe(403);
    expect(await count('review')).toBe(0);
  });

  it('refuses a validator of MAR with 403 auth.forbidden: validating is not importing', async () => {
    const response = await storeMar(VALIDATOR_MAR);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
    expect(await count('review')).toBe(0);
  });

  it('stores for the focal point of MAR (201), each revision authored by that e-mail address', async () => {
    const response = await storeMar(FOCAL_MAR);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ country: 'MAR', cycle: 'arab-2021', outcome: { stored: true, created: true } });
    expect(body.outcome.changed).toHaveLength(24);
    expect(await count('review')).toBe(1);
    expect(await authors()).toEqual([FOCAL_MAR]);
  });

  it('stores for an admin (201) whatever the country', async () => {
    const mar = await storeMar(ADMIN);
    expect(mar.statusCode).toBe(201);
    expect(mar.json().outcome.stored).toBe(true);
    const tun = await upload(
      ADMIN,
      { country: 'TUN', store: 'true' },
      { bytes: Buffer.from(craftedReview('Un comité interministériel coordonne l’examen.')), name: 'tun.txt' },
    );
    expect(tun.statusCode).toBe(201);
    expect(tun.json()).toMatchObject({ country: 'TUN', outcome: { stored: true } });
    const stored = await db().selectFrom('review').select('country_code').orderBy('country_code').execute();
    expect(stored.map((r) => r.country_code)).toEqual(['MAR', 'TUN']);
    expect(await authors()).toEqual([ADMIN]);
  });

  it('previews (no store) for anyone, signed in or not, and stores nothing', async () => {
    for (const as of [null, FOCAL_TUN, VALIDATOR_MAR, FOCAL_MAR]) {
      const response = await upload(as, { country: 'MAR' });
      expect(response.statusCode, String(as)).toBe(200);
      expect(response.json().outcome, String(as)).toMatchObject({ stored: false, created: false });
      expect(response.json().sections.flatMap((s: { questions: unknown[] }) => s.questions)).toHaveLength(24);
    }
    expect(await count('review')).toBe(0);
  });
});

describe('writes from another site', () => {
  const EVIL = 'http://evil.example';

  it('refuses a sign-in POST whose Origin is another site: 403 request.cross_site, no session opened', async () => {
    const sessions = await count('session');
    const attempts = await count('login_attempt');
    for (const origin of [EVIL, `https://${HOST}:8443`, 'null']) {
      const response = await server().inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { host: HOST, origin },
        payload: { email: FOCAL_MAR, password: PASSWORD },
      });
      expect(response.statusCode, origin).toBe(403);
      expect(response.json(), origin).toMatchObject({ code: 'request.cross_site' });
      expect(sessionToken(response), origin).toBeUndefined();
    }
    expect(await count('session')).toBe(sessions);
    expect(await count('login_attempt')).toBe(attempts);
  });

  it('refuses a cross-site DELETE of the session: it stays open', async () => {
    const token = await signInToken(server(), FOCAL_MAR, PASSWORD);
    const response = await server().inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { host: HOST, origin: EVIL, cookie: cookieHeader(token) },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'request.cross_site' });
    expect((await whoami(token)).statusCode).toBe(200);
  });

  it('refuses a cross-site store even with a valid session: nothing stored', async () => {
    await db().deleteFrom('review').execute();
    const token = await signInToken(server(), FOCAL_MAR, PASSWORD);
    const { headers, payload } = await multipart(
      { country: 'MAR', cycle: 'arab-2021', store: 'true' },
      { bytes: seedBytes(), name: 'seed.txt' },
    );
    const response = await server().inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...headers, host: HOST, origin: EVIL, cookie: cookieHeader(token) },
      payload,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'request.cross_site' });
    expect(await count('review')).toBe(0);
  });

  it('accepts the same writes when the Origin is this site', async () => {
    const origin = `https://${HOST}`;
    const signedIn = await server().inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { host: HOST, origin },
      payload: { email: FOCAL_MAR, password: PASSWORD },
    });
    expect(signedIn.statusCode).toBe(200);
    const token = sessionToken(signedIn)!;
    const signedOut = await server().inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { host: HOST, origin, cookie: cookieHeader(token) },
    });
    expect(signedOut.statusCode).toBe(204);
    expect((await whoami(token)).statusCode).toBe(401);
  });
});

describe('the web pages: signing in and confirming an import', () => {
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
  const webSignIn = (fields: Record<string, string>) =>
    server().inject({
      method: 'POST',
      url: '/sign-in',
      headers: FORM,
      payload: new URLSearchParams(fields).toString(),
    });
  const preview = async (token: string | null) => {
    const { headers, payload } = await multipart(
      { country: 'MAR', cycle: 'arab-2021' },
      { bytes: seedBytes(), name: 'seed.txt' },
    );
    return server().inject({
      method: 'POST',
      url: '/imports/new',
      headers: { ...headers, ...(token ? { cookie: cookieHeader(token) } : {}) },
      payload,
    });
  };
  /** Posts the Store form as a browser does (an empty url-encoded body). */
  const confirm = (draftId: string, token: string | null) =>
    server().inject({
      method: 'POST',
      url: `/imports/drafts/${draftId}?lang=en`,
      headers: { ...FORM, ...(token ? { cookie: cookieHeader(token) } : {}) },
      payload: '',
    });
  const draftOf = (page: string) =>
    /<form method="post" action="\/imports\/drafts\/([A-Za-z0-9_-]+)\?lang=en"/.exec(page)?.[1];

  beforeEach(async () => {
    await db().deleteFrom('review').execute();
    await db().deleteFrom('import_draft').execute();
  });

  it('signs in with the form (url-encoded): 303 to the next path of this site, with the session cookie', async () => {
    const response = await webSignIn({ email: FOCAL_MAR, password: PASSWORD, next: '/reviews/MAR/arab-2021' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/reviews/MAR/arab-2021?lang=en');
    const token = sessionToken(response);
    expect(token).toBeDefined();
    expect(setCookieHeader(response)).toContain('SameSite=Strict');
    expect((await whoami(token)).json()).toMatchObject({ email: FOCAL_MAR });
  });

  it('never follows next to another site: //evil.example, https://evil.example and /\\evil.example go to /', async () => {
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', 'evil.example']) {
      const response = await webSignIn({ email: FOCAL_MAR, password: PASSWORD, next });
      expect(response.statusCode, next).toBe(303);
      expect(response.headers.location, next).toBe('/?lang=en');
    }
  });

  it('answers a wrong password with the sign-in page (401), its error summary, and the address kept', async () => {
    const response = await webSignIn({ email: FOCAL_MAR, password: 'not the password at all', next: '/imports/new' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(sessionToken(response)).toBeUndefined();
    expect(response.body).toContain('class="error-summary"');
    expect(response.body).toContain(message('en', 'auth.invalid_credentials'));
    expect(response.body).toContain(`value="${FOCAL_MAR}"`);
    expect(response.body).toContain('name="next" value="/imports/new"');
  });

  it('offers the focal point of MAR a Store form; posting it stores the review (303 to it) and the draft is gone', async () => {
    const token = await signInToken(server(), FOCAL_MAR, PASSWORD);
    const page = await preview(token);
    expect(page.statusCode).toBe(200);
    const draftId = draftOf(page.body);
    expect(draftId, 'a form posting to /imports/drafts/<id>').toBeDefined();
    expect(await count('review')).toBe(0); // the preview stores nothing by itself

    const stored = await confirm(draftId!, token);
    expect(stored.statusCode).toBe(303);
    expect(stored.headers.location).toBe('/reviews/MAR/arab-2021?lang=en');
    expect(await count('review')).toBe(1);
    const authors = await db().selectFrom('answer_revision').select('author').distinct().execute();
    expect(authors.map((a) => a.author)).toEqual([FOCAL_MAR]);
    expect(await count('import_draft')).toBe(0);

    const again = await confirm(draftId!, token);
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.body).toContain(message('en', 'import.draft_not_found'));
  });

  it('lets nobody but its uploader confirm a draft (404), not even another focal point of MAR', async () => {
    const owner = await signInToken(server(), FOCAL_MAR, PASSWORD);
    const draftId = draftOf((await preview(owner)).body);
    expect(draftId).toBeDefined();
    const other = await signInToken(server(), OTHER_FOCAL_MAR, PASSWORD);
    const stolen = await confirm(draftId!, other);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.body).toContain(message('en', 'import.draft_not_found'));
    const anonymous = await confirm(draftId!, null);
    expect(anonymous.statusCode).toBe(401);
    expect(await count('review')).toBe(0);
    // The draft still waits for its owner.
    expect((await confirm(draftId!, owner)).statusCode).toBe(303);
    expect(await count('review')).toBe(1);
  });

  it('shows no Store form and keeps no file for an anonymous preview, nor for someone who may not import for MAR', async () => {
    const tun = await signInToken(server(), FOCAL_TUN, PASSWORD);
    const validator = await signInToken(server(), VALIDATOR_MAR, PASSWORD);
    for (const [who, token] of [
      ['anonymous', null],
      ['focal point of TUN', tun],
      ['validator of MAR', validator],
    ] as const) {
      const page = await preview(token);
      expect(page.statusCode, who).toBe(200);
      expect(page.body, who).toContain('MAR');
      expect(page.body, who).not.toContain('/imports/drafts/');
    }
    expect(await count('import_draft')).toBe(0);
  });
});

describe('API clients: Authorization: Bearer', () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const apiToken = async (email: string) => {
    const response = await apiSignIn(email, PASSWORD);
    expect(response.statusCode).toBe(200);
    return response.json().token as string;
  };
  const whoamiBearer = (token: string, extra: Record<string, string> = {}) =>
    server().inject({ method: 'GET', url: '/api/v1/session', headers: { ...bearer(token), ...extra } });

  it('accepts the token of the sign-in body as a bearer token, without any cookie', async () => {
    const token = await apiToken(VALIDATOR_MAR);
    const response = await whoamiBearer(token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ userId: expect.any(Number), email: VALIDATOR_MAR });
    expect((await whoamiBearer('made-up-token')).statusCode).toBe(401);
    expect((await whoamiBearer(`${token}x`)).statusCode).toBe(401);
  });

  it('uses the bearer token alone when both come: a cookie cannot stand in for a wrong bearer token', async () => {
    const cookieToken = await signInToken(server(), FOCAL_MAR, PASSWORD);
    const response = await whoamiBearer('made-up-token', { cookie: cookieHeader(cookieToken) });
    expect(response.statusCode).toBe(401);
    expect((await whoami(cookieToken)).statusCode).toBe(200);
  });

  it('DELETE /api/v1/session with the bearer token ends that session only', async () => {
    const token = await apiToken(FOCAL_TUN);
    const other = await apiToken(FOCAL_TUN);
    const response = await server().inject({ method: 'DELETE', url: '/api/v1/session', headers: bearer(token) });
    expect(response.statusCode).toBe(204);
    expect((await whoamiBearer(token)).statusCode).toBe(401);
    expect((await whoamiBearer(other)).statusCode).toBe(200);
  });

  it('logout everywhere: DELETE ?everywhere=true ends every session of the user (cookie and bearer), no one else’s', async () => {
    const email = 'everywhere@example.org';
    await createUser(db(), email, PASSWORD, { role: 'validator', country: 'MAR' });
    const browser = await signInToken(server(), email, PASSWORD);
    const laptop = await signInToken(server(), email, PASSWORD);
    const script = await apiToken(email);
    const someoneElse = await signInToken(server(), VALIDATOR_MAR, PASSWORD);
    const response = await server().inject({
      method: 'DELETE',
      url: '/api/v1/session?everywhere=true',
      headers: { cookie: cookieHeader(browser) },
    });
    expect(response.statusCode).toBe(204);
    expect(setCookieHeader(response)).toMatch(/^pacte_session=;/);
    for (const token of [browser, laptop]) expect((await whoami(token)).statusCode).toBe(401);
    expect((await whoamiBearer(script)).statusCode).toBe(401);
    expect((await whoami(someoneElse)).statusCode).toBe(200);
    const userId = (
      await db().selectFrom('user_account').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    expect(await db().selectFrom('session').select('token_hash').where('user_id', '=', userId).execute()).toEqual([]);
    const audit = await db()
      .selectFrom('audit_event')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'session.sign_in',
      'session.sign_in',
      'session.sign_in',
      'session.sign_out_everywhere',
    ]);
    expect(audit.at(-1)).toMatchObject({ actor: email, details: { sessions: 3 } });
    // The same with a bearer token, and without ?everywhere only one session ends (above).
    const a = await apiToken(email);
    const b = await apiToken(email);
    const byBearer = await server().inject({
      method: 'DELETE',
      url: '/api/v1/session?everywhere=true',
      headers: bearer(a),
    });
    expect(byBearer.statusCode).toBe(204);
    expect((await whoamiBearer(b)).statusCode).toBe(401);
  });

  it('records sign-in and sign-out in the audit log, never the token', async () => {
    const token = await apiToken(OTHER_FOCAL_MAR);
    await server().inject({ method: 'DELETE', url: '/api/v1/session', headers: bearer(token) });
    const events = await db()
      .selectFrom('audit_event')
      .selectAll()
      .where('actor', '=', OTHER_FOCAL_MAR)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['session.sign_out', 'session.sign_in']);
    expect(JSON.stringify(events)).not.toContain(token);
  });
});

describe('CSRF: cookie requests from another site are refused, bearer requests are not', () => {
  const EVIL = 'http://evil.example';

  it('refuses a cookie POST marked Sec-Fetch-Site: cross-site even without an Origin header', async () => {
    const token = await signInToken(server(), FOCAL_MAR, PASSWORD);
    const response = await server().inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { host: HOST, 'sec-fetch-site': 'cross-site', cookie: cookieHeader(token) },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'request.cross_site' });
    expect((await whoami(token)).statusCode).toBe(200);
    // same-origin and same-site requests pass.
    const same = await server().inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { host: HOST, 'sec-fetch-site': 'same-origin', cookie: cookieHeader(token) },
    });
    expect(same.statusCode).toBe(204);
  });

  it('refuses a cross-site POST with the cookie but accepts the same POST with the bearer token', async () => {
    const token = await signInToken(server(), ADMIN, PASSWORD);
    const post = (headers: Record<string, string>, name: string) =>
      server().inject({
        method: 'POST',
        url: '/api/v1/entities',
        headers: { host: HOST, origin: EVIL, 'sec-fetch-site': 'cross-site', ...headers },
        payload: { country: 'MAR', name, category: 'academia' },
      });
    const withCookie = await post({ cookie: cookieHeader(token) }, 'Université Mohammed V');
    expect(withCookie.statusCode).toBe(403);
    expect(withCookie.json()).toMatchObject({ code: 'request.cross_site' });
    expect(await db().selectFrom('entity').select('id').where('name', '=', 'Université Mohammed V').execute()).toEqual(
      [],
    );
    const withBearer = await post({ authorization: `Bearer ${token}` }, 'Université Mohammed V');
    expect(withBearer.statusCode).toBe(201);
    expect(withBearer.json()).toMatchObject({ country: 'MAR', name: 'Université Mohammed V' });
  });
});

describe('password reset by one-time token', () => {
  const EMAIL = 'forgetful@example.org';
  const NEW_PASSWORD = 'a new and long passphrase';
  const reset = (token: string, password: string, query = '') =>
    server().inject({ method: 'POST', url: `/api/v1/password-reset${query}`, payload: { token, password } });
  const issue = async () => (await issuePasswordReset(db(), operator('test'), EMAIL)).token;

  beforeAll(async () => {
    await createUser(db(), EMAIL, PASSWORD, { role: 'validator', country: 'TUN' });
  });

  it('sets the new password once: sessions end, the old password fails, the new one works; a second use is refused', async () => {
    await createUser(db(), EMAIL, PASSWORD, { role: 'validator', country: 'TUN' });
    const sessions = [await signInToken(server(), EMAIL, PASSWORD), await signInToken(server(), EMAIL, PASSWORD)];
    const token = await issue();
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(
      await db().selectFrom('password_reset').select('token_hash').where('token_hash', '=', token).execute(),
    ).toEqual([]);
    const response = await reset(token, NEW_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ email: EMAIL });
    for (const s of sessions) expect((await whoami(s)).statusCode).toBe(401);
    expect((await apiSignIn(EMAIL, PASSWORD)).statusCode).toBe(401);
    expect((await apiSignIn(EMAIL, NEW_PASSWORD)).statusCode).toBe(200);

    const again = await reset(token, 'yet another long passphrase', '?lang=fr');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({
      code: 'password_reset.invalid_token',
      message: message('fr', 'password_reset.invalid_token'),
    });
    expect((await apiSignIn(EMAIL, NEW_PASSWORD)).statusCode).toBe(200);
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor'])
      .where('action', 'like', 'user.password_reset%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'user.password_reset_issued', actor: 'cli:test' },
      { action: 'user.password_reset_used', actor: EMAIL },
    ]);
  });

  it('refuses an expired token, and an unknown one, changing nothing', async () => {
    await createUser(db(), EMAIL, PASSWORD, { role: 'validator', country: 'TUN' });
    const token = await issue();
    await sql`update password_reset set expires_at = now() - interval '1 second' where token_hash = ${tokenHash(token)}`.execute(
      db(),
    );
    for (const t of [token, 'made-up-token', '']) {
      const response = await reset(t, NEW_PASSWORD);
      expect(response.statusCode, t).toBe(400);
      expect(response.json().code).toBe('password_reset.invalid_token');
    }
    expect((await apiSignIn(EMAIL, PASSWORD)).statusCode).toBe(200);
    // It is valid an hour: a token issued now expires between 59 and 61 minutes from now.
    const fresh = await issue();
    const row = await db()
      .selectFrom('password_reset')
      .select(sql<number>`extract(epoch from expires_at - now())`.as('seconds'))
      .where('token_hash', '=', tokenHash(fresh))
      .executeTakeFirstOrThrow();
    expect(Number(row.seconds)).toBeGreaterThan(59 * 60);
    expect(Number(row.seconds)).toBeLessThan(61 * 60);
  });

  it('refuses a too short password without using up the token', async () => {
    await createUser(db(), EMAIL, PASSWORD, { role: 'validator', country: 'TUN' });
    const token = await issue();
    const short = await reset(token, 'short');
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'user.weak_password', details: { min: 12 } });
    expect((await reset(token, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('the page: GET shows the form with the token hidden; mismatched passwords and a used token are summarised; success says so', async () => {
    await createUser(db(), EMAIL, PASSWORD, { role: 'validator', country: 'TUN' });
    const token = await issue();
    const form = await server().inject({ method: 'GET', url: `/reset-password?token=${token}&lang=fr` });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/^text\/html/);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).toContain('<html lang="fr" dir="ltr">');
    expect(form.body).toContain(`name="token" value="${token}"`);
    expect(form.body).toContain(translate('fr', 'ui', 'reset.title'));

    const post = (fields: Record<string, string>, lang = 'fr') =>
      server().inject({
        method: 'POST',
        url: `/reset-password?lang=${lang}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    const mismatch = await post({ token, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('class="error-summary"');
    expect(mismatch.body).toContain('href="#confirm"');
    expect(mismatch.body).toContain(translate('fr', 'ui', 'reset.mismatch'));
    expect((await apiSignIn(EMAIL, PASSWORD)).statusCode).toBe(200); // nothing changed, the token is not used

    const done = await post({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, 'ar');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('dir="rtl"');
    expect(done.body).toContain(translate('ar', 'ui', 'reset.done_title'));
    expect((await apiSignIn(EMAIL, NEW_PASSWORD)).statusCode).toBe(200);

    const used = await post({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, 'en');
    expect(used.statusCode).toBe(400);
    expect(used.body).toContain('class="error-summary"');
    expect(used.body).toContain(message('en', 'password_reset.invalid_token').replace(/'/g, '&#39;'));
  });
});

describe('configurable sign-in limits', () => {
  it('reads PACTE_LOGIN_MAX_FAILURES and PACTE_LOGIN_WINDOW_MINUTES (defaults 5 and 15) and refuses nonsense', () => {
    expect(loadConfig({}, {})).toMatchObject({ loginMaxFailures: 5, loginWindowMinutes: 15 });
    expect(loadConfig({}, { PACTE_LOGIN_MAX_FAILURES: '1000', PACTE_LOGIN_WINDOW_MINUTES: '2' })).toMatchObject({
      loginMaxFailures: 1000,
      loginWindowMinutes: 2,
    });
    for (const env of [{ PACTE_LOGIN_MAX_FAILURES: '0' }, { PACTE_LOGIN_WINDOW_MINUTES: 'soon' }]) {
      expect(() => loadConfig({}, env)).toThrow(/config\.invalid/);
    }
  });

  it('limits sign-ins as buildServer is told: after 2 failures, 429 auth.rate_limited for 3 minutes', async () => {
    const strict = await buildServer({
      storage: t.storage,
      logLevel: 'silent',
      loginLimits: { maxFailures: 2, windowMinutes: 3 },
    });
    try {
      const email = 'strict.limits@example.org';
      await createUser(db(), email, PASSWORD, { role: 'admin' });
      const attempt = (password: string) =>
        strict.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
      expect((await attempt('wrong password 1')).statusCode).toBe(401);
      expect((await attempt('wrong password 2')).statusCode).toBe(401);
      const limited = await attempt(PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'auth.rate_limited', details: { minutes: 3 } });
      // The same failures under the default limits (5) do not block yet.
      expect((await apiSignIn(email, PASSWORD)).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('pacte user add', () => {
  // An embedded database admits one process at a time: the test's own storage and server are
  // closed while the CLI runs, and reopened to look.
  beforeAll(async () => {
    await app?.close();
    app = null;
    await t.close();
  });
  const withStorage = <T>(work: (storage: TestStorage['storage']) => Promise<T>) => t.briefly(work);
  const withServer = <T>(work: (server: FastifyInstance) => Promise<T>) =>
    withStorage(async (storage) => {
      const opened = await buildServer({ storage, logLevel: 'silent' });
      try {
        return await work(opened);
      } finally {
        await opened.close();
      }
    });
  const accountsNamed = (email: string) =>
    withStorage(({ db }) => db.selectFrom('user_account').select('id').where('email', '=', email).execute());

  it('creates a focal point from the password on standard input (exit 0), who can then sign in over HTTP', async () => {
    const email = 'cli.focal@example.org';
    const password = 'typed into the pipe';
    const run = pacteWithInput(
      ['user', 'add', '--email', email, '--role', 'focal_point', '--country', 'MAR', '--password-stdin'],
      t.env,
      `${password}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`created ${email}: focal_point MAR\n`);
    const response = await withServer((s) =>
      s.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ token: sessionToken(response), email, grants: [grant('focal_point', 'MAR')] });
  });

  it('refuses to run without --password-stdin: exit 2, error cli.usage, no account', async () => {
    const email = 'cli.nostdin@example.org';
    const run = pacte(['user', 'add', '--email', email, '--role', 'admin'], t.env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error cli\.usage: .*--password-stdin/);
    expect(await accountsNamed(email)).toEqual([]);
  });

  it('refuses an unknown role: exit 2, error user.invalid_role, no account', async () => {
    const email = 'cli.chief@example.org';
    const run = pacteWithInput(
      ['user', 'add', '--email', email, '--role', 'chief', '--password-stdin'],
      t.env,
      `${PASSWORD}\n`,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error user\.invalid_role: .*chief/);
    expect(await accountsNamed(email)).toEqual([]);
  });
});

describe('pacte user reset-password', () => {
  it('prints a one-time token and its page; the token then sets the password over HTTP, once', async () => {
    const email = 'cli.reset@example.org';
    await t.briefly(({ db }) => createUser(db, email, PASSWORD, { role: 'validator', country: 'MAR' }));
    const run = pacte(['user', 'reset-password', '--email', email], t.env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const token = /token: (\S+)/.exec(run.stdout)?.[1];
    expect(token).toBeDefined();
    expect(run.stdout).toContain(`/reset-password?token=${token}`);
    expect(run.stdout).toContain('1 hour');
    const newPassword = 'chosen after a reset';
    const [first, second, signIn] = await t.briefly(async (storage) => {
      const server = await buildServer({ storage, logLevel: 'silent' });
      try {
        const post = () =>
          server.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { token, password: newPassword } });
        return [
          await post(),
          await post(),
          await server.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: newPassword } }),
        ];
      } finally {
        await server.close();
      }
    });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(400);
    expect(signIn.statusCode).toBe(200);
  });

  it('refuses an unknown address: exit 2, error user.not_found, no token', () => {
    const run = pacte(['user', 'reset-password', '--email', 'nobody.at.all@example.org'], t.env);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error user\.not_found: /);
  });
});
