import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Assignments and the focal point's to-do list (issue 12, item 10; migration 025), over the API
 * on both engines: no past due date; an assignment edited (due date, note) and withdrawn, the
 * entity told each time; « overdue » no longer counted once the answer is approved; notifications
 * that say what happened (overdue vs approaching, an answer vs a contribution, the entity named);
 * a returned answer carrying its latest return comment; the to-do list (contributions to merge,
 * inputs to answer, answers returned).
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const INTERIOR = "Ministère de l'Intérieur";

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
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  const response = await app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

/** YYYY-MM-DD, `days` from today (UTC). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const assignment = (q: string, entity: number) => `${REVIEW}/assignments/${q}/${entity}`;
const assign = (q: string, entity: number, dueOn: string | null, note?: string) =>
  call('focal', 'POST', `${REVIEW}/assignments?lang=fr`, { questionIds: [q], entityId: entity, dueOn, note });
const notes = async (who: Persona, lang = 'en') =>
  (await call(who, 'GET', `/api/v1/notifications?lang=${lang}`)).body.notifications as {
    kind: string;
    questionId: string;
    text: string;
    details: Record<string, unknown>;
  }[];
const rows = async (q: string) => {
  const dashboard = (await call('focal', 'GET', `${REVIEW}/workspace`)).body;
  const question = dashboard.sections
    .flatMap((s: { questions: unknown[] }) => s.questions)
    .find((x: { id: string }) => x.id === q);
  return { question, byEntity: dashboard.byEntity as { entity: { id: number }; overdue: number }[] };
};

describe('assigning a question', () => {
  it('refuses a due date in the past with assignment.due_in_past, in the reader’s language, and stores nothing', async () => {
    const refused = await assign('III.a', world.entities.interior, '2020-01-31');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('assignment.due_in_past');
    expect(refused.body.message).toBe(
      // The day as the reader reads it, not the ISO date sent (issue 12, item 9).
      "L'échéance 31 janvier 2020 est déjà passée : choisissez aujourd'hui ou une date à venir.",
    );
    expect((await rows('III.a')).question.assignments).toEqual([]);
    // Yesterday in UTC is still today somewhere (UTC−12 is a day behind for half of each day): only older is past.
    expect((await assign('III.a', world.entities.interior, day(-2))).body.code).toBe('assignment.due_in_past');
  });

  it('accepts today, with a note to the entity that the entity reads', async () => {
    expect((await assign('III.a', world.entities.interior, day(0), 'Les chiffres de 2023, SVP.')).status).toBe(201);
    const row = (await rows('III.a')).question.assignments[0];
    expect(row).toMatchObject({ dueOn: day(0), note: 'Les chiffres de 2023, SVP.', overdue: false });
    const page = (await call('contributorA', 'GET', `${REVIEW}/answers/III.a`)).body;
    expect(page.assignments[0].note).toBe('Les chiffres de 2023, SVP.');
  });
});

describe('an assignment', () => {
  it('is edited by the focal point (due date, note; a past date refused), the entity told, audited', async () => {
    const url = assignment('III.a', world.entities.interior);
    expect((await call('focal', 'PATCH', url, { dueOn: '2021-05-01' })).body.code).toBe('assignment.due_in_past');
    // Outside the country's team the review does not exist; inside it, only the focal point assigns.
    expect((await call('contributorA', 'PATCH', url, { dueOn: day(10) })).status).toBe(404);
    expect((await call('focalTun', 'PATCH', url, { dueOn: day(10) })).status).toBe(404);
    expect((await call('validator', 'PATCH', url, { dueOn: day(10) })).status).toBe(403);
    const changed = await call('focal', 'PATCH', url, { dueOn: day(10), note: '  ' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      questionId: 'III.a',
      entityId: world.entities.interior,
      dueOn: day(10),
      note: null,
    });
    expect((await call('focal', 'PATCH', url, { note: 'Et ceux de 2024.' })).body).toMatchObject({
      dueOn: day(10),
      note: 'Et ceux de 2024.',
    });
    const told = (await notes('contributorA')).filter((n) => n.kind === 'assignment_changed');
    expect(told).toHaveLength(2);
    expect(told[0]!.text).toContain(INTERIOR);
    expect((await call('focal', 'PATCH', assignment('III.b', world.entities.interior), { note: 'x' })).body.code).toBe(
      'assignment.not_found',
    );
    const audit = (await call('focal', 'GET', `${REVIEW}/audit`)).body.events as { action: string }[];
    expect(audit.filter((e) => e.action === 'assignment.change')).toHaveLength(2);
  });

  it('is withdrawn by the focal point, and the entity is told', async () => {
    expect((await call('focal', 'DELETE', assignment('III.a', world.entities.interior))).status).toBe(204);
    const told = (await notes('contributorA', 'fr')).find((n) => n.kind === 'unassigned');
    expect(told?.text).toBe(`La question III.a n’est plus confiée à ${INTERIOR}`);
    expect((await rows('III.a')).question.assignments).toEqual([]);
  });
});

describe('overdue', () => {
  it('counts an assignment whose date has passed until the answer is approved, and tells the entity it is overdue', async () => {
    const Q = 'III.b';
    expect((await assign(Q, world.entities.planning, day(1))).status).toBe(201);
    // A due date the API no longer accepts: the assignment was made in time, and time passed.
    await t.storage.db.updateTable('assignment').set({ due_on: '2021-03-15' }).where('question_id', '=', Q).execute();
    expect((await rows(Q)).question.assignments[0].overdue).toBe(true);
    const tasks = (await call('contributorB', 'GET', '/api/v1/tasks')).body;
    expect(tasks.assignments.find((a: { questionId: string }) => a.questionId === Q).overdue).toBe(true);
    const overdue = (await notes('contributorB')).filter((n) => n.kind === 'overdue');
    expect(overdue.map((n) => n.text)).toEqual([
      'Question III.b for Haut-Commissariat au Plan is overdue: it was due on March 15, 2021',
    ]);
    expect((await notes('contributorB')).some((n) => n.kind === 'due_soon')).toBe(false);

    // The focal point writes the answer itself; the validator approves it.
    const current = (await call('focal', 'GET', `${REVIEW}/answers/${Q}`)).body;
    await call('focal', 'PUT', `${REVIEW}/answers/${Q}`, {
      blocks: [{ type: 'paragraph', text: 'Réponse du point focal.' }],
      baseRevision: current.revision,
    });
    expect((await call('focal', 'POST', `${REVIEW}/answers/${Q}/status`, { to: 'in_review' })).status).toBe(200);
    expect((await call('validator', 'POST', `${REVIEW}/answers/${Q}/status`, { to: 'approved' })).status).toBe(200);
    const after = await rows(Q);
    expect(after.question.assignments[0].overdue).toBe(false);
    expect(after.byEntity.find((e) => e.entity.id === world.entities.planning)?.overdue).toBe(0);
    const later = (await call('contributorB', 'GET', '/api/v1/tasks')).body;
    expect(later.assignments.find((a: { questionId: string }) => a.questionId === Q).overdue).toBe(false);
  });

  it('tells an approaching due date apart, in Arabic too', async () => {
    expect((await assign('III.c', world.entities.planning, day(2))).status).toBe(201);
    await call('contributorB', 'GET', '/api/v1/tasks');
    const soon = (await notes('contributorB', 'ar')).filter((n) => n.kind === 'due_soon');
    expect(soon).toHaveLength(1);
    expect(soon[0]!.text).toContain('يقترب موعد تسليم السؤال III.c (Haut-Commissariat au Plan)');
  });
});

describe('notifications of answers and contributions', () => {
  it('tell an answer sent to review (validators) from a contribution submitted (focal points)', async () => {
    const Q = 'IV.a';
    expect((await assign(Q, world.entities.interior, day(5))).status).toBe(201);
    const url = `${REVIEW}/answers/${Q}/contributions/${world.entities.interior}`;
    expect(
      (
        await call('contributorA', 'PUT', url, {
          blocks: [{ type: 'paragraph', text: 'Nos chiffres.' }],
          baseRevision: 0,
        })
      ).status,
    ).toBe(200);
    expect((await call('contributorA', 'POST', `${url}/submit`)).status).toBe(200);
    const submitted = (await notes('focal')).find((n) => n.kind === 'submitted' && n.questionId === Q);
    expect(submitted?.text).toBe(`${INTERIOR} submitted its contribution to question IV.a: to merge`);

    expect((await call('focal', 'POST', `${REVIEW}/answers/I.c/status`, { to: 'in_review' })).status).toBe(200);
    const toReview = (await notes('validator')).find((n) => n.questionId === 'I.c');
    expect(toReview?.kind).toBe('answer_submitted');
    expect(toReview?.text).toBe('The answer to question I.c was sent for review: to approve or return');
  });
});

describe('the focal point’s to-do list and a returned answer', () => {
  it('lists contributions to merge, inputs to answer and answers returned with their latest comment', async () => {
    await call('validator', 'POST', `${REVIEW}/answers/I.c/status`, { to: 'changes_requested', comment: 'Trop long.' });
    await call('focal', 'POST', `${REVIEW}/answers/I.c/status`, { to: 'in_review' });
    await call('validator', 'POST', `${REVIEW}/answers/I.c/status`, {
      to: 'changes_requested',
      comment: 'Citez la source.',
    });
    const page = (await call('focal', 'GET', `${REVIEW}/answers/I.c`)).body;
    expect(page.returnedWith).toMatchObject({
      kind: 'return',
      body: 'Citez la source.',
      author: 'validator@mar.example.org',
    });

    expect((await call('focal', 'POST', `${REVIEW}/status`, { to: 'in_consultation' })).status).toBe(200);
    const input = `${REVIEW}/answers/V.a/contributions/${world.entities.association}`;
    expect(
      (
        await call('stakeholder', 'PUT', input, {
          blocks: [{ type: 'paragraph', text: 'Notre avis.' }],
          baseRevision: 0,
        })
      ).status,
    ).toBe(200);
    expect((await call('stakeholder', 'POST', `${input}/submit`)).status).toBe(200);

    const { todo } = (await call('focal', 'GET', '/api/v1/tasks')).body;
    expect(
      todo.toMerge.map((c: { questionId: string; entity: { name: string } }) => [c.questionId, c.entity.name]),
    ).toEqual([['IV.a', INTERIOR]]);
    expect(
      todo.inputs.map((c: { questionId: string; entity: { name: string } }) => [c.questionId, c.entity.name]),
    ).toEqual([['V.a', 'Association des migrants']]);
    expect(todo.returned).toEqual([
      expect.objectContaining({ questionId: 'I.c', comment: expect.objectContaining({ body: 'Citez la source.' }) }),
    ]);
    expect(todo.returned[0].questionText.fr).toBeTruthy();
    // Others have nothing on it; answering the input and resubmitting the answer take them off.
    expect((await call('validator', 'GET', '/api/v1/tasks')).body.todo).toEqual({
      toMerge: [],
      inputs: [],
      returned: [],
    });
    expect((await call('focal', 'POST', `${input}/response`, { text: 'Repris en V.a.' })).status).toBe(200);
    expect((await call('focal', 'POST', `${REVIEW}/answers/I.c/status`, { to: 'in_review' })).status).toBe(200);
    expect((await call('focal', 'GET', `${REVIEW}/answers/I.c`)).body.returnedWith).toBeNull();
    const after = (await call('focal', 'GET', '/api/v1/tasks')).body.todo;
    expect([after.inputs, after.returned]).toEqual([[], []]);
  });
});
