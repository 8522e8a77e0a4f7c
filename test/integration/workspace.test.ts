import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { buildServer } from '../../src/http/server.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The workspace over the API, on both engines: who sees an unpublished review, saves with
 * optimistic concurrency, the answer workflow (return with a comment, approve, lock, re-open
 * with a reason), the review workflow, history with diff and restore, assignments with
 * notifications and tasks, the audit log, and the database refusing what the domain refuses.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const answerUrl = (q: string) => `${REVIEW}/answers/${q}`;

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function call(
  who: Persona | 'anonymous',
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  const response = await app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, json: () => response.json() };
}

const paragraph = (text: string): Block[] => [{ type: 'paragraph', text }];

describe('who sees an unpublished review', () => {
  it('hides it, as if it did not exist, from the public, another country and a contributor', async () => {
    for (const who of ['anonymous', 'focalTun', 'contributorA', 'secretariat'] as const) {
      const response = await call(who, 'GET', REVIEW);
      expect(response.status, who).toBe(404);
      expect(response.json().code).toBe('review.not_found');
      expect((await call(who, 'GET', `${REVIEW}/workspace`)).status, who).toBe(404);
    }
    const list = await call('anonymous', 'GET', '/api/v1/reviews');
    expect(list.json().reviews).toEqual([]);
  });

  it('shows it to the country’s focal point, its validator and administrators', async () => {
    for (const who of ['focal', 'validator', 'admin'] as const) {
      expect((await call(who, 'GET', REVIEW)).status, who).toBe(200);
      expect((await call(who, 'GET', `${REVIEW}/workspace`)).status, who).toBe(200);
    }
  });

  it('hides the review pages too', async () => {
    const page = await app.inject({ method: 'GET', url: '/reviews/MAR/arab-2021' });
    expect(page.statusCode).toBe(404);
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.body).not.toContain('/reviews/MAR/arab-2021');
  });
});

