import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalogue from '../../src/db/queries/catalogue.js';
import { buildServer } from '../../src/http/server.js';
import { generateDemoRegion, planOf, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { addPerson } from '../support/personas.js';
import { startSmtpServer } from '../support/smtp.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The tracking table of a generated region (issue 11, Done when): 22 fictional countries, 18 of
 * which submitted, made by the demo generator through the services real use goes through. The
 * test checks the table against what it computes itself from what the generator answered (each
 * country's plan, planOf) and from the questionnaire; then, on that region, a country that takes
 * back its submitted review stays in the secretariat's view with its submission, a return and a
 * resubmission make a second submission, an acknowledgement notifies the focal points, and the
 * reminder to the late countries reaches their focal points through a real SMTP server.
 */
let t: TestStorage;
let app: FastifyInstance;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let demo: DemoRegion;
let secretariat: Record<string, string>;
/** The focal point of each generated country, by country code. */
const focal: Record<string, Record<string, string>> = {};
/** Each section of the questionnaire with its number of questions. */
let sections: { id: string; questions: number }[];

const REGION = 'demo';
const COUNTRIES = 22;
const SUBMITTED = 18;
const CYCLE = `${REGION}-1`;
const TRACKING = `/api/v1/cycles/${CYCLE}/tracking`;
const db = () => t.storage.db;
const focalEmail = (country: string) => `focal@${country.toLowerCase()}.example.org`;
/** A received mail's text, enough to find ASCII words in it (base64 decoded, quoted-printable unwrapped). */
const textOf = (raw: string) => {
  const split = raw.indexOf('\r\n\r\n');
  const body = raw.slice(split + 4);
  return /^Content-Transfer-Encoding: base64/im.test(raw.slice(0, split))
    ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
    : body.replace(/=\r\n/g, '');
};
const review = (country: string) => `/api/v1/reviews/${country}/${CYCLE}`;

interface Row {
  country: string;
  state: string;
  overdue: boolean;
  progress: { answered: number; sections: { id: string; questions: number; answered: number }[] } | null;
  submissions: { count: number; acknowledged: boolean; returned: boolean };
}

async function tracking(query = ''): Promise<Row[]> {
  const response = await app.inject({ method: 'GET', url: `${TRACKING}${query}`, headers: secretariat });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ countries: Row[] }>().countries;
}

async function post(headers: Record<string, string>, url: string, payload?: object, status = 200) {
  const response = await app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
  return response.json<Record<string, unknown>>();
}

const codesWhere = (...states: DemoRegion['countries'][number]['review'][]) =>
  demo.countries.filter((c) => states.includes(c.review)).map((c) => c.code);

const notificationsOf = async (email: string, kind: string) =>
  db()
    .selectFrom('notification')
    .innerJoin('user_account', 'user_account.id', 'notification.user_id')
    .select(['notification.country', 'notification.details'])
    .where('user_account.email', '=', email)
    .where('notification.kind', '=', kind as 'reminder')
    .execute();

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await openTestStorage();
  app = await buildServer({
    storage: t.storage,
    logLevel: 'silent',
    mail: { url: smtp.url, from: 'Pacte <pacte@demo.test>' },
  });
  demo = await generateDemoRegion(db(), { id: REGION, countries: COUNTRIES, submitted: SUBMITTED, cycles: 1 });
  const token = await addPerson(db(), app, 'secretariat@demo.example.org', { role: 'secretariat', region: REGION });
  secretariat = { authorization: `Bearer ${token}` };
  for (const { code } of demo.countries) {
    const focalToken = await addPerson(db(), app, focalEmail(code), { role: 'focal_point', country: code });
    focal[code] = { authorization: `Bearer ${focalToken}` };
  }
  const questionnaire = await catalogue.findQuestionnaire(db(), 'arab-2021');
  sections = (questionnaire?.sections ?? []).map((s) => ({ id: s.id, questions: s.questions.length }));
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
  await smtp?.close();
});

