import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { addPerson, createWorld, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Tracking (issue 11, item 4): one row per participating country of a cycle, for its region's
 * secretariat. The test makes each country's review itself (none, draft, in consultation,
 * submitted, returned, resubmitted), with answers, revisions and submissions at known times, and
 * checks every row against what it computes from that; nobody else learns the cycle exists.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let africa: Record<string, string>;

const db = () => t.storage.db;
const CYCLE = 'arab-2024';
const TRACKING = `/api/v1/cycles/${CYCLE}/tracking`;
/** Past, so that a country awaiting a submission is overdue. */
const DUE = '2024-05-31';
const at = (day: number, hour = 12) => new Date(Date.UTC(2024, 4, day, hour));

/** What the test gives each country: its review's state, answers and submissions (with what became of them). */
interface Plan {
  status: 'draft' | 'in_consultation' | 'submitted' | null;
  /** Indexes into the questionnaire's questions; negative: an answer left empty (not answered). */
  answers: number[];
  updatedAt?: Date;
  submissions: { at: Date; acknowledged?: boolean; returned?: boolean }[];
}
const PLANS: Record<string, Plan> = {
  MAR: { status: null, answers: [], submissions: [] },
  TUN: { status: 'draft', answers: [0, 1, 12], updatedAt: at(2), submissions: [] },
  JOR: { status: 'submitted', answers: [0, 2, 3, 14, 15], submissions: [{ at: at(20), acknowledged: true }] },
  EGY: { status: 'draft', answers: [5, -6], submissions: [{ at: at(10), returned: true }] },
  DZA: {
    status: 'submitted',
    answers: [1, 7, 13],
    submissions: [{ at: at(5), returned: true }, { at: at(25) }],
  },
  LBN: { status: 'in_consultation', answers: [-1, 4], updatedAt: at(28), submissions: [] },
  QAT: { status: null, answers: [], submissions: [] },
};
const COUNTRIES = Object.keys(PLANS).sort();

let questions: { id: string; section: string }[];
/** The countries whose focal point shares their progress before submitting (set through the API). */
const shared = new Set<string>();
let sections: string[];

async function call(headers: Record<string, string>, url: string) {
  return app.inject({ method: 'GET', url, headers });
}
const secretariat = () => world.as('secretariat');

