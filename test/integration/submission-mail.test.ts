import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { smtpMailer, type Mailer } from '../../src/services/send-mail.js';
import { sendMailDigests } from '../../src/services/send-mail-digests.js';
import { addPerson, createWorld, PERSONAS, type World } from '../support/personas.js';
import { startSmtpServer } from '../support/smtp.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * What the secretariat does with a submission is e-mailed to the country's focal points (issue
 * 11: acknowledgement and return « notified »), as reminders are: through a real SMTP server on
 * loopback, each in the person's language (their preference, else the cycle's first: French for
 * arab-2021); the return quotes the reason as written, in plain text. Whoever chose the daily
 * digest gets neither at once, then one digest naming both. A mail server that cannot be reached
 * undoes nothing.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
const tokens: Record<'french' | 'digest', Record<string, string>> = { french: {}, digest: {} };
const FRENCH = 'second@mar.example.org';
const DIGEST = 'digest@mar.example.org';
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const SUBMISSIONS = `${REVIEW}/submissions`;
// Everything a template engine or HTML could take for its own: it must arrive as written.
const REASON =
  "La section II ne cite aucune source : « voir l’annexe 3 ».\n\nAjoutez <b>les chiffres</b> & {total} '2023' $t(x) {{y}}.";
const db = () => t.storage.db;

/** Quoted-printable text (or a Q encoded word) as the bytes it stands for. */
function unquote(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(...Buffer.from(text[i] ?? '', 'utf8'));
  }
  return Buffer.from(out);
}
const bytes = (encoding: string, data: string) =>
  encoding.toUpperCase() === 'B' || encoding === 'base64'
    ? Buffer.from(data.replace(/\s/g, ''), 'base64')
    : unquote(data);

/** A received mail's subject and text, decoded (encoded words, quoted-printable or base64), \n for line ends. */
function readMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  // Adjacent encoded words are one text cut anywhere, even inside a character: join their bytes first.
  const words = [...header('Subject').matchAll(/=\?UTF-8\?([BQ])\?(.*?)\?=/gi)];
  const subject =
    words.length > 0
      ? Buffer.concat(words.map(([, enc = 'Q', data = '']) => bytes(enc, enc === 'Q' ? data.replace(/_/g, ' ') : data)))
      : Buffer.from(header('Subject'));
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let body = raw.slice(split + 4);
  if (encoding === 'quoted-printable') body = bytes('Q', body.replace(/=\r\n/g, '')).toString('utf8');
  else if (encoding === 'base64') body = bytes('base64', body).toString('utf8');
  return { subject: subject.toString('utf8'), text: body.replace(/\r\n/g, '\n').trimEnd() };
}
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email)).map((m) => readMail(m.raw));
const held = async () =>
  db()
    .selectFrom('held_mail')
    .innerJoin('user_account', 'user_account.id', 'held_mail.user_id')
    .select(['user_account.email', 'held_mail.kind', 'held_mail.params'])
    .orderBy('held_mail.id')
    .execute();

async function call(
  server: FastifyInstance,
  headers: Record<string, string>,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) {
  const response = await server.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

/** Every answer approved (as the validator would), then the review validated and submitted. */
async function submit(): Promise<number> {
  const review = await db()
    .selectFrom('review')
    .select('id')
    .where('country_code', '=', 'MAR')
    .where('cycle_id', '=', 'arab-2021')
    .executeTakeFirstOrThrow();
  // The moves the database allows, in turn (an answer never jumps to approved).
  for (const [from, to] of [
    ['changes_requested', 'in_review'],
    ['drafting', 'in_review'],
    ['in_review', 'approved'],
  ] as const) {
    await db()
      .updateTable('answer')
      .set({ status: to })
      .where('review_id', '=', review.id)
      .where('status', '=', from)
      .execute();
  }
  expect((await call(app, world.as('focal'), 'POST', `${REVIEW}/status`, { to: 'validated' })).status).toBe(200);
  const submitted = await call(app, world.as('focal'), 'POST', `${REVIEW}/status`, { to: 'submitted' });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body.submission as number;
}
const submittedOn = async (number: number, language: string) => {
  const { body } = await call(app, world.as('secretariat'), 'GET', `${SUBMISSIONS}/${number}`);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(body.submittedAt as string),
  );
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mail = { url: smtp.url, from: 'Pacte <pacte@escwa.test>' };
  mailer = smtpMailer(mail);
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent', mail });
  world = await createWorld(db(), app);
  // Morocco's three focal points: one reads English, one chose nothing, one takes a daily digest in Arabic.
  tokens.french = {
    authorization: `Bearer ${await addPerson(db(), app, FRENCH, { role: 'focal_point', country: 'MAR' })}`,
  };
  tokens.digest = {
    authorization: `Bearer ${await addPerson(db(), app, DIGEST, { role: 'focal_point', country: 'MAR' })}`,
  };
  const preferences = '/api/v1/session/preferences';
  expect(
    (await call(app, world.as('focal'), 'PUT', preferences, { mailDelivery: 'immediate', language: 'en' })).status,
  ).toBe(200);
  expect((await call(app, tokens.digest, 'PUT', preferences, { mailDelivery: 'daily', language: 'ar' })).status).toBe(
    200,
  );
}, 120_000);
afterAll(async () => {
  mailer?.close();
  await app?.close();
  await t?.cleanup();
  await smtp?.close();
});

