import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { buildServer } from '../../src/http/server.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The author's working draft of an answer (issue 12, item 4; migration 027), over the API on both
 * engines: an autosave (PUT …/draft) writes no revision and reads back to its author only; saving
 * the answer writes one revision and clears the draft; a save made meanwhile by someone else makes
 * the author's save from the stale base an edit conflict, the draft kept; the autosave is refused
 * exactly as the save is (rights, closed review, blocks over the limits), nothing written. The
 * answer page also gives the team « next answer » navigation in the questionnaire's order.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const Q = 'II.c';
const ANSWER = `${REVIEW}/answers/${Q}`;
type Who = Persona | 'anonymous';

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
  who: Who,
  method: 'GET' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  const response = await app.inject({
    method,
    url,
    headers: { ...world.as(who), ...headers },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ type: 'paragraph', text }));
const page = async (who: Who = 'focal', q = Q) => (await call(who, 'GET', `${REVIEW}/answers/${q}`)).body;
const revisions = async () => (await call('focal', 'GET', `${ANSWER}/revisions`)).body.revisions as unknown[];
const draftRows = () => t.storage.db.selectFrom('answer_draft').selectAll().execute();
const auditCount = async () =>
  (
    await t.storage.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const autosave = (who: Who, blocks: Block[], baseRevision: number, query = '') =>
  call(who, 'PUT', `${ANSWER}/draft${query}`, { blocks, baseRevision });
const save = (who: Who, blocks: Block[], baseRevision: number, query = '') =>
  call(who, 'PUT', `${ANSWER}${query}`, { blocks, baseRevision });

describe('an autosave', () => {
  it('keeps the author’s draft without a revision, an audit event or a change to the answer', async () => {
    const before = await page();
    const history = await revisions();
    const audited = await auditCount();
    const first = await autosave('focal', paragraphs('Premier jet.'), before.revision);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.baseRevision).toBe(before.revision);
    expect(Date.parse(first.body.savedAt)).not.toBeNaN();
    // A second autosave overwrites the first: one draft per author.
    const second = await autosave('focal', paragraphs('Premier jet, puis la suite.'), before.revision);
    expect(second.status).toBe(200);
    const after = await page();
    expect(after.myDraft).toEqual({
      blocks: paragraphs('Premier jet, puis la suite.'),
      baseRevision: before.revision,
      updatedAt: second.body.savedAt,
    });
    expect({ revision: after.revision, blocks: after.blocks }).toEqual({
      revision: before.revision,
      blocks: before.blocks,
    });
    expect(await revisions()).toEqual(history);
    expect(await auditCount()).toBe(audited);
    expect(await draftRows()).toHaveLength(1);
  });

  it('is read back by its author only: the rest of the team sees none', async () => {
    expect((await page('admin')).myDraft).toBeNull();
    expect((await page('validator')).myDraft).toBeNull();
    expect((await page('focal')).myDraft).not.toBeNull();
  });

  it('is cleared by its author’s save, which writes one revision', async () => {
    const before = await page();
    const history = await revisions();
    // Someone else's draft of the same answer stays: a save clears its author's only.
    expect((await autosave('admin', paragraphs('Le brouillon de l’administrateur.'), before.revision)).status).toBe(
      200,
    );
    const saved = await save('focal', paragraphs('Premier jet, puis la suite.'), before.revision);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.revision).toBe(before.revision + 1);
    expect(await revisions()).toHaveLength(history.length + 1);
    expect((await page('focal')).myDraft).toBeNull();
    expect((await page('admin')).myDraft?.blocks).toEqual(paragraphs('Le brouillon de l’administrateur.'));
    expect((await draftRows()).map((r) => r.author)).toEqual(['admin@example.org']);
    expect((await call('admin', 'DELETE', `${ANSWER}/draft`)).status).toBe(204);
    expect(await draftRows()).toEqual([]);
  });
});