describe('saving an answer', () => {
  it('saves from the current revision and refuses a stale one with the current text, losing nothing', async () => {
    const before = (await call('focal', 'GET', answerUrl('I.b'))).json();
    expect(before.revision).toBe(1);
    const first = await call('focal', 'PUT', answerUrl('I.b'), {
      blocks: paragraph('Première version.'),
      baseRevision: 1,
    });
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ revision: 2, status: 'drafting' });
    const stale = await call('focal', 'PUT', answerUrl('I.b'), {
      blocks: paragraph('Version concurrente.'),
      baseRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'answer.edit_conflict',
      details: {
        currentRevision: 2,
        baseRevision: 1,
        blocks: paragraph('Première version.'),
        author: 'focal@mar.example.org',
      },
    });
    const after = (await call('focal', 'GET', answerUrl('I.b'))).json();
    expect(after).toMatchObject({ revision: 2, blocks: paragraph('Première version.') });
  });

  it('lets exactly one of two saves from the same revision through', async () => {
    const base = (await call('focal', 'GET', answerUrl('I.c'))).json().revision as number;
    const [a, b] = await Promise.all([
      call('focal', 'PUT', answerUrl('I.c'), { blocks: paragraph('Texte A.'), baseRevision: base }),
      call('focal', 'PUT', answerUrl('I.c'), { blocks: paragraph('Texte B.'), baseRevision: base }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const revisions = (await call('focal', 'GET', `${answerUrl('I.c')}/revisions`)).json().revisions;
    expect(revisions[0].revision).toBe(base + 1);
    expect(revisions).toHaveLength(base + 1);
  });

  it('creates an answer to a question not yet answered from revision 0, normalising its text', async () => {
    await t.storage.db.deleteFrom('answer').where('question_id', '=', 'V.b').execute();
    const saved = await call('focal', 'PUT', answerUrl('V.b'), {
      blocks: [
        {
          type: 'list',
          ordered: false,
          items: [
            { text: '  un   point ', blocks: [] },
            { text: ' ', blocks: [] },
          ],
        },
      ],
      baseRevision: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.json()).toMatchObject({
      revision: 1,
      status: 'drafting',
      blocks: [{ type: 'list', ordered: false, items: [{ text: 'un point', blocks: [] }] }],
    });
  });

  it('refuses writers other than the focal point, and blocks of an unknown shape', async () => {
    const validator = await call('validator', 'PUT', answerUrl('I.d'), { blocks: paragraph('x'), baseRevision: 1 });
    expect(validator.status).toBe(403);
    expect(validator.json().code).toBe('auth.forbidden');
    // Contributors and stakeholders do not even see the unpublished review through this route.
    for (const who of ['contributorA', 'stakeholder'] as const) {
      expect((await call(who, 'PUT', answerUrl('I.d'), { blocks: paragraph('x'), baseRevision: 1 })).status, who).toBe(
        404,
      );
    }
    expect((await call('focalTun', 'PUT', answerUrl('I.d'), { blocks: paragraph('x'), baseRevision: 1 })).status).toBe(
      404,
    );
    const bad = await call('focal', 'PUT', answerUrl('I.d'), {
      blocks: [{ type: 'paragraph', text: 'x', html: '<b>' }],
      baseRevision: 1,
    });
    expect(bad.status).toBe(400);
    expect((await call('focal', 'PUT', answerUrl('I-a'), { blocks: [], baseRevision: 0 })).status).toBe(400);
    expect((await call('focal', 'PUT', answerUrl('V.z'), { blocks: [], baseRevision: 0 })).json().code).toBe(
      'question.not_found',
    );
  });
});

describe('the answer workflow', () => {
  const Q = 'II.a';
  const move = (who: Persona, to: string, comment?: string) =>
    call(who, 'POST', `${answerUrl(Q)}/status`, { to, ...(comment !== undefined ? { comment } : {}) });

  it('goes to review, is returned with a required comment, fixed, approved and locked', async () => {
    expect((await move('focal', 'in_review')).json()).toEqual({ questionId: Q, status: 'in_review' });
    expect((await move('validator', 'approved')).status).toBe(200);
    // approved → in_review is not a move
    const wrong = await move('focal', 'in_review');
    expect(wrong.status).toBe(409);
    expect(wrong.json().code).toBe('answer.move_not_allowed');
    // re-open needs the focal point and a reason
    expect((await move('validator', 'drafting', 'raison')).status).toBe(403);
    expect((await move('focal', 'drafting', '  ')).json().code).toBe('workflow.reason_required');
    expect((await move('focal', 'drafting', 'Chiffres 2021 à ajouter')).json().status).toBe('drafting');
    await move('focal', 'in_review');
    const silent = await move('validator', 'changes_requested');
    expect(silent.status).toBe(422);
    expect(silent.json().code).toBe('workflow.comment_required');
    expect((await move('validator', 'changes_requested', 'Citez la source des chiffres.')).status).toBe(200);
    const page = (await call('focal', 'GET', answerUrl(Q))).json();
    expect(page.status).toBe('changes_requested');
    expect(page.comments.map((c: { kind: string; body: string }) => [c.kind, c.body])).toEqual([
      ['reopen', 'Chiffres 2021 à ajouter'],
      ['return', 'Citez la source des chiffres.'],
    ]);
    const fixed = await call('focal', 'PUT', answerUrl(Q), {
      blocks: paragraph('Source : Haut-Commissariat au Plan, 2021.'),
      baseRevision: page.revision,
    });
    expect(fixed.status).toBe(200);
    await move('focal', 'in_review');
    expect((await move('validator', 'approved')).json().status).toBe('approved');
    const locked = await call('focal', 'PUT', answerUrl(Q), {
      blocks: paragraph('Encore.'),
      baseRevision: page.revision + 1,
    });
    expect(locked.status).toBe(409);
    expect(locked.json().code).toBe('answer.locked');
  });

  it('notifies the focal point of the returned answer', async () => {
    const notes = (await call('focal', 'GET', '/api/v1/notifications')).json();
    expect(
      notes.notifications.some(
        (n: { kind: string; questionId: string }) => n.kind === 'returned' && n.questionId === Q,
      ),
    ).toBe(true);
    expect(notes.unread).toBeGreaterThan(0);
    expect((await call('focal', 'POST', '/api/v1/notifications/read', {})).status).toBe(204);
    expect((await call('focal', 'GET', '/api/v1/notifications')).json().unread).toBe(0);
  });

  it('is enforced by the database too: no forbidden move, no change to an approved answer', async () => {
    const db = t.storage.db;
    const review = await db
      .selectFrom('review')
      .select('id')
      .where('country_code', '=', 'MAR')
      .executeTakeFirstOrThrow();
    await expect(
      sql`update answer set blocks = '[]'::jsonb where review_id = ${review.id} and question_id = ${Q}`.execute(db),
    ).rejects.toThrow(/locked/);
    await expect(
      sql`update answer set status = 'not_started' where review_id = ${review.id} and question_id = ${Q}`.execute(db),
    ).rejects.toThrow(/cannot move/);
    await expect(sql`update review set status = 'submitted' where id = ${review.id}`.execute(db)).rejects.toThrow(
      /cannot move/,
    );
  });
});

describe('history', () => {
  const Q = 'III.a';
  it('lists every revision, diffs any two, and restores an old one as a new revision', async () => {
    const start = (await call('focal', 'GET', answerUrl(Q))).json();
    const original = start.blocks as Block[];
    await call('focal', 'PUT', answerUrl(Q), {
      blocks: [...original, ...paragraph('Un paragraphe ajouté.')],
      baseRevision: start.revision,
    });
    const revisions = (await call('validator', 'GET', `${answerUrl(Q)}/revisions`)).json().revisions;
    expect(revisions.map((r: { origin: string }) => r.origin)).toEqual(['edit', 'import']);
    const diff = (await call('validator', 'GET', `${answerUrl(Q)}/diff?from=1&to=2`)).json();
    expect(diff.lines.filter((l: { op: string }) => l.op !== 'same')).toEqual([
      { op: 'added', depth: 0, marker: '', text: 'Un paragraphe ajouté.' },
    ]);
    const restored = await call('focal', 'POST', `${answerUrl(Q)}/revisions/1/restore`, { baseRevision: 2 });
    expect(restored.json()).toMatchObject({ revision: 3, blocks: original });
    const again = (await call('focal', 'GET', `${answerUrl(Q)}/revisions`)).json().revisions;
    expect(again[0]).toMatchObject({ revision: 3, origin: 'restore', note: 'restored from revision 1' });
    expect((await call('focal', 'GET', `${answerUrl(Q)}/revisions/9`)).json().code).toBe('revision.not_found');
    expect((await call('contributorA', 'GET', `${answerUrl(Q)}/revisions`)).status).toBe(404);
  });
});

describe('assignments, tasks and the dashboard', () => {
  it('assigns questions to an entity of the country, notifies its contributors and lists their tasks', async () => {
    const response = await call('focal', 'POST', `${REVIEW}/assignments`, {
      questionIds: ['IV.a', 'IV.b'],
      entityId: world.entities.interior,
      dueOn: '2099-01-31',
    });
    expect(response.status).toBe(201);
    // A past due date is refused (assignment.due_in_past): the assignment was made in time, and time passed.
    await t.storage.db
      .updateTable('assignment')
      .set({ due_on: '2020-01-31' })
      .where('question_id', 'in', ['IV.a', 'IV.b'])
      .execute();
    const tasks = (await call('contributorA', 'GET', '/api/v1/tasks')).json();
    expect(tasks.assignments.map((a: { questionId: string; overdue: boolean }) => [a.questionId, a.overdue])).toEqual([
      ['IV.a', true],
      ['IV.b', true],
    ]);
    expect((await call('contributorB', 'GET', '/api/v1/tasks')).json().assignments).toEqual([]);
    const notes = (await call('contributorA', 'GET', '/api/v1/notifications')).json().notifications;
    expect(notes.filter((n: { kind: string }) => n.kind === 'assigned')).toHaveLength(2);
    const dashboard = (await call('focal', 'GET', `${REVIEW}/workspace`)).json();
    expect(dashboard.byEntity).toEqual([
      { entity: expect.objectContaining({ id: world.entities.interior }), assigned: 2, submitted: 0, overdue: 2 },
    ]);
    const section = dashboard.sections.find((s: { id: string }) => s.id === 'IV');
    expect(section.questions[0].assignments[0]).toMatchObject({ dueOn: '2020-01-31', overdue: true });
  });

  it('refuses another country’s entity, a bad date, and anyone but the focal point', async () => {
    const tunisian = await call('focal', 'POST', `${REVIEW}/assignments`, {
      questionIds: ['IV.a'],
      entityId: world.entities.tunisia,
    });
    expect(tunisian.json().code).toBe('entity.not_found');
    const date = await call('focal', 'POST', `${REVIEW}/assignments`, {
      questionIds: ['IV.a'],
      entityId: world.entities.interior,
      dueOn: '2021-02-30',
    });
    expect(date.json().code).toBe('assignment.invalid_due_date');
    const validator = await call('validator', 'POST', `${REVIEW}/assignments`, {
      questionIds: ['IV.a'],
      entityId: world.entities.interior,
    });
    expect(validator.status).toBe(403);
  });

  it('says whether the secretariat sees the progress before submission, and that only the focal point decides', async () => {
    const dashboard = async (who: Persona) => (await call(who, 'GET', `${REVIEW}/workspace`)).json();
    expect(await dashboard('focal')).toMatchObject({ shareProgress: false, may: { shareProgress: true } });
    expect(await dashboard('validator')).toMatchObject({ shareProgress: false, may: { shareProgress: false } });
    expect((await call('focal', 'PUT', `${REVIEW}/progress-sharing`, { share: true })).status).toBe(200);
    expect(await dashboard('validator')).toMatchObject({ shareProgress: true, may: { shareProgress: false } });
    expect((await call('focal', 'PUT', `${REVIEW}/progress-sharing`, { share: false })).status).toBe(200);
    expect((await dashboard('focal')).shareProgress).toBe(false);
  });

  it('shows a contributor the questions given to its entity only', async () => {
    expect((await call('contributorA', 'GET', answerUrl('IV.a'))).status).toBe(200);
    expect((await call('contributorB', 'GET', answerUrl('IV.a'))).status).toBe(404);
    expect((await call('contributorA', 'GET', answerUrl('I.a'))).status).toBe(404);
  });
});

describe('the review workflow and the audit log', () => {
  it('refuses to validate while answers are not approved, and names them', async () => {
    const response = await call('focal', 'POST', `${REVIEW}/status`, { to: 'validated' });
    expect(response.status).toBe(409);
    expect(response.json().code).toBe('review.answers_not_approved');
    expect(response.json().details.questions).toContain('I.a');
  });

  it('opens the consultation, and lets the secretariat read what was submitted, not the working copy', async () => {
    expect((await call('validator', 'POST', `${REVIEW}/status`, { to: 'in_consultation' })).status).toBe(403);
    expect((await call('focal', 'POST', `${REVIEW}/status`, { to: 'submitted' })).json().code).toBe(
      'review.move_not_allowed',
    );
    expect((await call('focal', 'POST', `${REVIEW}/status`, { to: 'in_consultation' })).json().status).toBe(
      'in_consultation',
    );
    const db = t.storage.db;
    await db.updateTable('review').set({ status: 'validated' }).where('country_code', '=', 'MAR').execute();
    expect((await call('focal', 'POST', `${REVIEW}/status`, { to: 'submitted' })).json().status).toBe('submitted');
    // The secretariat reads the submission (test/integration/submissions.test.ts), never the review itself.
    expect((await call('secretariat', 'GET', `${REVIEW}/submissions/1`)).status).toBe(200);
    expect((await call('secretariat', 'GET', REVIEW)).status).toBe(404);
    expect((await call('secretariat', 'PUT', answerUrl('I.a'), { blocks: [], baseRevision: 1 })).status).toBe(404);
    const closed = await call('focal', 'PUT', answerUrl('I.d'), { blocks: paragraph('x'), baseRevision: 1 });
    expect(closed.json().code).toBe('review.not_in_state');
    // Nothing offers what would be refused: no answer moves, no editing, no assigning.
    const page = (await call('focal', 'GET', answerUrl('II.a'))).json();
    expect(page).toMatchObject({ allowedMoves: [], may: { edit: false, decide: false, assign: false } });
    expect((await call('focal', 'GET', `${REVIEW}/workspace`)).json().may).toMatchObject({
      edit: false,
      assign: false,
    });
  });

  it('records who did what, readable by the focal point and administrators only', async () => {
    const events = (await call('focal', 'GET', `${REVIEW}/audit`)).json().events as { action: string; actor: string }[];
    const actions = new Set(events.map((e) => e.action));
    for (const action of ['answer.edit', 'answer.restore', 'answer.status', 'assignment.add', 'review.status']) {
      expect(actions, action).toContain(action);
    }
    expect(events.find((e) => e.action === 'review.status')?.actor).toBe('focal@mar.example.org');
    expect((await call('validator', 'GET', `${REVIEW}/audit`)).status).toBe(403);
    expect((await call('admin', 'GET', `${REVIEW}/audit`)).status).toBe(200);
    await expect(sql`delete from audit_event`.execute(t.storage.db)).rejects.toThrow(/append-only/);
  });
});

it(`runs on ${ENGINE}`, () => expect(['pglite', 'postgres']).toContain(ENGINE));