describe('the tracking table of a generated region', () => {
  it('is what the generator planned, country by country', async () => {
    expect(demo.countries).toHaveLength(COUNTRIES);
    // The generator's answer and its plan agree: the test's numbers come from the plan.
    expect(demo.countries.map((c) => c.review)).toEqual(demo.countries.map((_, i) => planOf(i, SUBMITTED)));
    const others = COUNTRIES - SUBMITTED;
    expect(codesWhere('submitted')).toHaveLength(SUBMITTED);
    expect(codesWhere('returned')).toHaveLength(Math.ceil(others / 3));
    expect(codesWhere('partial')).toHaveLength(Math.ceil((others - 1) / 3));
    expect(codesWhere('not_started')).toHaveLength(Math.ceil((others - 2) / 3));

    const rows = await tracking();
    expect(rows.map((r) => r.country)).toEqual(demo.countries.map((c) => c.code).sort());
    const questions = sections.reduce((sum, s) => sum + s.questions, 0);
    for (const { code, review: plan } of demo.countries) {
      const row = rows.find((r) => r.country === code);
      const sent = plan === 'submitted' || plan === 'returned';
      expect(row, code).toMatchObject({
        state: { submitted: 'submitted', returned: 'draft', partial: 'draft', not_started: 'none' }[plan],
        // Every row of the fictional region says so (migration 022), for the table's label.
        synthetic: true,
        // The open cycle's due date is a week past: whoever has no submission awaiting is late.
        overdue: plan !== 'submitted',
        submissions: { count: sent ? 1 : 0, acknowledged: false, returned: plan === 'returned' },
        // Every question answered by those who sent their review; the partial draft's progress is its own.
        progress: sent
          ? { answered: questions, sections: sections.map((s) => ({ ...s, answered: s.questions })) }
          : null,
      });
    }
    expect((await tracking('?state=submitted')).length).toBe(SUBMITTED);
    expect((await tracking('?state=none')).map((r) => r.country)).toEqual(codesWhere('not_started'));
    expect((await tracking('?overdue=true')).map((r) => r.country)).toEqual(
      codesWhere('returned', 'partial', 'not_started').sort(),
    );
  });

  it('exports one CSV line per country, and another region sees nothing', async () => {
    const csv = await app.inject({ method: 'GET', url: `${TRACKING}.csv`, headers: secretariat });
    expect(csv.statusCode).toBe(200);
    const lines = csv.rawPayload.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(COUNTRIES + 1);
    // The export says it too: its last column, synthetic, is true on every line.
    expect(lines[0]!.split(',').at(-1)).toBe('synthetic');
    expect(lines.slice(1).every((line) => line.endsWith(',true'))).toBe(true);
    const arab = await addPerson(db(), app, 'secretariat@escwa.example.org', { role: 'secretariat', region: 'arab' });
    const outsider = await app.inject({ method: 'GET', url: TRACKING, headers: { authorization: `Bearer ${arab}` } });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().code).toBe('cycle.not_found');
  });

  it('says in the cycles API which cycle is of the fictional region, and which is not', async () => {
    const one = await app.inject({ method: 'GET', url: `/api/v1/cycles/${CYCLE}`, headers: secretariat });
    expect(one.json()).toMatchObject({ id: CYCLE, synthetic: true });
    const list = (await app.inject({ method: 'GET', url: '/api/v1/cycles' })).json().cycles as {
      id: string;
      synthetic: boolean;
    }[];
    expect(list.find((c) => c.id === CYCLE)?.synthetic).toBe(true);
    // The shipped Arab cycle is a real region's.
    expect(list.find((c) => c.id === 'arab-2021')?.synthetic).toBe(false);
  });
});

describe('what happens to the generated region next', () => {
  it('keeps a country that takes back its submitted review in the secretariat’s view, with its submission', async () => {
    const [country = ''] = codesWhere('submitted');
    await post(focal[country]!, `${review(country)}/status`, { to: 'validated', reason: 'Un chiffre à revoir.' });
    const row = (await tracking()).find((r) => r.country === country);
    // Its submission still awaits the secretariat: it is not late.
    expect(row).toMatchObject({ state: 'validated', overdue: false, submissions: { count: 1, returned: false } });
    const list = await app.inject({ method: 'GET', url: `/api/v1/cycles/${CYCLE}/submissions`, headers: secretariat });
    expect(list.json().submissions.map((s: { country: string }) => s.country)).toContain(country);
    const one = await app.inject({ method: 'GET', url: `${review(country)}/submissions/1`, headers: secretariat });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ number: 1, review: { synthetic: true } });
  });

  it('makes a second submission of a return and a resubmission', async () => {
    const country = codesWhere('submitted')[1]!;
    await post(secretariat, `${review(country)}/submissions/1/return`, { reason: 'La section II est vide.' });
    // Its focal point is e-mailed the reason (mail-focal-points.ts), whatever language it is in.
    const mailed = smtp.received.filter((m) => m.to.includes(focalEmail(country)));
    expect(mailed).toHaveLength(1);
    expect(textOf(mailed[0]?.raw ?? '')).toContain('La section II est vide.');
    expect((await tracking()).find((r) => r.country === country)).toMatchObject({
      state: 'draft',
      overdue: true,
      submissions: { count: 1, returned: true },
    });
    await post(focal[country]!, `${review(country)}/status`, { to: 'validated' });
    expect(await post(focal[country]!, `${review(country)}/status`, { to: 'submitted' })).toMatchObject({
      submission: 2,
    });
    expect((await tracking()).find((r) => r.country === country)).toMatchObject({
      state: 'submitted',
      overdue: false,
      submissions: { count: 2, returned: false, acknowledged: false },
    });
  });

  it('tells the focal points of an acknowledged submission', async () => {
    const country = codesWhere('submitted')[2]!;
    await post(secretariat, `${review(country)}/submissions/1/acknowledgement`, undefined, 201);
    expect((await tracking()).find((r) => r.country === country)?.submissions).toMatchObject({ acknowledged: true });
    expect(await notificationsOf(focalEmail(country), 'submission_acknowledged')).toEqual([
      { country, details: { submission: 1 } },
    ]);
    expect(smtp.received.filter((m) => m.to.includes(focalEmail(country)))).toHaveLength(1);
  });

  it('reminds the late countries, those the test counts, in the app and by e-mail', async () => {
    // The returned review resubmitted above is no longer late; the taken back one never was.
    const late = codesWhere('returned', 'partial', 'not_started').sort();
    const before = smtp.received.length; // the return and the acknowledgement above were e-mailed too
    const response = await post(secretariat, `/api/v1/cycles/${CYCLE}/reminders`, { late: true });
    expect(response).toEqual({ countries: late, reminded: late.length, mailed: late.length });
    expect(
      smtp.received
        .slice(before)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(late.map(focalEmail).sort());
    for (const country of late) {
      expect(await notificationsOf(focalEmail(country), 'reminder')).toEqual([expect.objectContaining({ country })]);
    }
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