/** Makes the planned review of a country, straight in the database, at known times. */
async function makeReview(country: string, plan: Plan) {
  if (!plan.status) return;
  const review = await db()
    .insertInto('review')
    .values({
      country_code: country,
      cycle_id: CYCLE,
      language: 'fr',
      title: `Revue ${country}`,
      status: plan.submissions.length > 0 ? 'submitted' : plan.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [n, index] of plan.answers.entries()) {
    const question = questionAt(Math.abs(index)).id;
    const blocks = index < 0 ? [] : [{ type: 'paragraph', text: `Réponse ${n}` }];
    const values = { review_id: review.id, question_id: question, revision: 1, blocks: JSON.stringify(blocks) };
    await db()
      .insertInto('answer')
      .values({ ...values, updated_by: 'test' })
      .execute();
    await db()
      .insertInto('answer_revision')
      .values({ ...values, author: 'test', origin: 'edit', created_at: at(3 + n) })
      .execute();
  }
  // Submissions as the workflow makes them: each while the review is submitted, a return sends it
  // back to draft; the review ends in its planned state, last changed when planned.
  for (const [n, s] of plan.submissions.entries()) {
    await moveTo(review.id, 'submitted');
    const key = { review_id: review.id, number: n + 1 };
    await db()
      .insertInto('review_submission')
      .values({ ...key, submitted_by: 'focal', submitted_at: s.at, document: JSON.stringify({}) })
      .execute();
    if (s.acknowledged) {
      await db()
        .insertInto('submission_event')
        .values({ ...key, kind: 'acknowledged', actor: 'sec', body: null })
        .execute();
    }
    if (s.returned) {
      await db()
        .insertInto('submission_event')
        .values({ ...key, kind: 'returned', actor: 'sec', body: 'À compléter.' })
        .execute();
      await moveTo(review.id, 'draft');
    }
  }
  await moveTo(review.id, plan.status);
  await db()
    .updateTable('review')
    .set({ updated_at: plan.updatedAt ?? at(1) })
    .where('id', '=', review.id)
    .execute();
}

/** Moves a review along the workflow's allowed moves (review_move) to `status`. */
async function moveTo(id: number, status: NonNullable<Plan['status']>) {
  const { status: from } = await db()
    .selectFrom('review')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const path: Record<string, string[]> = {
    'draft>submitted': ['validated', 'submitted'],
    'submitted>draft': ['draft'],
    'draft>in_consultation': ['in_consultation'],
  };
  for (const step of from === status ? [] : (path[`${from}>${status}`] ?? [])) {
    await db()
      .updateTable('review')
      .set({ status: step as typeof status })
      .where('id', '=', id)
      .execute();
  }
}

function questionAt(index: number) {
  const question = questions[index];
  if (!question) throw new Error(`the questionnaire has no question ${index}`);
  return question;
}

function planOf(country: string): Plan {
  const plan = PLANS[country];
  if (!plan) throw new Error(`no plan for ${country}`);
  return plan;
}

/** The row the test expects for a country, from its plan alone. */
function expected(country: string) {
  const plan = planOf(country);
  const latest = plan.submissions.at(-1);
  const answered = plan.answers.filter((i) => i >= 0).map((i) => questionAt(i).section);
  const shown = plan.submissions.length > 0 || shared.has(country);
  const times = plan.status
    ? [plan.updatedAt ?? at(1), ...plan.answers.map((_, n) => at(3 + n)), ...plan.submissions.map((s) => s.at)].map(
        (d) => d.getTime(),
      )
    : [];
  return {
    country,
    state: plan.status ?? 'none',
    progress: shown
      ? {
          answered: answered.length,
          sections: sections.map((id) => ({
            id,
            questions: questions.filter((q) => q.section === id).length,
            answered: answered.filter((s) => s === id).length,
          })),
        }
      : null,
    lastActivity: times.length ? new Date(Math.max(...times)).toISOString() : null,
    overdue: !latest || latest.returned === true,
    submissions: {
      count: plan.submissions.length,
      lastAt: latest?.at.toISOString() ?? null,
      acknowledged: latest?.acknowledged === true,
      returned: latest?.returned === true,
    },
    // Real countries: nothing here is labelled synthetic (the generated region's test checks the opposite).
    synthetic: false,
  };
}

/** RFC 4180 as the export writes it: quoted cells with doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(db(), app);
  await db()
    .insertInto('region')
    .values({ id: 'africa', name: JSON.stringify({ fr: 'Afrique', en: 'Africa', ar: 'أفريقيا' }) })
    .execute();
  const token = await addPerson(db(), app, 'secretariat@africa.example.org', { role: 'secretariat', region: 'africa' });
  africa = { authorization: `Bearer ${token}` };
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/cycles',
    headers: secretariat(),
    payload: {
      id: CYCLE,
      region: 'arab',
      questionnaire: 'arab-2021',
      opensOn: '2024-03-01',
      dueOn: DUE,
      countries: COUNTRIES,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const rows = await db()
    .selectFrom('question')
    .innerJoin('questionnaire_section as s', (join) =>
      join
        .onRef('s.id', '=', 'question.section_id')
        .onRef('s.questionnaire_id', '=', 'question.questionnaire_id')
        .onRef('s.version', '=', 'question.version'),
    )
    .select(['question.id', 'question.section_id as section'])
    .where('question.questionnaire_id', '=', 'arab-2021')
    .where('question.version', '=', 1)
    .orderBy('s.position')
    .orderBy('question.position')
    .execute();
  questions = rows;
  sections = [...new Set(rows.map((r) => r.section))];
  expect(questions.length).toBeGreaterThan(15);
  expect(sections.length).toBeGreaterThan(1);
  for (const country of COUNTRIES) await makeReview(country, planOf(country));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('tracking a cycle', () => {
  it('has one row per participating country, each as the test made it', async () => {
    const response = await call(secretariat(), TRACKING);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ cycle: CYCLE, region: 'arab', dueOn: DUE, questions: questions.length });
    expect(body.countries.map((c: { country: string }) => c.country)).toEqual(COUNTRIES);
    for (const row of body.countries) {
      const { countryName, ...rest } = row;
      expect(rest, row.country).toEqual(expected(row.country));
      expect(Object.keys(countryName).sort()).toEqual(['ar', 'en', 'fr']);
    }
    // Progress is never text: only counts, and none before a submission.
    expect(JSON.stringify(body)).not.toContain('Réponse');
  });

  it('filters and sorts as asked', async () => {
    const get = async (query: string) =>
      (await call(secretariat(), `${TRACKING}?${query}`)).json().countries.map((c: { country: string }) => c.country);
    const overdue = COUNTRIES.filter((c) => expected(c).overdue);
    expect(await get('overdue=true')).toEqual(overdue);
    expect(await get('overdue=false')).toEqual(COUNTRIES.filter((c) => !overdue.includes(c)));
    expect(await get('state=none')).toEqual(['MAR', 'QAT']);
    expect(await get('state=draft')).toEqual(['EGY', 'TUN']);
    expect(await get('sort=overdue')).toEqual([...overdue, ...COUNTRIES.filter((c) => !overdue.includes(c))]);
    const silent = (c: string) => {
      const last = expected(c).lastActivity;
      return last === null ? -Infinity : Date.parse(last);
    };
    expect(await get('sort=lastActivity')).toEqual(
      [...COUNTRIES].sort((a, b) => silent(a) - silent(b) || a.localeCompare(b)),
    );
    const order = ['none', 'draft', 'in_consultation', 'validated', 'submitted', 'published'];
    const rank = (c: string) => order.indexOf(expected(c).state);
    expect(await get('sort=state')).toEqual([...COUNTRIES].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)));
    expect((await call(secretariat(), `${TRACKING}?sort=mood`)).statusCode).toBe(400);
  });

  it('exports the same rows as CSV, with a byte order mark', async () => {
    const response = await call(secretariat(), `/api/v1/cycles/${CYCLE}/tracking.csv?overdue=true`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain(`tracking-${CYCLE}.csv`);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header = [], ...rows] = parseCsv(response.rawPayload.subarray(3).toString('utf8'));
    const column = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
    expect(header).toContain('country');
    expect(rows.map((r) => column(r, 'country'))).toEqual(COUNTRIES.filter((c) => expected(c).overdue));
    for (const row of rows) {
      const want = expected(column(row, 'country'));
      expect(column(row, 'state')).toBe(want.state);
      expect(column(row, 'answered')).toBe(want.progress ? String(want.progress.answered) : '');
      for (const s of sections) {
        const section = want.progress?.sections.find((x) => x.id === s);
        expect(column(row, `answered_${s}`)).toBe(section ? String(section.answered) : '');
      }
      expect(column(row, 'overdue')).toBe('true');
      expect(column(row, 'due_on')).toBe(DUE);
      expect(column(row, 'submissions')).toBe(String(want.submissions.count));
      expect(column(row, 'last_activity')).toBe(want.lastActivity ?? '');
      expect(column(row, 'name_ar')).not.toBe('');
      expect(column(row, 'synthetic')).toBe('false');
    }
  });

  it('shows a country’s progress before it submits once its focal point shares it, and stops when it stops', async () => {
    const share = (headers: Record<string, string>, value: boolean) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/reviews/TUN/${CYCLE}/progress-sharing`,
        headers,
        payload: { share: value },
      });
    const tunisia = async () =>
      (await call(secretariat(), `${TRACKING}?state=draft`))
        .json()
        .countries.find((c: { country: string }) => c.country === 'TUN');
    expect((await tunisia()).progress).toBeNull();
    // Only Tunisia's focal point (or an administrator) decides; to others of its region, no such review.
    for (const headers of [secretariat(), world.as('focal'), world.as('validator')]) {
      expect((await share(headers, true)).statusCode).toBe(404);
    }
    // Signed out, an unpublished review does not exist either.
    expect((await share({}, true)).statusCode).toBe(404);
    const shared1 = await share(world.as('focalTun'), true);
    expect(shared1.statusCode, shared1.body).toBe(200);
    expect(shared1.json()).toEqual({ country: 'TUN', cycle: CYCLE, share: true });
    shared.add('TUN');
    const { countryName, ...row } = await tunisia();
    expect(countryName.fr).toBe('Tunisie');
    expect(row).toEqual(expected('TUN'));
    expect(row.progress.answered).toBe(3);
    await share(world.as('focalTun'), true); // the same again: nothing changes, nothing is recorded
    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor', 'details'])
      .where('action', '=', 'review.share_progress')
      .where('country', '=', 'TUN')
      .execute();
    expect(audit).toEqual([{ actor: 'focal@tun.example.org', details: { share: true } }]);
    expect((await share(world.as('focalTun'), false)).statusCode).toBe(200);
    shared.delete('TUN');
    expect((await tunisia()).progress).toBeNull();
  });

  it('does not exist for another region’s secretariat, a focal point or the public', async () => {
    for (const url of [TRACKING, `${TRACKING}.csv`]) {
      for (const headers of [africa, world.as('focal'), world.as('validator')]) {
        const response = await call(headers, url);
        expect(response.statusCode, url).toBe(404);
        expect(response.json().code).toBe('cycle.not_found');
      }
      expect((await call({}, url)).statusCode).toBe(401);
      expect((await call(world.as('admin'), url)).statusCode).toBe(200);
    }
    const unknown = await call(secretariat(), '/api/v1/cycles/nowhere-2024/tracking');
    expect(unknown.json().code).toBe('cycle.not_found');
  });
});