describe('a save made meanwhile by someone else', () => {
  it('makes the author’s save from the stale base an edit conflict, and the draft stays', async () => {
    const base = (await page()).revision;
    expect((await autosave('focal', paragraphs('Ma version en cours.'), base)).status).toBe(200);
    expect((await save('admin', paragraphs('La version de l’administrateur.'), base)).status).toBe(200);
    const refused = await save('focal', paragraphs('Ma version en cours.'), base);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('answer.edit_conflict');
    expect(refused.body.details).toMatchObject({
      currentRevision: base + 1,
      baseRevision: base,
      blocks: paragraphs('La version de l’administrateur.'),
    });
    expect((await page('focal')).myDraft).toMatchObject({
      blocks: paragraphs('Ma version en cours.'),
      baseRevision: base,
    });
    // Keeping mine: saved from the current revision, the draft goes.
    expect((await save('focal', paragraphs('Ma version en cours.'), base + 1)).status).toBe(200);
    expect((await page('focal')).myDraft).toBeNull();
  });
});

describe('an autosave is refused as the save would be, nothing written', () => {
  const tried = async (who: Who, blocks: Block[], query = '', headers: Record<string, string> = {}) => {
    const base = (await page('focal')).revision;
    const drafted = await call(who, 'PUT', `${ANSWER}/draft${query}`, { blocks, baseRevision: base }, headers);
    const saved = await call(who, 'PUT', `${ANSWER}${query}`, { blocks, baseRevision: base }, headers);
    return { drafted, saved };
  };

  it('to a contributor, a validator, another country’s focal point and an anonymous client', async () => {
    const revisionsBefore = await revisions();
    const expected: Record<string, [number, string]> = {
      contributorA: [404, 'review.not_found'],
      validator: [403, 'auth.forbidden'],
      focalTun: [404, 'review.not_found'],
      // A review not published does not exist for an anonymous client either, as for the save.
      anonymous: [404, 'review.not_found'],
    };
    for (const [who, [status, code]] of Object.entries(expected) as [Who, [number, string]][]) {
      const { drafted, saved } = await tried(who, paragraphs(`Texte de ${who}.`));
      expect([drafted.status, drafted.body.code], who).toEqual([status, code]);
      expect([saved.status, saved.body.code], who).toEqual([status, code]);
      const discarded = await call(who, 'DELETE', `${ANSWER}/draft`);
      expect([discarded.status, discarded.body.code], who).toEqual([status, code]);
    }
    expect(await draftRows()).toEqual([]);
    expect(await revisions()).toEqual(revisionsBefore);
  });

  it('over the blocks’ limits: blocks.too_large, in the reader’s language', async () => {
    const tooMany = paragraphs(...Array.from({ length: 2001 }, (_, i) => `Ligne ${i + 1}.`));
    const { drafted, saved } = await tried('focal', tooMany);
    expect([drafted.status, drafted.body.code]).toEqual([422, 'blocks.too_large']);
    expect(drafted.body).toEqual(saved.body);
    const arabic = await tried('focal', tooMany, '?lang=ar');
    expect(arabic.drafted.body.message).toContain('طويل جدًا');
    expect(arabic.drafted.body.message).toBe(arabic.saved.body.message);
    const header = await tried('focal', tooMany, '', { 'accept-language': 'ar' });
    expect(header.drafted.body.message).toBe(arabic.drafted.body.message);
    expect(header.drafted.body.message).not.toBe(drafted.body.message);
    // A block the editor cannot have made: the same 400 as the save.
    const odd = await tried('focal', [{ type: 'paragraph', text: 'x', bold: true } as unknown as Block]);
    expect(odd.drafted.status).toBe(400);
    expect(odd.drafted.body.code).toBe(odd.saved.body.code);
    expect(await draftRows()).toEqual([]);
  });

  it('while the review is not open: review.not_in_state, in Arabic too', async () => {
    expect((await autosave('focal', paragraphs('Avant la validation.'), (await page()).revision)).status).toBe(200);
    const review = () => t.storage.db.updateTable('review').where('country_code', '=', 'MAR');
    await review().set({ status: 'validated' }).execute();
    try {
      const { drafted, saved } = await tried('focal', paragraphs('Après la validation.'), '?lang=ar');
      expect([drafted.status, drafted.body.code]).toEqual([409, 'review.not_in_state']);
      expect(drafted.body).toEqual(saved.body);
      expect(drafted.body.message).toContain('الاستعراض');
      expect((await draftRows()).map((r) => r.blocks)).toEqual([paragraphs('Avant la validation.')]);
    } finally {
      await review().set({ status: 'draft' }).execute();
    }
    expect((await call('focal', 'DELETE', `${ANSWER}/draft`)).status).toBe(204);
    expect(await draftRows()).toEqual([]);
  });
});

