import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PENDING_INVITATIONS } from '../../src/services/create-invitation.js';
import { translate } from '../../src/i18n/index.js';
import { signInToken } from '../support/accounts.js';
import { openPeopleWorld, type PeopleWorld, type Who } from '../support/people.js';
import { PASSWORD, PERSONAS } from '../support/personas.js';
import { ENGINE } from '../support/storage.js';

/**
 * Invitations (issue 11, item 5): a regional secretariat invites the focal points and validators
 * of its region's countries, a focal point the contributors and stakeholders of its country's
 * entities, by a one-time link; on both engines. By e-mail: invitation-mail.test.ts; disabling:
 * people.test.ts.
 */
let w: PeopleWorld;
const NEW_PASSWORD = 'a sentence chosen by the invitee';

const call = (...args: Parameters<PeopleWorld['call']>) => w.call(...args);
const invite = (who: Who, body: object) => call(who, 'POST', '/api/v1/invitations', body);
const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

/** The page's form, as a browser posts it. */
const postForm = (fields: Record<string, string>, lang = 'en') =>
  w.app.inject({
    method: 'POST',
    url: `/invitations/accept?lang=${lang}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const acceptApi = (token: string, password?: string) =>
  w.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token, ...(password ? { password } : {}) },
  });

const message = (lang: 'fr' | 'en' | 'ar', code: string, params = {}) =>
  translate(lang, 'errors', code, params).replace(/'/g, '&#39;');

beforeAll(async () => {
  w = await openPeopleWorld();
});

afterAll(async () => {
  await w?.close();
});

describe('a secretariat invites the focal points and validators of its region', () => {
  it('the Arab secretariat invites a focal point of Morocco; the link, accepted once, makes an account that signs in with the role', async () => {
    const email = 'new.focal@mar.example.org';
    const created = await invite('secretariat', { email, role: 'focal_point', country: 'MAR' });
    expect(created.status).toBe(201);
    // No mail server: the link is answered, and nothing says it was sent.
    expect(created.body).toMatchObject({
      sent: false,
      invitation: { email, state: 'pending', grant: { role: 'focal_point', country: 'MAR' } },
    });
    const link = created.body.link as string;
    expect(link).toMatch(/\/invitations\/accept\?token=/);
    const token = tokenOf(link);
    // Only its hash is stored.
    const stored = await w.t.storage.db
      .selectFrom('invitation')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const pending = await call('secretariat', 'GET', '/api/v1/invitations');
    expect(pending.body.invitations.map((i: { email: string }) => i.email)).toContain(email);

    const fr = await w.app.inject({ method: 'GET', url: `/invitations/accept?token=${token}&lang=fr` });
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['cache-control']).toBe('no-store');
    expect(fr.headers['content-security-policy']).toContain("default-src 'none'");
    expect(fr.body).not.toContain('<script');
    expect(fr.body).toContain(translate('fr', 'ui', 'invitation.title'));
    expect(fr.body).toContain('point focal – Maroc');
    expect(fr.body).toContain('name="password"');
    const ar = await w.app.inject({ method: 'GET', url: `/invitations/accept?token=${token}&lang=ar` });
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain(translate('ar', 'ui', 'invitation.submit'));

    const mismatch = await postForm({ token, password: NEW_PASSWORD, confirm: 'something else entirely' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('href="#confirm"');
    const weak = await postForm({ token, password: 'short', confirm: 'short' }, 'fr');
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('href="#password"');

    // A new account is named by its holder (shown instead of the address); the form keeps what was typed.
    expect(fr.body).toContain('name="name"');
    const unnamed = await postForm({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD, name: '  ' }, 'fr');
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.body).toContain('href="#name"');
    expect(unnamed.body).toContain(message('fr', 'user.invalid_name', { max: 120 }));
    const done = await postForm(
      { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD, name: ' Nadia   Benali ' },
      'ar',
    );
    expect(done.statusCode).toBe(200);
    const people = await call('secretariat', 'GET', '/api/v1/people?country=MAR');
    const named = (people.body.people as unknown as { email: string; name: string | null }[]).find(
      (p) => p.email === email,
    );
    expect(named?.name).toBe('Nadia Benali');
    expect(done.body).toContain(translate('ar', 'ui', 'invitation.done_title'));

    const session = await signInToken(w.app, email, NEW_PASSWORD);
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(me.json().grants).toEqual([{ role: 'focal_point', country: 'MAR', region: null, entity: null }]);
    // The new focal point works on Morocco's review at once.
    const review = await w.app.inject({
      method: 'GET',
      url: '/api/v1/reviews/MAR/arab-2021/workspace',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(review.statusCode).toBe(200);

    const again = await postForm({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(message('en', 'invitation.used'));
    expect((await acceptApi(token, NEW_PASSWORD)).json()).toMatchObject({ code: 'invitation.used' });
    expect(
      (await call('secretariat', 'GET', '/api/v1/invitations')).body.invitations.map((i: { email: string }) => i.email),
    ).not.toContain(email);

    const audit = await w.auditOf(email);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted']));
    expect(audit.filter((a) => a.action.startsWith('invitation.')).map((a) => [a.action, a.country])).toEqual([
      ['invitation.created', 'MAR'],
      ['invitation.accepted', 'MAR'],
    ]);
  });

  it('a deputy: a second focal point of the same country, listed with the first', async () => {
    const email = 'deputy.focal@mar.example.org';
    const created = await invite('secretariat', { email, role: 'focal_point', country: 'MAR' });
    expect((await acceptApi(tokenOf(created.body.link), NEW_PASSWORD)).json()).toMatchObject({ created: true });
    const people = await call('secretariat', 'GET', '/api/v1/people?country=MAR');
    const focalPoints = people.body.people
      .filter((p: { grants: { role: string }[] }) => p.grants.some((g) => g.role === 'focal_point'))
      .map((p: { email: string }) => p.email);
    expect(focalPoints).toEqual(expect.arrayContaining([PERSONAS.focal.email, email]));
    // The secretariat sees only the roles it manages: none of Morocco's contributors.
    expect(people.body.people.map((p: { email: string }) => p.email)).not.toContain(PERSONAS.contributorA.email);
  });

  it('another region’s secretariat cannot invite for Morocco, and sees none of its people nor invitations', async () => {
    const refused = await invite('otherSecretariat', { email: 'x@mar.example.org', role: 'validator', country: 'MAR' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.forbidden');
    expect((await call('otherSecretariat', 'GET', '/api/v1/people')).body.people).toEqual([]);
    expect((await call('otherSecretariat', 'GET', '/api/v1/invitations')).body.invitations).toEqual([]);
    // Morocco also belongs to an African region: that secretariat may invite for it, not for Tunisia.
    expect(
      (await invite('africaSecretariat', { email: 'af@mar.example.org', role: 'validator', country: 'MAR' })).status,
    ).toBe(201);
    expect(
      (await invite('africaSecretariat', { email: 'af@tun.example.org', role: 'validator', country: 'TUN' })).status,
    ).toBe(403);
    expect(
      (await invite('secretariat', { email: 'x@sen.example.org', role: 'focal_point', country: 'SEN' })).status,
    ).toBe(403);
  });

  it('a secretariat cannot invite a contributor, a stakeholder, a secretariat or an administrator', async () => {
    for (const body of [
      { role: 'contributor', entity: w.world.entities.interior },
      { role: 'stakeholder', entity: w.world.entities.association },
      { role: 'secretariat', region: 'arab' },
      { role: 'admin' },
    ]) {
      const refused = await invite('secretariat', { email: 'nope@example.org', ...body });
      expect(refused.status, body.role).toBe(403);
    }
    expect(
      (await invite('admin', { email: 'sec2@escwa.example.org', role: 'secretariat', region: 'arab' })).status,
    ).toBe(201);
  });

  it('an address that already has the role is not invited to it again', async () => {
    const refused = await invite('secretariat', { email: PERSONAS.focal.email, role: 'focal_point', country: 'MAR' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'invitation.already_granted' } });
  });
});

describe('a focal point invites its country’s contributors and stakeholders', () => {
  it('invites a contributor of a Moroccan entity, not of a Tunisian one, and no validator', async () => {
    const created = await invite('focal', {
      email: 'new.contributor@mar.example.org',
      role: 'contributor',
      entity: w.world.entities.interior,
    });
    expect(created.status).toBe(201);
    expect(created.body.invitation.grant).toEqual({
      role: 'contributor',
      country: 'MAR',
      region: null,
      entity: w.world.entities.interior,
    });
    expect(
      (await invite('focal', { email: 'c@tun.example.org', role: 'contributor', entity: w.world.entities.tunisia }))
        .status,
    ).toBe(403);
    expect(
      (
        await invite('focalTun', {
          email: 'c@mar.example.org',
          role: 'stakeholder',
          entity: w.world.entities.association,
        })
      ).status,
    ).toBe(403);
    expect((await invite('focal', { email: 'v@mar.example.org', role: 'validator', country: 'MAR' })).status).toBe(403);
    expect(
      (
        await invite('validator', {
          email: 'c2@mar.example.org',
          role: 'contributor',
          entity: w.world.entities.interior,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await invite('contributorA', {
          email: 'c3@mar.example.org',
          role: 'contributor',
          entity: w.world.entities.interior,
        })
      ).status,
    ).toBe(403);
    // What the focal point's list holds: its country's contributor invitation, not the secretariat's.
    const listed = (await call('focal', 'GET', '/api/v1/invitations')).body.invitations.map(
      (i: { email: string }) => i.email,
    );
    expect(listed).toContain('new.contributor@mar.example.org');
    expect(listed).not.toContain('af@mar.example.org');
    expect((await call('contributorA', 'GET', '/api/v1/invitations')).status).toBe(403);
  });

  it('an existing account accepting gets the role added, is told so, and keeps its password', async () => {
    const email = PERSONAS.contributorB.email;
    const created = await invite('focal', { email, role: 'stakeholder', entity: w.world.entities.association });
    const token = tokenOf(created.body.link);
    const page = await w.app.inject({ method: 'GET', url: `/invitations/accept?token=${token}&lang=en` });
    expect(page.body).toContain(translate('en', 'ui', 'invitation.existing', { email }));
    expect(page.body).not.toContain('name="password"');
    const done = await postForm({ token });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(translate('en', 'ui', 'invitation.done_added', { email }));
    const session = await signInToken(w.app, email, PASSWORD);
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(me.json().grants).toEqual(
      expect.arrayContaining([
        { role: 'contributor', country: 'MAR', region: null, entity: w.world.entities.planning },
        { role: 'stakeholder', country: 'MAR', region: null, entity: w.world.entities.association },
      ]),
    );
  });
});

describe('links that no longer work', () => {
  it('an unknown, an expired, a revoked and a replaced link are refused with their codes', async () => {
    expect((await acceptApi('not-a-token-of-anyone', NEW_PASSWORD)).json()).toMatchObject({
      code: 'invitation.invalid_token',
    });
    const unknown = await w.app.inject({ method: 'GET', url: '/invitations/accept?token=nothing&lang=fr' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain(message('fr', 'invitation.invalid_token'));

    const expiring = await invite('secretariat', { email: 'late@mar.example.org', role: 'validator', country: 'MAR' });
    await w.t.storage.db
      .updateTable('invitation')
      .set({ created_at: '2020-01-01T00:00:00Z', expires_at: '2020-01-08T00:00:00Z' })
      .where('id', '=', expiring.body.invitation.id)
      .execute();
    const expired = await acceptApi(tokenOf(expiring.body.link), NEW_PASSWORD);
    expect([expired.statusCode, expired.json().code]).toEqual([410, 'invitation.expired']);
    const expiredPage = await w.app.inject({
      method: 'GET',
      url: `/invitations/accept?token=${tokenOf(expiring.body.link)}&lang=ar`,
    });
    expect(expiredPage.statusCode).toBe(410);
    expect(expiredPage.body).toContain(message('ar', 'invitation.expired'));
    expect(await w.signInStatus('late@mar.example.org', NEW_PASSWORD)).toBe(401);

    const revoking = await invite('secretariat', {
      email: 'revoked@mar.example.org',
      role: 'validator',
      country: 'MAR',
    });
    const id = revoking.body.invitation.id as number;
    expect((await call('otherSecretariat', 'DELETE', `/api/v1/invitations/${id}`)).status).toBe(403);
    expect((await call('focal', 'DELETE', `/api/v1/invitations/${id}`)).status).toBe(403);
    const revoked = await call('secretariat', 'DELETE', `/api/v1/invitations/${id}`);
    expect(revoked).toMatchObject({ status: 200, body: { invitation: { state: 'revoked' } } });
    expect((await call('secretariat', 'DELETE', `/api/v1/invitations/${id}`)).body.code).toBe('invitation.revoked');
    expect((await call('secretariat', 'DELETE', '/api/v1/invitations/999999')).status).toBe(404);
    expect((await acceptApi(tokenOf(revoking.body.link), NEW_PASSWORD)).json()).toMatchObject({
      code: 'invitation.revoked',
    });
    expect((await w.auditOf('revoked@mar.example.org')).map((a) => a.action)).toContain('invitation.revoked');

    // A new invitation to the same address and role replaces the pending one.
    const first = await invite('secretariat', { email: 'twice@mar.example.org', role: 'validator', country: 'MAR' });
    const second = await invite('secretariat', { email: 'twice@mar.example.org', role: 'validator', country: 'MAR' });
    expect((await acceptApi(tokenOf(first.body.link), NEW_PASSWORD)).json()).toMatchObject({
      code: 'invitation.revoked',
    });
    expect((await acceptApi(tokenOf(second.body.link), NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('two acceptances of one link at once make one account', async () => {
    const created = await invite('secretariat', { email: 'race@mar.example.org', role: 'validator', country: 'MAR' });
    const token = tokenOf(created.body.link);
    const results = await Promise.all([acceptApi(token, NEW_PASSWORD), acceptApi(token, NEW_PASSWORD)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const accounts = await w.t.storage.db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', 'race@mar.example.org')
      .execute();
    expect(accounts).toHaveLength(1);
  });
});

describe('bounds', () => {
  it('one person has at most MAX_PENDING_INVITATIONS pending invitations at once', async () => {
    const db = w.t.storage.db;
    const inviter = PERSONAS.focalTun.email;
    await db
      .insertInto('invitation')
      .values(
        Array.from({ length: MAX_PENDING_INVITATIONS }, (_, i) => ({
          token_hash: `bound-${i}`,
          email: `bound.${i}@tun.example.org`,
          role: 'contributor' as const,
          country_code: 'TUN',
          entity_id: w.world.entities.tunisia,
          invited_by_name: inviter,
          expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        })),
      )
      .execute();
    const entity = w.world.entities.tunisia;
    const refused = await invite('focalTun', { email: 'one.more@tun.example.org', role: 'contributor', entity });
    expect(refused).toMatchObject({ status: 429, body: { code: 'invitation.too_many' } });
    // Withdrawing one makes room.
    const first = (await call('focalTun', 'GET', '/api/v1/invitations')).body.invitations[0]!;
    expect((await call('focalTun', 'DELETE', `/api/v1/invitations/${first.id}`)).status).toBe(200);
    expect((await invite('focalTun', { email: 'one.more@tun.example.org', role: 'contributor', entity })).status).toBe(
      201,
    );
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
