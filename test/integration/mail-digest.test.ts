import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { smtpMailer, type Mailer } from '../../src/services/send-mail.js';
import { scheduleMailDigests, sendMailDigests } from '../../src/services/send-mail-digests.js';
import { addPerson, createWorld, PERSONAS, type World } from '../support/personas.js';
import { startSmtpServer } from '../support/smtp.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The daily digest (issue 11, reminders « with a digest option »; migration 021): a person who
 * chose it gets their reminders in the app at once, but by e-mail only when the digest runs, as
 * ONE e-mail naming them all, in their language; the others get each e-mail at once as before.
 * Through a real SMTP server on loopback; the digest's schedule is in the database, so running it
 * again, or twice at once, sends nothing twice.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
let refused: Record<string, string>;
const CYCLE = 'arab-2024';
const PREFERENCES = '/api/v1/session/preferences';
const db = () => t.storage.db;
const HOUR = 3_600_000;

/** Quoted-printable undone (soft line breaks, =XX bytes as UTF-8). */
const unquote = (text: string) =>
  text
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (hex) => Buffer.from(hex.replace(/=/g, ''), 'hex').toString('utf8'));
/** A mail's subject (its folded encoded words decoded), a blank line, then its text. */
function textOf(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const subject = (/^Subject: (.*)$/m.exec(head)?.[1] ?? '')
    .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) => unquote(q.replace(/_/g, ' ')));
  return `${subject}\n\n${unquote(raw.slice(split + 4))}`;
}
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email)).map((m) => textOf(m.raw));

async function inject(headers: Record<string, string>, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) {
  return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}
const remind = async (countries: string[]) => {
  const response = await inject(world.as('secretariat'), 'POST', `/api/v1/cycles/${CYCLE}/reminders`, { countries });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ reminded: number; mailed: number }>();
};
const held = async () => db().selectFrom('held_mail').select(['user_id', 'kind']).execute();

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mail = { url: smtp.url, from: 'Pacte <pacte@escwa.test>' };
  mailer = smtpMailer(mail);
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent', mail });
  world = await createWorld(db(), app);
  const token = await addPerson(db(), app, 'refused@jor.example.org', { role: 'focal_point', country: 'JOR' });
  refused = { authorization: `Bearer ${token}` };
  const created = await inject(world.as('secretariat'), 'POST', '/api/v1/cycles', {
    id: CYCLE,
    region: 'arab',
    questionnaire: 'arab-2021',
    opensOn: '2024-03-01',
    dueOn: '2024-05-31',
    languages: ['fr', 'ar'],
    countries: ['MAR', 'TUN', 'JOR'],
  });
  expect(created.statusCode, created.body).toBe(201);
}, 120_000);
afterAll(async () => {
  mailer?.close();
  await app?.close();
  await t?.cleanup();
  await smtp?.close();
});

describe('mail preferences', () => {
  it('are immediate until one chooses; one sets one’s own, audited, and nothing else', async () => {
    const before = await inject(world.as('focal'), 'GET', PREFERENCES);
    expect(before.json()).toEqual({ mailDelivery: 'immediate', language: null });
    const set = await inject(world.as('focal'), 'PUT', PREFERENCES, { mailDelivery: 'daily', language: 'en' });
    expect(set.statusCode, set.body).toBe(200);
    expect((await inject(world.as('focal'), 'GET', PREFERENCES)).json()).toEqual({
      mailDelivery: 'daily',
      language: 'en',
    });
    // Someone else's are untouched.
    expect((await inject(world.as('focalTun'), 'GET', PREFERENCES)).json().mailDelivery).toBe('immediate');
    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor', 'details'])
      .where('action', '=', 'account.mail_preferences')
      .execute();
    expect(audit).toEqual([
      {
        actor: PERSONAS.focal.email,
        details: {
          before: { mailDelivery: 'immediate', language: null },
          after: { mailDelivery: 'daily', language: 'en' },
        },
      },
    ]);
    const weekly = await inject(world.as('focal'), 'PUT', PREFERENCES, { mailDelivery: 'weekly', language: null });
    expect(weekly.statusCode).toBe(400);
    expect((await inject({}, 'GET', PREFERENCES)).statusCode).toBe(401);
    expect((await inject({}, 'PUT', PREFERENCES, { mailDelivery: 'daily', language: null })).statusCode).toBe(401);
  });
});