describe('e-mail of what the secretariat does with a submission', () => {
  it('acknowledgement: each focal point is e-mailed in their language, naming the submission and its date', async () => {
    expect(await submit()).toBe(1);
    const acknowledged = await call(app, world.as('secretariat'), 'POST', `${SUBMISSIONS}/1/acknowledgement`);
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(201);
    expect(mailsTo(PERSONAS.focal.email)).toEqual([
      {
        subject: 'Pacte: the secretariat acknowledged receipt of submission 1 — Morocco',
        text: expect.stringContaining(`submission 1 of the review of Morocco for the First Regional Review`),
      },
    ]);
    expect(mailsTo(PERSONAS.focal.email)[0]?.text).toContain(`submitted on ${await submittedOn(1, 'en')}.`);
    const [french, ...more] = mailsTo(FRENCH);
    expect(more).toEqual([]);
    expect(french?.subject).toBe('Pacte : le secrétariat a accusé réception de la soumission 1 — Maroc');
    expect(french?.text).toContain(`soumission 1 de l’examen national (Maroc) pour le cycle « Premier Examen Régional`);
    expect(french?.text).toContain(`soumise le ${await submittedOn(1, 'fr')}.`);
    // Nobody else: not another country's focal point, not Morocco's validator.
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([FRENCH, PERSONAS.focal.email].sort());
  });

  it('return: the e-mail quotes the reason as the secretariat wrote it', async () => {
    const returned = await call(app, world.as('secretariat'), 'POST', `${SUBMISSIONS}/1/return`, { reason: REASON });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const english = mailsTo(PERSONAS.focal.email)[1];
    expect(english?.subject).toBe(
      'Pacte: the secretariat returned the review of Morocco — First Regional Review of the Global Compact for Safe, Orderly and Regular Migration in the Arab Region',
    );
    expect(english?.text).toContain(`returned submission 1 of the review of Morocco`);
    expect(english?.text).toContain(`Its reason:\n\n${REASON}\n\nThe review is a draft again`);
    expect(mailsTo(FRENCH)[1]?.text).toContain(`Son motif :\n\n${REASON}\n\nL’examen est de nouveau un brouillon`);
    expect(smtp.received).toHaveLength(4);
  });

  it('a focal point on the daily digest gets neither at once, then one digest naming both, in Arabic', async () => {
    expect(mailsTo(DIGEST)).toEqual([]);
    expect((await held()).map((h) => [h.email, h.kind])).toEqual([
      [DIGEST, 'submission_acknowledged'],
      [DIGEST, 'submission_returned'],
    ]);
    expect(await sendMailDigests(db(), mailer)).toEqual({ sent: 1, failed: 0 });
    const [digest, ...more] = mailsTo(DIGEST);
    expect(more).toEqual([]);
    expect(digest?.subject).toBe('«باكت»: ملخّصكم اليومي — رسالتان');
    expect(digest?.text).toContain('1. «باكت»: أقرّت الأمانة باستلام التقديم 1 — المغرب');
    expect(digest?.text).toContain('2. «باكت»: أعادت الأمانة استعراض المغرب — ');
    expect(digest?.text).toContain(`المقدَّم في ${await submittedOn(1, 'ar-u-nu-latn')}`);
    expect(digest?.text).toContain(`السبب الذي ذكرته:\n\n${REASON}\n\n`);
    expect(await held()).toEqual([]);
  });

  it('an unreachable mail server undoes nothing: the acknowledgement stands, notified and held for the digest', async () => {
    expect(await submit()).toBe(2);
    // A port nobody listens on any more.
    const gone = await startSmtpServer();
    await gone.close();
    const broken = await buildServer({
      storage: t.storage,
      logLevel: 'silent',
      mail: { url: gone.url, from: 'Pacte <pacte@escwa.test>' },
      exportWorker: false,
    });
    try {
      const received = smtp.received.length;
      const acknowledged = await call(broken, world.as('secretariat'), 'POST', `${SUBMISSIONS}/2/acknowledgement`);
      expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(201);
      expect(smtp.received).toHaveLength(received);
      const submission = await call(app, world.as('focal'), 'GET', `${SUBMISSIONS}/2`);
      expect(submission.body.acknowledged).toMatchObject({ by: PERSONAS.secretariat.email });
      const { body } = await call(app, world.as('focal'), 'GET', '/api/v1/notifications');
      const notes = body.notifications as { kind: string; details: { submission?: number } }[];
      expect(
        notes
          .filter((n) => n.kind === 'submission_acknowledged')
          .map((n) => n.details.submission)
          .sort(),
      ).toEqual([1, 2]);
      expect((await held()).map((h) => [h.email, h.kind, (h.params as { submission: number }).submission])).toEqual([
        [DIGEST, 'submission_acknowledged', 2],
      ]);
    } finally {
      await broken.close();
    }
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
