import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/domain/blocks.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { buildServer } from '../../src/http/server.js';
import { addPerson, createWorld, PERSONAS, type Persona, type World } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Submissions are records (issue 11, item 1): submitting writes the review JSON as sent; the
 * region's secretariat reads that, never the working copy, so a country that takes its review
 * back stays in its view; acknowledgement (once), comments and a return with a reason, each
 * audited and told to the focal points; every submission after that is a new record; nobody
 * else learns that the review exists; the database keeps the records as they were written.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const tokens: Record<string, string> = {};

const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const SUBMISSIONS = `${REVIEW}/submissions`;
const CYCLE_LIST = '/api/v1/cycles/arab-2021/submissions';
const EDITED = 'I.a';
const NOTE = 'Transmis par le point focal.\n\nAnnexes à suivre.';
const RETURN_REASON = 'La section II ne cite aucune source.';
type Who = Persona | 'anonymous' | 'otherRegion';

async function call(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const token = who === 'anonymous' ? undefined : who === 'otherRegion' ? tokens.otherRegion : world.tokens[who];
  const response = await app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

async function ok(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200) {
  const response = await call(who, method, url, payload);
  expect(response.status, `${who} ${method} ${url}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

const answerText = (review: unknown, id: string) =>
  blockTexts(
    (review as ReviewDocument).sections.flatMap((s) => s.questions).find((q) => q.id === id)?.answer.blocks ?? [],
  ).join(' ');

/** Every answer approved (as the validator would, one by one), then validated and submitted. */
async function submit(note?: string) {
  const id = await reviewId();
  for (const [from, to] of [
    ['changes_requested', 'in_review'],
    ['drafting', 'in_review'],
    ['in_review', 'approved'],
  ] as const) {
    await t.storage.db
      .updateTable('answer')
      .set({ status: to })
      .where('review_id', '=', id)
      .where('status', '=', from)
      .execute();
  }
  await ok('focal', 'POST', `${REVIEW}/status`, { to: 'validated' });
  return ok('focal', 'POST', `${REVIEW}/status`, { to: 'submitted', ...(note ? { note } : {}) });
}

async function reviewId() {
  const row = await t.storage.db
    .selectFrom('review')
    .select('id')
    .where('country_code', '=', 'MAR')
    .where('cycle_id', '=', 'arab-2021')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function notificationsOf(who: Persona) {
  const body = await ok(who, 'GET', '/api/v1/notifications');
  return body.notifications as { kind: string; details: Record<string, unknown> }[];
}

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
  // The secretariat of another region, which must learn nothing of the Arab region's reviews.
  await t.storage.db
    .insertInto('region')
    .values({ id: 'africa', name: JSON.stringify({ en: 'Africa', fr: 'Afrique', ar: 'أفريقيا' }) })
    .execute();
  tokens.otherRegion = await addPerson(t.storage.db, app, 'secretariat@au.example.org', {
    role: 'secretariat',
    region: 'africa',
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('submissions', () => {
  let sent = '';

  it('leaves the secretariat nothing to read before the review is submitted', async () => {
    expect((await call('secretariat', 'GET', SUBMISSIONS)).body).toMatchObject({ code: 'review.not_found' });
    expect(await ok('focal', 'GET', SUBMISSIONS)).toEqual({ country: 'MAR', cycle: 'arab-2021', submissions: [] });
    expect(await ok('secretariat', 'GET', CYCLE_LIST)).toEqual({
      cycle: 'arab-2021',
      region: 'arab',
      submissions: [],
    });
  });

  it('writes submission 1 with the review JSON as it was sent, who sent it and the note', async () => {
    expect(await submit(NOTE)).toEqual({ country: 'MAR', cycle: 'arab-2021', status: 'submitted', submission: 1 });
    const working = await ok('focal', 'GET', REVIEW);
    sent = answerText(working, EDITED);
    expect(sent).not.toBe('');

    const one = await ok('secretariat', 'GET', `${SUBMISSIONS}/1`);
    expect(one).toMatchObject({
      number: 1,
      submittedBy: PERSONAS.focal.email,
      note: NOTE,
      acknowledged: null,
      returned: null,
      comments: 0,
      events: [],
      url: `${SUBMISSIONS}/1`,
    });
    expect(one.review).toEqual(working);
    const list = await ok('secretariat', 'GET', SUBMISSIONS);
    expect((list.submissions as { number: number }[]).map((s) => s.number)).toEqual([1]);
    // The review's own team reads what it sent.
    expect((await ok('validator', 'GET', `${SUBMISSIONS}/1`)).review).toEqual(working);
  });

  it('shows the secretariat submission 1 unchanged after the country takes the review back and edits it', async () => {
    await ok('focal', 'POST', `${REVIEW}/status`, { to: 'validated', reason: 'Un chiffre à corriger.' });
    await ok('focal', 'POST', `${REVIEW}/status`, { to: 'draft', reason: 'Un chiffre à corriger.' });
    await ok('focal', 'POST', `${REVIEW}/answers/${EDITED}/status`, { to: 'drafting', comment: 'Chiffre.' });
    const answer = await ok('focal', 'GET', `${REVIEW}/answers/${EDITED}`);
    await ok('focal', 'PUT', `${REVIEW}/answers/${EDITED}`, {
      blocks: [{ type: 'paragraph', text: 'Texte revu après le retrait.' }],
      baseRevision: answer.revision,
    });

    // The secretariat never reads the working copy: not while submitted (before), not now.
    expect((await call('secretariat', 'GET', REVIEW)).body).toMatchObject({ code: 'review.not_found' });
    const one = await ok('secretariat', 'GET', `${SUBMISSIONS}/1`);
    expect(answerText(one.review, EDITED)).toBe(sent);
    expect(JSON.stringify(one.review)).not.toContain('Texte revu');
    const cycle = await ok('secretariat', 'GET', CYCLE_LIST);
    expect(cycle.submissions).toEqual([
      expect.objectContaining({ country: 'MAR', latest: expect.objectContaining({ number: 1, returned: null }) }),
    ]);
  });

  it('acknowledges receipt once, and tells the focal points', async () => {
    const acknowledged = await ok('secretariat', 'POST', `${SUBMISSIONS}/1/acknowledgement`, undefined, 201);
    expect(acknowledged).toMatchObject({ kind: 'acknowledged', by: PERSONAS.secretariat.email, text: null });
    const again = await call('secretariat', 'POST', `${SUBMISSIONS}/1/acknowledgement`);
    expect(again).toMatchObject({ status: 409, body: { code: 'submission.already_acknowledged' } });
    expect((await ok('focal', 'GET', `${SUBMISSIONS}/1`)).acknowledged).toEqual({
      by: PERSONAS.secretariat.email,
      byName: PERSONAS.secretariat.email,
      at: expect.any(String),
    });
    const kinds = (await notificationsOf('focal')).filter((n) => n.kind === 'submission_acknowledged');
    expect(kinds).toEqual([expect.objectContaining({ details: { submission: 1 } })]);
    // The focal point reads, but only the secretariat acknowledges.
    expect((await call('focal', 'POST', `${SUBMISSIONS}/2/acknowledgement`)).status).toBe(403);
  });

  it('makes the next submission a new record, and returns only the latest one, with a reason', async () => {
    expect((await submit()).submission).toBe(2);
    const two = await ok('secretariat', 'GET', `${SUBMISSIONS}/2`);
    expect(two).toMatchObject({ number: 2, note: null });
    expect(answerText(two.review, EDITED)).toBe('Texte revu après le retrait.');

    await ok('secretariat', 'POST', `${SUBMISSIONS}/2/comments`, { body: 'Merci ; voir II.b.' }, 201);
    const older = await call('secretariat', 'POST', `${SUBMISSIONS}/1/return`, { reason: RETURN_REASON });
    expect(older).toMatchObject({ status: 409, body: { code: 'submission.not_latest' } });
    const noReason = await call('secretariat', 'POST', `${SUBMISSIONS}/2/return`, { reason: '  ' });
    expect(noReason).toMatchObject({ status: 422, body: { code: 'workflow.reason_required' } });
    expect((await call('secretariat', 'POST', `${SUBMISSIONS}/3/return`, { reason: 'x' })).body).toMatchObject({
      code: 'submission.not_found',
    });

    expect(await ok('secretariat', 'POST', `${SUBMISSIONS}/2/return`, { reason: RETURN_REASON })).toEqual({
      country: 'MAR',
      cycle: 'arab-2021',
      number: 2,
      status: 'draft',
      reason: RETURN_REASON,
    });
    expect((await ok('focal', 'GET', `${REVIEW}/workspace`)).status).toBe('draft');
    const returned = await ok('focal', 'GET', `${SUBMISSIONS}/2`);
    expect(returned.returned).toEqual({
      by: PERSONAS.secretariat.email,
      // Names, not codes: the account has no display name, so people read its address.
      byName: PERSONAS.secretariat.email,
      at: expect.any(String),
      reason: RETURN_REASON,
    });
    expect((returned.events as { kind: string }[]).map((e) => e.kind)).toEqual(['comment', 'returned']);
    const again = await call('secretariat', 'POST', `${SUBMISSIONS}/2/return`, { reason: RETURN_REASON });
    expect(again).toMatchObject({ status: 409, body: { code: 'submission.already_returned' } });

    const notes = await notificationsOf('focal');
    expect(notes.find((n) => n.kind === 'submission_returned')?.details).toEqual({
      submission: 2,
      reason: RETURN_REASON,
    });
    expect(notes.find((n) => n.kind === 'submission_comment')?.details).toEqual({
      submission: 2,
      comment: 'Merci ; voir II.b.',
    });
    const audit = (await ok('focal', 'GET', `${REVIEW}/audit`)).events as {
      action: string;
      actor: string;
      details: Record<string, unknown>;
    }[];
    expect(audit.find((e) => e.action === 'submission.return')).toMatchObject({
      actor: PERSONAS.secretariat.email,
      details: { submission: 2, reason: RETURN_REASON },
    });
    expect(audit.find((e) => e.action === 'review.status' && e.details.to === 'draft')).toMatchObject({
      details: { from: 'submitted', to: 'draft', reason: RETURN_REASON },
    });
    for (const action of ['submission.record', 'submission.acknowledge', 'submission.comment']) {
      expect(
        audit.some((e) => e.action === action),
        action,
      ).toBe(true);
    }
  });

  it('records the resubmission after a return as the next submission', async () => {
    expect((await submit('Corrigé comme demandé.')).submission).toBe(3);
    const list = (await ok('secretariat', 'GET', SUBMISSIONS)).submissions as { number: number; returned: unknown }[];
    expect(list.map((s) => [s.number, s.returned !== null])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
    const cycle = await ok('admin', 'GET', CYCLE_LIST);
    expect(cycle.submissions).toEqual([
      expect.objectContaining({
        country: 'MAR',
        latest: expect.objectContaining({ number: 3, note: 'Corrigé comme demandé.' }),
      }),
    ]);
  });

  it('tells another region’s secretariat, another country’s focal point and the public nothing', async () => {
    const urls: ['GET' | 'POST', string, object?][] = [
      ['GET', SUBMISSIONS],
      ['GET', `${SUBMISSIONS}/1`],
      ['POST', `${SUBMISSIONS}/3/acknowledgement`],
      ['POST', `${SUBMISSIONS}/3/comments`, { body: 'Bonjour.' }],
      ['POST', `${SUBMISSIONS}/3/return`, { reason: 'Non.' }],
    ];
    for (const who of ['otherRegion', 'focalTun', 'anonymous', 'contributorA', 'stakeholder'] as const) {
      for (const [method, url, payload] of urls) {
        const response = await call(who, method, url, payload);
        expect(response, `${who} ${method} ${url}`).toMatchObject({ status: 404, body: { code: 'review.not_found' } });
      }
    }
    // The cycle's list of submissions: as if the cycle did not exist, to anyone signed in but its secretariat.
    for (const who of ['otherRegion', 'focal', 'focalTun', 'validator'] as const) {
      expect(await call(who, 'GET', CYCLE_LIST), who).toMatchObject({ status: 404, body: { code: 'cycle.not_found' } });
    }
    expect((await call('anonymous', 'GET', CYCLE_LIST)).status).toBe(401);
    // Nothing of it reached them, nor the submission's record.
    const id = await reviewId();
    const events = await t.storage.db.selectFrom('submission_event').select('id').where('review_id', '=', id).execute();
    expect(events).toHaveLength(3); // the acknowledgement, the comment and the return above
  });
});

describe('at once', () => {
  it('acknowledges once, and returns once, however many ask together', async () => {
    const acks = await Promise.all(
      [1, 2, 3, 4].map(() => call('secretariat', 'POST', `${SUBMISSIONS}/3/acknowledgement`)),
    );
    expect(acks.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    const returns = await Promise.all(
      [1, 2, 3].map((n) => call('secretariat', 'POST', `${SUBMISSIONS}/3/return`, { reason: `Motif ${n}.` })),
    );
    expect(returns.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const three = await ok('focal', 'GET', `${SUBMISSIONS}/3`);
    expect((three.events as { kind: string }[]).map((e) => e.kind)).toEqual(['acknowledged', 'returned']);
    expect((await ok('focal', 'GET', `${REVIEW}/workspace`)).status).toBe('draft');
    const returnedNotes = (await notificationsOf('focal')).filter(
      (n) => n.kind === 'submission_returned' && n.details.submission === 3,
    );
    expect(returnedNotes).toHaveLength(1);
  });
});

describe('the database keeps submissions as they were written', () => {
  const refused = async (query: Promise<unknown>, constraint: string) => {
    await expect(query).rejects.toMatchObject({ constraint });
  };

  it('refuses to change or delete a submission or its events', async () => {
    const db = t.storage.db;
    const id = await reviewId();
    await refused(
      db.updateTable('review_submission').set({ note: 'réécrit' }).where('review_id', '=', id).execute(),
      'review_submission_append_only',
    );
    await refused(
      db.deleteFrom('review_submission').where('review_id', '=', id).execute(),
      'review_submission_append_only',
    );
    await refused(
      db.updateTable('submission_event').set({ body: 'réécrit' }).where('review_id', '=', id).execute(),
      'submission_event_append_only',
    );
    await refused(
      db.deleteFrom('submission_event').where('review_id', '=', id).execute(),
      'submission_event_append_only',
    );
  });

  it('refuses a submission of a review that is not submitted', async () => {
    const db = t.storage.db;
    const id = await reviewId();
    await db.updateTable('review').set({ status: 'validated' }).where('id', '=', id).execute();
    await refused(
      db
        .insertInto('review_submission')
        .values({ review_id: id, number: 9, submitted_by: 'x', note: null, document: JSON.stringify({}) })
        .execute(),
      'review_submission_submitted',
    );
  });

  it('lets a submission go only with its review', async () => {
    const db = t.storage.db;
    const id = await reviewId();
    await db.deleteFrom('review').where('id', '=', id).execute();
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from review_submission where review_id = ${id}`.execute(db);
    expect(left.rows[0]?.n).toBe(0);
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
