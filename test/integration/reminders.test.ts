import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { addPerson, createWorld, PERSONAS, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';
import { startSmtpServer } from '../support/smtp.js';

/**
 * Reminders (issue 11, item 4): the region's secretariat reminds the focal points of the late
 * countries, or of the countries it names: in the app, and by e-mail through a real SMTP server
 * the test starts on loopback, in the cycle's first language; audited; nobody else may.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const CYCLE = 'arab-2024';
const REMINDERS = `/api/v1/cycles/${CYCLE}/reminders`;
const db = () => t.storage.db;

const remind = (headers: Record<string, string>, payload: object) =>
  app.inject({ method: 'POST', url: REMINDERS, headers, payload });

/** Quoted-printable undone, enough to read the ASCII words of a mail. */
const textOf = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const reminders = async (email: string) =>
  db()
    .selectFrom('notification')
    .innerJoin('user_account', 'user_account.id', 'notification.user_id')
    .select(['notification.kind', 'notification.country', 'notification.cycle'])
    .where('user_account.email', '=', email)
    .where('notification.kind', '=', 'reminder')
    .execute();

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await openTestStorage();
  app = await buildServer({
    storage: t.storage,
    logLevel: 'silent',
    mail: { url: smtp.url, from: 'Pacte <pacte@escwa.test>' },
  });
  world = await createWorld(db(), app);
  await addPerson(db(), app, 'focal@jor.example.org', { role: 'focal_point', country: 'JOR' });
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/cycles',
    headers: world.as('secretariat'),
    payload: {
      id: CYCLE,
      region: 'arab',
      questionnaire: 'arab-2021',
      opensOn: '2024-03-01',
      dueOn: '2024-05-31',
      languages: ['fr', 'ar'],
      countries: ['MAR', 'TUN', 'JOR'],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  // Jordan has submitted: it is not late.
  const review = await db()
    .insertInto('review')
    .values({ country_code: 'JOR', cycle_id: CYCLE, language: 'ar', title: 'Jordanie', status: 'submitted' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('review_submission')
    .values({ review_id: review.id, number: 1, submitted_by: 'focal@jor.example.org', document: JSON.stringify({}) })
    .execute();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
  await smtp?.close();
});

describe('reminders', () => {
  it('reminds the focal points of the late countries, in the app and by e-mail in the cycle’s first language', async () => {
    const response = await remind(world.as('secretariat'), { late: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ countries: ['MAR', 'TUN'], reminded: 2, mailed: 2 });
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([PERSONAS.focal.email, PERSONAS.focalTun.email]);
    const morocco = textOf(smtp.received.find((m) => m.to.includes(PERSONAS.focal.email))?.raw ?? '');
    expect(morocco).toContain('Maroc');
    expect(morocco).toContain('31 mai 2024');
    expect(await reminders(PERSONAS.focal.email)).toEqual([{ kind: 'reminder', country: 'MAR', cycle: CYCLE }]);
    expect(await reminders('focal@jor.example.org')).toEqual([]);
    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor', 'cycle', 'details'])
      .where('action', '=', 'cycle.remind')
      .execute();
    expect(audit).toEqual([
      {
        actor: PERSONAS.secretariat.email,
        cycle: CYCLE,
        details: { countries: ['MAR', 'TUN'], reminded: 2, late: true },
      },
    ]);
  });

  it('reminds the countries named, and only participants', async () => {
    smtp.received.length = 0;
    const response = await remind(world.as('secretariat'), { countries: ['jor'] });
    expect(response.json()).toEqual({ countries: ['JOR'], reminded: 1, mailed: 1 });
    expect(smtp.received.flatMap((m) => m.to)).toEqual(['focal@jor.example.org']);
    const stranger = await remind(world.as('secretariat'), { countries: ['MAR', 'FRA'] });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().code).toBe('cycle.unknown_country');
    expect((await remind(world.as('secretariat'), { countries: [] })).statusCode).toBe(400);
    expect((await remind(world.as('secretariat'), { late: false })).statusCode).toBe(400);
  });

  it('does not exist for another region’s secretariat or a focal point; signed out, sign in first', async () => {
    await db()
      .insertInto('region')
      .values({ id: 'africa', name: JSON.stringify({ fr: 'Afrique', en: 'Africa', ar: 'أفريقيا' }) })
      .execute();
    const token = await addPerson(db(), app, 'secretariat@africa.example.org', {
      role: 'secretariat',
      region: 'africa',
    });
    const africa = { authorization: `Bearer ${token}` };
    for (const headers of [africa, world.as('focal'), world.as('focalTun'), world.as('validator')]) {
      const response = await remind(headers, { late: true });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('cycle.not_found');
    }
    expect((await remind({}, { late: true })).statusCode).toBe(401);
  });
});
