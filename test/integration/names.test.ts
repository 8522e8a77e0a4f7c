import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { addComment } from '../../src/services/add-comment.js';
import { createWorld, PERSONAS, type Persona, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Names, not codes (issue 12, item 9; migration 026), over the API on both engines: accounts get a
 * display name (administrators' API, refused when blank or on two lines), and every response that
 * names an author says who in words — the account's name, else its address, the operator as
 * « Pacte (import) » or « Pacte (démo) » in the reader's language — next to the recorded value.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const Q = 'II.c';

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
  // The world's accounts predate names: the focal point gets one, the validator keeps its address.
  await t.storage.db
    .updateTable('user_account')
    .set({ display_name: 'Nadia Benali' })
    .where('email', '=', PERSONAS.focal.email)
    .execute();
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function call(who: Persona, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
}

describe('an account’s display name', () => {
  it('is given by an administrator, listed, kept on one line and refused when too long', async () => {
    const user = { email: 'salma@mar.example.org', password: 'a long enough password', role: 'validator' };
    const added = await call('admin', 'POST', '/api/v1/users', {
      ...user,
      country: 'MAR',
      name: '  Salma   Ouazzani ',
    });
    expect(added.status).toBe(201);
    const listed = (await call('admin', 'GET', '/api/v1/users')).body.users as { email: string; name: string | null }[];
    expect(listed.find((u) => u.email === user.email)?.name).toBe('Salma Ouazzani');
    expect(listed.find((u) => u.email === PERSONAS.validator.email)?.name).toBeNull();
    const refused = await call('admin', 'POST', '/api/v1/users?lang=fr', {
      ...user,
      country: 'MAR',
      name: 'x'.repeat(121),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('user.invalid_name');
    expect(refused.body.message).toBe('Un nom compte de 1 à 120 caractères, sur une seule ligne.');
    // A line break typed into the name is a space: names stay on one line.
    await call('admin', 'POST', '/api/v1/users', { ...user, country: 'MAR', name: 'Salma\nEl Ouazzani' });
    const again = (await call('admin', 'GET', '/api/v1/users')).body.users as { email: string; name: string | null }[];
    expect(again.find((u) => u.email === user.email)?.name).toBe('Salma El Ouazzani');
  });
});

describe('authors', () => {
  it('are named in revisions, the answer, comments and the audit log, the address kept beside', async () => {
    const page = (await call('focal', 'GET', `${REVIEW}/answers/${Q}?lang=fr`)).body;
    // Imported by the operator at the command line.
    expect(page.updatedBy).toBe('cli:test');
    expect(page.updatedByName).toBe('Pacte (import)');
    const saved = await call('focal', 'PUT', `${REVIEW}/answers/${Q}`, {
      blocks: [{ type: 'paragraph', text: 'Texte du point focal.' }],
      baseRevision: page.revision,
    });
    expect(saved.status).toBe(200);
    expect((await call('focal', 'POST', `${REVIEW}/answers/${Q}/status`, { to: 'in_review' })).status).toBe(200);
    expect(
      (
        await call('validator', 'POST', `${REVIEW}/answers/${Q}/status`, {
          to: 'changes_requested',
          comment: 'Sources ?',
        })
      ).status,
    ).toBe(200);
    await addComment(t.storage.db, operator('demo'), { country: 'MAR', cycle: 'arab-2021', questionId: Q }, 'Démo.');

    const after = (await call('focal', 'GET', `${REVIEW}/answers/${Q}?lang=fr`)).body;
    expect([after.updatedBy, after.updatedByName]).toEqual([PERSONAS.focal.email, 'Nadia Benali']);
    expect(after.comments.map((c: { author: string; authorName: string }) => [c.author, c.authorName])).toEqual([
      [PERSONAS.validator.email, PERSONAS.validator.email],
      ['cli:demo', 'Pacte (démo)'],
    ]);
    expect(after.returnedWith.authorName).toBe(PERSONAS.validator.email);

    const history = (await call('focal', 'GET', `${REVIEW}/answers/${Q}/revisions?lang=ar`)).body.revisions as {
      author: string;
      authorName: string;
    }[];
    expect(history.map((r) => r.authorName)).toEqual(['Nadia Benali', 'Pacte (استيراد)']);
    const one = (await call('focal', 'GET', `${REVIEW}/answers/${Q}/revisions/1?lang=en`)).body;
    expect([one.author, one.authorName]).toEqual(['cli:test', 'Pacte (import)']);

    const audit = (await call('focal', 'GET', `${REVIEW}/audit`)).body.events as { actor: string; actorName: string }[];
    expect(audit.find((e) => e.actor === PERSONAS.focal.email)?.actorName).toBe('Nadia Benali');
    const todo = (await call('focal', 'GET', '/api/v1/tasks')).body.todo;
    expect(todo.returned.find((r: { questionId: string }) => r.questionId === Q).comment.author).toBe(
      PERSONAS.validator.email,
    );
  });
});
