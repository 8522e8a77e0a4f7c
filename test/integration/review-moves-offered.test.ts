import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The review's moves say which can succeed (issue 12, item 6), over the API on both engines: the
 * dashboard offers only moves that would succeed now (role, status and preconditions), lists the
 * others the role and status allow with the very code the move would be refused with and its
 * counts, and gives a checklist before validating and submitting, counted from a review built
 * here row by row. The answer page says why « approve » is missing for the author of the text.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
let reviewId: number;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
  reviewId = (
    await t.storage.db
      .selectFrom('review')
      .select('id')
      .where('country_code', '=', 'MAR')
      .where('cycle_id', '=', 'arab-2021')
      .executeTakeFirstOrThrow()
  ).id;
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function call(who: Persona, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
}

const dashboard = async (who: Persona = 'focal') => {
  const response = await call(who, 'GET', `${REVIEW}/workspace`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};
const targets = (moves: { to: string }[]) => moves.map((m) => m.to).sort();

/** The written answers (some text), straight from the table: what validating waits for. */
async function writtenAnswers() {
  const rows = await t.storage.db
    .selectFrom('answer')
    .select(['question_id as questionId', 'status', 'blocks'])
    .where('review_id', '=', reviewId)
    .execute();
  return rows.filter((r) => r.blocks.length > 0);
}

/** The database accepts only the workflow's moves (migration 007): walk there, as people would. */
const WAYS: Record<'approved' | 'in_review' | 'drafting', [string, string][]> = {
  approved: [
    ['changes_requested', 'in_review'],
    ['drafting', 'in_review'],
    ['in_review', 'approved'],
  ],
  in_review: [
    ['approved', 'drafting'],
    ['changes_requested', 'in_review'],
    ['drafting', 'in_review'],
  ],
  drafting: [
    ['approved', 'drafting'],
    ['in_review', 'drafting'],
    ['changes_requested', 'drafting'],
  ],
};

async function setStatus(target: 'approved' | 'in_review' | 'drafting', questionIds?: string[]) {
  for (const [from, to] of WAYS[target]) {
    let query = t.storage.db
      .updateTable('answer')
      .set({ status: to as 'approved' })
      .where('review_id', '=', reviewId)
      .where('status', '=', from as 'approved');
    if (questionIds) query = query.where('question_id', 'in', questionIds);
    await query.execute();
  }
}

describe('validating', () => {
  it('is not offered while written answers are not approved: blocked with the count, the code the move is refused with', async () => {
    const written = await writtenAnswers();
    expect(written.length).toBeGreaterThan(2);
    await setStatus('approved');
    const [first, second] = written.map((a) => a.questionId).sort();
    await setStatus('in_review', [first!]);
    await setStatus('drafting', [second!]);
    const ws = await dashboard();
    expect(ws.status).toBe('draft');
    expect(targets(ws.allowedMoves)).toEqual(['in_consultation']);
    expect(ws.blockedMoves).toEqual([
      {
        to: 'validated',
        code: 'review.answers_not_approved',
        details: { notApproved: 2, total: written.length, questions: [first, second] },
      },
    ]);
    const refused = await call('focal', 'POST', `${REVIEW}/status`, { to: 'validated' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe(ws.blockedMoves[0].code);
  });

  it('is offered once every written answer is approved, and then succeeds', async () => {
    await setStatus('approved');
    const ws = await dashboard();
    expect(targets(ws.allowedMoves)).toEqual(['in_consultation', 'validated']);
    expect(ws.blockedMoves).toEqual([]);
    expect((await call('focal', 'POST', `${REVIEW}/status`, { to: 'validated' })).status).toBe(200);
  });
});

describe('submitting', () => {
  it('is offered while the cycle receives submissions', async () => {
    const ws = await dashboard();
    expect(ws.status).toBe('validated');
    expect(targets(ws.allowedMoves)).toEqual(['draft', 'submitted']);
    expect(ws.blockedMoves).toEqual([]);
  });

  it('is blocked with cycle.closed once the cycle is closed to late submissions, as the move is refused', async () => {
    await t.storage.db
      .updateTable('cycle')
      .set({ state: 'closed', late_submissions: 'refuse' })
      .where('id', '=', 'arab-2021')
      .execute();
    const ws = await dashboard();
    expect(targets(ws.allowedMoves)).toEqual(['draft']);
    expect(ws.blockedMoves).toEqual([{ to: 'submitted', code: 'cycle.closed', details: { cycle: 'arab-2021' } }]);
    const refused = await call('focal', 'POST', `${REVIEW}/status`, { to: 'submitted' });
    expect(refused.body.code).toBe('cycle.closed');
    await t.storage.db.updateTable('cycle').set({ late_submissions: 'accept' }).where('id', '=', 'arab-2021').execute();
    expect(targets((await dashboard()).allowedMoves)).toEqual(['draft', 'submitted']);
  });

  it('offers the validator, contributors and stakeholders no move, blocked or not', async () => {
    for (const who of ['validator', 'contributorA', 'stakeholder'] as const) {
      const response = await call(who, 'GET', `${REVIEW}/workspace`);
      if (response.status !== 200) {
        expect(response.status, who).toBe(404); // contributors do not read the dashboard at all
        continue;
      }
      expect(response.body.allowedMoves, who).toEqual([]);
      expect(response.body.blockedMoves, who).toEqual([]);
    }
  });
});

describe('the checklist', () => {
  it('counts what a constructed review leaves to do, with the questions concerned', async () => {
    await t.storage.db.updateTable('review').set({ status: 'draft' }).where('id', '=', reviewId).execute();
    const ws = await dashboard();
    const questions: string[] = ws.sections.flatMap((s: { questions: { id: string }[] }) =>
      s.questions.map((q) => q.id),
    );
    const written = new Set((await writtenAnswers()).map((a) => a.questionId));
    const unanswered = questions.filter((q) => !written.has(q));
    const answered = questions.filter((q) => written.has(q));
    const [a, b, c, d] = answered;
    // Two answers not approved.
    await setStatus('approved');
    await setStatus('in_review', [a!, c!]);
    // Two overdue assignments on one question, one on time; a delivered one is not overdue.
    const { interior, planning, association } = world.entities;
    await t.storage.db
      .insertInto('assignment')
      .values([
        { review_id: reviewId, question_id: a!, entity_id: interior, due_on: '2020-01-01', assigned_by: 'test' },
        { review_id: reviewId, question_id: a!, entity_id: planning, due_on: '2020-01-02', assigned_by: 'test' },
        { review_id: reviewId, question_id: b!, entity_id: interior, due_on: '2999-01-01', assigned_by: 'test' },
        { review_id: reviewId, question_id: c!, entity_id: planning, due_on: '2020-01-01', assigned_by: 'test' },
      ])
      .execute();
    const contribution = (questionId: string, entity: number, kind: 'contribution' | 'input', status: string) => ({
      review_id: reviewId,
      question_id: questionId,
      entity_id: entity,
      kind,
      status: status as 'submitted',
      blocks: JSON.stringify([{ type: 'paragraph', text: 'Texte.' }]),
      updated_by: 'test',
      ...(status === 'draft' ? {} : { submitted_at: new Date().toISOString() }),
    });
    await t.storage.db
      .insertInto('contribution')
      .values([
        // c's contribution from planning is submitted, not merged: delivered, so not overdue.
        contribution(c!, planning, 'contribution', 'submitted'),
        contribution(d!, interior, 'contribution', 'submitted'),
        contribution(b!, interior, 'contribution', 'draft'),
        contribution(a!, association, 'input', 'submitted'),
        { ...contribution(b!, association, 'input', 'merged'), response: 'Repris au paragraphe 2.' },
      ])
      .execute();
    const checklist = (await dashboard()).checklist;
    expect(checklist).toEqual({
      unanswered: { count: unanswered.length, questions: unanswered },
      notApproved: { count: 2, questions: [a, c] },
      overdue: { count: 2, questions: [a] },
      toMerge: { count: 2, questions: [c, d] },
      inputs: { count: 1, questions: [a] },
    });
    const blocked = (await dashboard()).blockedMoves;
    expect(blocked[0].details).toMatchObject({ notApproved: checklist.notApproved.count });
  });
});

describe('approving one’s own text', () => {
  it('is not offered to its author, and the answer page says why; the validator has no such reason', async () => {
    const [q] = (await writtenAnswers()).map((a) => a.questionId).sort();
    await setStatus('drafting', [q!]);
    const url = `${REVIEW}/answers/${q}`;
    const current = (await call('focal', 'GET', url)).body;
    const saved = await call('focal', 'PUT', url, {
      blocks: [{ type: 'paragraph', text: 'Écrit par le point focal.' }],
      baseRevision: current.revision,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await call('focal', 'POST', `${url}/status`, { to: 'in_review' })).status).toBe(200);
    const mine = (await call('focal', 'GET', url)).body;
    expect(targets(mine.allowedMoves)).not.toContain('approved');
    expect(mine.blockedMoves).toEqual([{ to: 'approved', code: 'answer.self_approval', details: {} }]);
    const theirs = (await call('validator', 'GET', url)).body;
    expect(targets(theirs.allowedMoves)).toContain('approved');
    expect(theirs.blockedMoves).toEqual([]);
    expect((await call('contributorA', 'GET', url)).body.blockedMoves ?? []).toEqual([]);
  });
});
