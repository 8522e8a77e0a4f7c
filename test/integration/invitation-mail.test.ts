import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { openPeopleWorld, type PeopleWorld } from '../support/people.js';
import { ENGINE } from '../support/storage.js';
import { startSmtpServer } from '../support/smtp.js';

/**
 * Invitations by e-mail (issue 11, item 5), against a real SMTP server the test starts on
 * loopback: with a server the link goes to the person, not to whoever invited; a server that
 * refuses the mail leaves the link to hand over. On both engines.
 */
let w: PeopleWorld;
const NEW_PASSWORD = 'a sentence chosen by the invitee';

const acceptApi = (token: string, password: string) =>
  w.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password } });

beforeAll(async () => {
  w = await openPeopleWorld();
});

afterAll(async () => {
  await w?.close();
});

describe('with an SMTP server', () => {
  it('the link is e-mailed, and not answered; a server that refuses the mail leaves the link to hand over', async () => {
    const smtp = await startSmtpServer();
    const { received } = smtp;
    const mailing = await buildServer({
      storage: w.t.storage,
      logLevel: 'silent',
      mail: { url: smtp.url, from: 'Pacte <pacte@escwa.test>' },
    });
    try {
      const send = (email: string) =>
        mailing.inject({
          method: 'POST',
          url: '/api/v1/invitations?lang=fr',
          headers: { authorization: `Bearer ${w.world.tokens.secretariat}` },
          payload: { email, role: 'validator', country: 'MAR' },
        });
      const mailed = await send('mailed@mar.example.org');
      expect(mailed.statusCode).toBe(201);
      expect(mailed.json()).toMatchObject({ sent: true, link: null });
      const mail = received.find((m) => m.to.includes('mailed@mar.example.org'));
      // The text is quoted-printable: soft line breaks and =XX escapes undone.
      const text = (mail?.raw ?? '')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const token = /\/invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
      expect(token).not.toBe('');
      expect(text).toContain('secretariat@escwa.example.org vous invite');
      expect((await acceptApi(token, NEW_PASSWORD)).json()).toMatchObject({
        created: true,
        email: 'mailed@mar.example.org',
      });

      const refused = await send('refused@mar.example.org');
      expect(refused.json()).toMatchObject({
        sent: false,
        link: expect.stringContaining('/invitations/accept?token='),
      });
    } finally {
      await mailing.close();
      await smtp.close();
    }
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
