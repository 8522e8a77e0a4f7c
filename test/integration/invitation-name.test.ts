import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPeopleWorld, type PeopleWorld, type Who } from '../support/people.js';

/**
 * An invitation names the person invited (issue 12, item 9: names, not codes): the inviter gives
 * the name with the address; the list of invitations shows it; the acceptance page offers it in
 * its name field, and the account made takes it unless the person typed another. A name longer
 * than an account's is refused with user.invalid_name, and nothing is invited.
 */
let w: PeopleWorld;
const call = (...args: Parameters<PeopleWorld['call']>) => w.call(...args);
const invite = (who: Who, body: object) => call(who, 'POST', '/api/v1/invitations', body);
const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

beforeAll(async () => {
  w = await openPeopleWorld();
});

afterAll(async () => {
  await w?.close();
});

describe('the name of the person invited', () => {
  it('is kept with the invitation, listed, offered on the acceptance page and given to the account', async () => {
    const email = 'salma.idrissi@mar.example.org';
    const created = await invite('secretariat', {
      email,
      name: '  Salma   Idrissi ',
      role: 'validator',
      country: 'MAR',
    });
    expect(created.status).toBe(201);
    // Blanks collapsed, as for an account's display name.
    expect(created.body.invitation).toMatchObject({ email, name: 'Salma Idrissi' });
    const listed = (await call('secretariat', 'GET', '/api/v1/invitations')).body.invitations as unknown as {
      email: string;
      name: string | null;
    }[];
    expect(listed.find((i) => i.email === email)?.name).toBe('Salma Idrissi');

    const token = tokenOf(created.body.link as string);
    const page = await w.app.inject({ method: 'GET', url: `/invitations/accept?token=${token}&lang=fr` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<input[^>]*id="name"[^>]*value="Salma Idrissi"/su);

    // Accepted over the API without a name: the account takes the inviter's.
    const accepted = await w.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: 'a sentence chosen by the invitee' },
    });
    expect(accepted.statusCode).toBe(200);
    const account = await w.t.storage.db
      .selectFrom('user_account')
      .select('display_name')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(account.display_name).toBe('Salma Idrissi');
  });

  it('the person may type another name; an invitation without a name stays without one', async () => {
    const email = 'karim.b@mar.example.org';
    const created = await invite('secretariat', { email, name: 'K. Bennani', role: 'validator', country: 'MAR' });
    const token = tokenOf(created.body.link as string);
    const accepted = await w.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: 'a sentence chosen by the invitee', name: 'Karim Bennani' },
    });
    expect(accepted.statusCode).toBe(200);
    const named = await w.t.storage.db
      .selectFrom('user_account')
      .select('display_name')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(named.display_name).toBe('Karim Bennani');

    const plain = await invite('secretariat', { email: 'sans.nom@mar.example.org', role: 'validator', country: 'MAR' });
    expect(plain.status).toBe(201);
    expect((plain.body.invitation as unknown as { name: string | null }).name).toBeNull();
  });

  it('refuses a name longer than an account’s, and invites no one', async () => {
    const email = 'bad.name@mar.example.org';
    const refused = await invite('secretariat', { email, name: 'x'.repeat(121), role: 'validator', country: 'MAR' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('user.invalid_name');
    const rows = await w.t.storage.db.selectFrom('invitation').select('id').where('email', '=', email).execute();
    expect(rows).toEqual([]);
  });
});