describe('the daily digest', () => {
  const now = new Date();

  it('holds the e-mails of a person reminded twice, while the others get theirs at once and everyone sees the app', async () => {
    expect(await remind(['MAR', 'TUN'])).toEqual({ countries: ['MAR', 'TUN'], reminded: 2, mailed: 1 });
    expect(await remind(['MAR', 'TUN'])).toEqual({ countries: ['MAR', 'TUN'], reminded: 2, mailed: 1 });
    expect(mailsTo(PERSONAS.focalTun.email)).toHaveLength(2);
    expect(mailsTo(PERSONAS.focal.email)).toEqual([]);
    const inApp = await db()
      .selectFrom('notification')
      .innerJoin('user_account', 'user_account.id', 'notification.user_id')
      .select('notification.kind')
      .where('user_account.email', '=', PERSONAS.focal.email)
      .where('notification.kind', '=', 'reminder')
      .execute();
    expect(inApp).toHaveLength(2);
    expect(await held()).toHaveLength(2);
  });

  it('sends them as one e-mail naming both, in the person’s language, and nothing more until a day has passed', async () => {
    const runs = await Promise.all([sendMailDigests(db(), mailer, now), sendMailDigests(db(), mailer, now)]);
    // Two runs at once (two servers): one sends, the other finds nobody left to claim.
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    const [digest = '', ...more] = mailsTo(PERSONAS.focal.email);
    expect(more).toEqual([]);
    expect(digest).toContain('your daily digest');
    expect(digest).toContain('2 messages');
    expect(digest.match(/Pacte: due date reminder/g)).toHaveLength(2);
    expect(digest).toContain('Morocco');
    expect(digest).toContain('May 31, 2024');
    expect(await held()).toEqual([]);
    expect(mailsTo(PERSONAS.focalTun.email)).toHaveLength(2);

    await remind(['MAR']);
    expect(await sendMailDigests(db(), mailer, new Date(now.getTime() + HOUR))).toEqual({ sent: 0, failed: 0 });
    expect(mailsTo(PERSONAS.focal.email)).toHaveLength(1);
    expect(await sendMailDigests(db(), mailer, new Date(now.getTime() + 24 * HOUR))).toEqual({ sent: 1, failed: 0 });
    const next = mailsTo(PERSONAS.focal.email)[1] ?? '';
    expect(next).toContain('1 message');
    expect(next.match(/Pacte: due date reminder/g)).toHaveLength(1);
  });

  it('keeps what the SMTP server refused for the next run', async () => {
    await inject(refused, 'PUT', PREFERENCES, { mailDelivery: 'daily', language: null });
    await remind(['JOR']);
    expect(await sendMailDigests(db(), mailer, now)).toEqual({ sent: 0, failed: 1 });
    expect(await held()).toHaveLength(1);
    // The schedule went back: the next run tries again (and the server refuses again).
    expect(await sendMailDigests(db(), mailer, new Date(now.getTime() + HOUR))).toEqual({ sent: 0, failed: 1 });
    await db().deleteFrom('held_mail').execute();
  });

  it('sends at once again after going back to immediate, and what was held at the next run', async () => {
    await remind(['MAR']);
    await inject(world.as('focal'), 'PUT', PREFERENCES, { mailDelivery: 'immediate', language: 'en' });
    expect(await remind(['MAR'])).toMatchObject({ mailed: 1 });
    expect(mailsTo(PERSONAS.focal.email)).toHaveLength(3);
    expect(await sendMailDigests(db(), mailer, new Date(now.getTime() + 25 * HOUR))).toEqual({ sent: 1, failed: 0 });
    expect(mailsTo(PERSONAS.focal.email)).toHaveLength(4);
    expect(await held()).toEqual([]);
  });

  it('is sent by pacte serve’s schedule when it starts, which stops with the server', async () => {
    await inject(world.as('focal'), 'PUT', PREFERENCES, { mailDelivery: 'daily', language: 'en' });
    await remind(['MAR']);
    const before = mailsTo(PERSONAS.focal.email).length;
    // The schedule is in the database: a digest last sent two days ago is due at once.
    await db()
      .updateTable('user_account')
      .set({ last_digest_at: new Date(Date.now() - 48 * HOUR) })
      .where('email', '=', PERSONAS.focal.email)
      .execute();
    const server = Fastify({ logger: false });
    scheduleMailDigests(server, db(), { url: smtp.url, from: 'Pacte <pacte@escwa.test>' });
    await server.ready();
    while (mailsTo(PERSONAS.focal.email).length === before) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.close();
    expect(mailsTo(PERSONAS.focal.email).at(-1)).toContain('1 message');
    expect(await held()).toEqual([]);
  });

  it('holds nothing and sends nothing without an SMTP server', async () => {
    expect(await sendMailDigests(db(), undefined, now)).toEqual({ sent: 0, failed: 0 });
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
