import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signInToken } from '../support/accounts.js';
import { openPeopleWorld, type PeopleWorld } from '../support/people.js';
import { PASSWORD } from '../support/personas.js';
import { ENGINE } from '../support/storage.js';

/**
 * Disabling and enabling people (issue 11, item 5): whoever manages a role (a regional
 * secretariat its region's focal points and validators, a focal point its country's
 * contributors and stakeholders) disables it when someone leaves; on both engines.
 */
let w: PeopleWorld;
const call = (...args: Parameters<PeopleWorld['call']>) => w.call(...args);

beforeAll(async () => {
  w = await openPeopleWorld();
});

afterAll(async () => {
  await w?.close();
});

describe('disabling and enabling', () => {
  it('the secretariat disables a validator of Morocco: its sessions end, it cannot sign in, until enabled again', async () => {
    const email = 'leaving@mar.example.org';
    await createUser(w.t.storage.db, email, PASSWORD, { role: 'validator', country: 'MAR' });
    const session = await signInToken(w.app, email, PASSWORD);
    const id = await w.idOf(email);

    expect((await call('otherSecretariat', 'POST', `/api/v1/users/${id}/disable`)).status).toBe(403);
    expect((await call('focal', 'POST', `/api/v1/users/${id}/disable`)).status).toBe(403);
    expect((await call('secretariat', 'POST', '/api/v1/users/999999/disable')).body.code).toBe('person.not_found');
    const disabled = await call('secretariat', 'POST', `/api/v1/users/${id}/disable`);
    expect(disabled).toMatchObject({
      status: 200,
      body: { person: { disabled: true, grants: [{ role: 'validator', country: 'MAR', disabled: true }] } },
    });
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(me.statusCode).toBe(401);
    expect(await w.t.storage.db.selectFrom('session').select('token_hash').where('user_id', '=', id).execute()).toEqual(
      [],
    );
    expect(await w.signInStatus(email, PASSWORD)).toBe(401);
    const listed = (await call('secretariat', 'GET', '/api/v1/people?country=MAR')).body.people.find(
      (p: { id: number }) => p.id === id,
    );
    expect(listed).toMatchObject({ disabled: true });

    const enabled = await call('secretariat', 'POST', `/api/v1/users/${id}/enable`);
    expect(enabled.body.person).toMatchObject({ disabled: false, grants: [{ disabled: false }] });
    expect(await w.signInStatus(email, PASSWORD)).toBe(200);
    const audit = await w.auditOf(email);
    expect(
      audit
        .filter((a) => a.action === 'user.disabled' || a.action === 'user.enabled')
        .map((a) => [a.action, a.country]),
    ).toEqual([
      ['user.disabled', 'MAR'],
      ['user.enabled', 'MAR'],
    ]);
  });

  it('only the roles the caller manages are disabled: a person with a role elsewhere keeps it, and signs in', async () => {
    const email = 'two.hats@example.org';
    await createUser(w.t.storage.db, email, PASSWORD, { role: 'contributor', entity: w.world.entities.interior });
    await createUser(w.t.storage.db, email, PASSWORD, { role: 'contributor', entity: w.world.entities.tunisia });
    const id = await w.idOf(email);
    const disabled = await call('focal', 'POST', `/api/v1/users/${id}/disable`);
    expect(disabled.body.person).toMatchObject({
      disabled: false,
      grants: [{ entity: w.world.entities.interior, disabled: true }],
    });
    const session = await signInToken(w.app, email, PASSWORD);
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(me.json().grants).toEqual([
      { role: 'contributor', country: 'TUN', region: null, entity: w.world.entities.tunisia },
    ]);
    // The secretariat manages none of these roles.
    expect((await call('secretariat', 'POST', `/api/v1/users/${id}/enable`)).status).toBe(403);
  });
});

describe('giving a disabled role again', () => {
  it('an administrator adding the role again (POST /api/v1/users) enables it, and the account with it', async () => {
    const email = 'back.again@mar.example.org';
    await createUser(w.t.storage.db, email, PASSWORD, { role: 'validator', country: 'MAR' });
    const id = await w.idOf(email);
    expect((await call('secretariat', 'POST', `/api/v1/users/${id}/disable`)).body.person.disabled).toBe(true);
    expect(await w.signInStatus(email, PASSWORD)).toBe(401);
    const added = await call('admin', 'POST', '/api/v1/users', {
      email,
      password: PASSWORD,
      role: 'validator',
      country: 'MAR',
    });
    expect(added.status).toBe(201);
    const session = await signInToken(w.app, email, PASSWORD);
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(me.json().grants).toEqual([{ role: 'validator', country: 'MAR', region: null, entity: null }]);
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