describe('an approved answer', () => {
  it('is locked for the autosave as for the save: answer.locked, nothing written', async () => {
    const q = `${REVIEW}/answers/IV.a`;
    const base = (await page('focal', 'IV.a')).revision;
    expect((await call('focal', 'PUT', q, { blocks: paragraphs('À approuver.'), baseRevision: base })).status).toBe(
      200,
    );
    for (const [who, to] of [
      ['focal', 'in_review'],
      ['validator', 'approved'],
    ] as const) {
      const moved = await app.inject({
        method: 'POST',
        url: `${q}/status`,
        headers: world.as(who),
        payload: { to },
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const body = { blocks: paragraphs('Après l’approbation.'), baseRevision: base + 1 };
    const drafted = await call('focal', 'PUT', `${q}/draft`, body);
    const saved = await call('focal', 'PUT', q, body);
    expect([drafted.status, drafted.body.code]).toEqual([409, 'answer.locked']);
    expect(drafted.body).toEqual(saved.body);
    expect(await draftRows()).toEqual([]);
  });
});

describe('« next answer » navigation', () => {
  it('gives the team the questions around this one and the next one waiting for them', async () => {
    const first = await page('focal', 'I.a');
    expect(first.neighbours).toMatchObject({ previous: null, next: 'I.b' });
    const last = await page('focal', 'V.b');
    expect(last.neighbours).toMatchObject({ previous: 'V.a', next: null });
    // The validator's next one is an answer in review: none yet, then the one sent.
    expect((await page('validator', 'I.a')).neighbours.nextForMe).toBeNull();
    const sent = await call('focal', 'PUT', `${REVIEW}/answers/III.b`, {
      blocks: paragraphs('Réponse prête.'),
      baseRevision: (await page('focal', 'III.b')).revision,
    });
    expect(sent.status).toBe(200);
    await app.inject({
      method: 'POST',
      url: `${REVIEW}/answers/III.b/status`,
      headers: world.as('focal'),
      payload: { to: 'in_review' },
    });
    expect((await page('validator', 'I.a')).neighbours.nextForMe).toBe('III.b');
    // After the last question it goes round from the start.
    expect((await page('validator', 'V.b')).neighbours.nextForMe).toBe('III.b');
    // The focal point's next one is to write or revise: never the one in review.
    expect((await page('focal', 'III.a')).neighbours.nextForMe).toBe('III.c');
  });

  it('is not given to a contributor, who sees its own questions only', async () => {
    const assigned = await app.inject({
      method: 'POST',
      url: `${REVIEW}/assignments`,
      headers: world.as('focal'),
      payload: { questionIds: ['I.a'], entityId: world.entities.interior },
    });
    expect(assigned.statusCode).toBe(201);
    const contributor = await call('contributorA', 'GET', `${REVIEW}/answers/I.a`);
    expect(contributor.status).toBe(200);
    expect(contributor.body.neighbours).toBeNull();
    expect(contributor.body.myDraft).toBeNull();
  });
});
