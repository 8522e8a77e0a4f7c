import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { createWorld, type Persona, type World } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Several answers moved at once (issue 12, item 8), over the API on both engines: 23 answers sent
 * for review in one call, 10 approved in another by the validator; one answer that cannot move
 * (its author approving it, or a status it cannot move from) and nothing moves, each refusal said
 * per question in the reader's language; the same rights as a single move; empty, repeated and
 * unknown question lists refused with their own codes.
 */
let t: TestStorage;
let app: FastifyInstance;
let world: World;
const REVIEW = '/api/v1/reviews/MAR/arab-2021';
const BULK = `${REVIEW}/answers/status`;

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  world = await createWorld(t.storage.db, app);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function call(who: Persona | 'anonymous', method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await app.inject({ method, url, headers: world.as(who), ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
}

const bulk = (who: Persona | 'anonymous', body: object, lang = 'en') => call(who, 'POST', `${BULK}?lang=${lang}`, body);

/** Every question's answer status, from the dashboard, in the questionnaire's order. */
async function statuses(): Promise<Map<string, string>> {
  const ws = (await call('focal', 'GET', `${REVIEW}/workspace`)).body;
  return new Map(
    ws.sections.flatMap((s: { questions: { id: string; status: string }[] }) =>
      s.questions.map((q) => [q.id, q.status]),
    ),
  );
}

const auditCount = async () =>
  Number(
    (
      await t.storage.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'answer.status')
        .executeTakeFirstOrThrow()
    ).n,
  );

const inStatus = async (status: string) => [...(await statuses())].filter(([, s]) => s === status).map(([q]) => q);

let sent: string[] = [];

describe('moving several answers at once', () => {
  it('sends 23 drafted answers for review in one call: each audited, the validators told of each', async () => {
    const drafting = await inStatus('drafting');
    expect(drafting.length).toBeGreaterThanOrEqual(23);
    sent = drafting.slice(0, 23);
    const before = await auditCount();
    // Named in any order: answered in the questionnaire's.
    const moved = await bulk('focal', { questions: [...sent].reverse(), to: 'in_review' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.answers).toEqual(
      sent.map((questionId) => ({ questionId, from: 'drafting', status: 'in_review' })),
    );
    const now = await statuses();
    for (const q of sent) expect(now.get(q), q).toBe('in_review');
    expect(await auditCount()).toBe(before + 23);
    const told = (await call('validator', 'GET', '/api/v1/notifications')).body.notifications as {
      kind: string;
      questionId: string | null;
    }[];
    expect(
      told
        .filter((n) => n.kind === 'answer_submitted')
        .map((n) => n.questionId)
        .sort(),
    ).toEqual([...sent].sort());
  });

  it('lets the validator approve 10 at once (text it did not write)', async () => {
    const ten = sent.slice(0, 10);
    const moved = await bulk('validator', { questions: ten, to: 'approved' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.answers.map((a: { status: string }) => a.status)).toEqual(Array(10).fill('approved'));
    const now = await statuses();
    for (const q of ten) expect(now.get(q)).toBe('approved');
    expect(now.get(sent[10] ?? '')).toBe('in_review');
  });

  it('moves nothing when one answer cannot move, and says why question by question, in the reader’s language', async () => {
    // The focal point writes one answer's current text, then sends it for review: it may not approve it.
    const own = sent[11] ?? '';
    const current = (await call('focal', 'GET', `${REVIEW}/answers/${own}`)).body;
    const drafted = await call('focal', 'POST', `${REVIEW}/answers/${own}/status`, { to: 'drafting' });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    const saved = await call('focal', 'PUT', `${REVIEW}/answers/${own}`, {
      blocks: [{ type: 'paragraph', text: 'Texte du point focal.' }],
      baseRevision: current.revision,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await bulk('focal', { questions: [own], to: 'in_review' })).status).toBe(200);

    const approved = sent[0] ?? ''; // already approved: approved → approved is no move
    const movable = [sent[12] ?? '', sent[13] ?? ''];
    const before = await auditCount();
    const refused = await bulk('focal', { questions: [...movable, own, approved], to: 'approved' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('answers.not_moved');
    expect(refused.body.message).toBe(`Nothing was moved: 2 answers cannot move (${approved}, ${own}).`);
    expect(refused.body.details.refused).toEqual([
      {
        questionId: approved,
        code: 'answer.move_not_allowed',
        details: { from: 'approved', to: 'approved' },
        message: 'An answer cannot go from approved to approved.',
      },
      {
        questionId: own,
        code: 'answer.self_approval',
        details: { country: 'MAR', questionId: own },
        message: "You wrote this answer's current text: another member of the team (the validator) must approve it.",
      },
    ]);
    const now = await statuses();
    for (const q of [...movable, own]) expect(now.get(q), q).toBe('in_review');
    expect(await auditCount()).toBe(before);

    const arabic = await bulk('focal', { questions: [...movable, own], to: 'approved' }, 'ar');
    expect(arabic.status).toBe(409);
    expect(arabic.body.message).toContain('لا يمكن نقل إجابة واحدة');
    expect(arabic.body.details.refused).toHaveLength(1);
    expect(arabic.body.details.refused[0].message).toContain('المُصادِق');
    expect((await bulk('focal', { questions: [own], to: 'approved' }, 'fr')).body.details.refused[0].message).toContain(
      'un autre membre de l',
    );
  });

  it('requires the comment a return needs, for each answer, and keeps it with each', async () => {
    const two = [sent[14] ?? '', sent[15] ?? ''];
    const bare = await bulk('validator', { questions: two, to: 'changes_requested' });
    expect(bare.status).toBe(409);
    expect(bare.body.details.refused.map((r: { code: string }) => r.code)).toEqual([
      'workflow.comment_required',
      'workflow.comment_required',
    ]);
    const returned = await bulk('validator', { questions: two, to: 'changes_requested', comment: 'Citez la source.' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    for (const q of two) {
      const comments = (await call('focal', 'GET', `${REVIEW}/answers/${q}/comments`)).body.comments;
      expect(comments.map((c: { kind: string; body: string }) => [c.kind, c.body])).toContainEqual([
        'return',
        'Citez la source.',
      ]);
    }
  });

  it('holds when two bulk moves over the same answers race: one moves them, the other is told they moved', async () => {
    const six = (await inStatus('drafting')).slice(0, 1).concat(sent.slice(16, 21));
    await bulk('validator', { questions: sent.slice(16, 21), to: 'changes_requested', comment: 'Précisez.' });
    const [a, b] = await Promise.all([
      bulk('focal', { questions: six, to: 'in_review' }),
      bulk('admin', { questions: [...six].reverse(), to: 'in_review' }),
    ]);
    expect([a.status, b.status].sort(), ENGINE).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.details.refused).toHaveLength(6);
    const now = await statuses();
    for (const q of six) expect(now.get(q)).toBe('in_review');
  });
});

describe('who may move several answers', () => {
  it('gives others the answers of a single move: hidden review, forbidden move, sign-in required', async () => {
    const q = [sent[21] ?? ''];
    const expectations: [Persona | 'anonymous', string, number, string][] = [
      ['anonymous', 'in_review', 404, 'review.not_found'],
      ['focalTun', 'in_review', 404, 'review.not_found'],
      ['contributorA', 'in_review', 404, 'review.not_found'],
      ['secretariat', 'in_review', 404, 'review.not_found'],
      // The validator decides answers but does not write them: sending for review is not its move.
      ['validator', 'drafting', 403, 'auth.forbidden'],
    ];
    for (const [who, to, status, code] of expectations) {
      const refused = await bulk(who, { questions: q, to });
      expect([refused.status, refused.body.code], who).toEqual([status, code]);
    }
    expect((await statuses()).get(q[0] ?? '')).toBe('in_review');
  });

  it('refuses an empty list, a question named twice and one the questionnaire lacks, with their own codes', async () => {
    const q = sent[21] ?? '';
    const cases: [object, number, string][] = [
      [{ questions: [], to: 'approved' }, 422, 'answers.none_named'],
      [{ questions: [q, q], to: 'approved' }, 422, 'answers.duplicate_questions'],
      [{ questions: [q, 'IX.z'], to: 'approved' }, 422, 'answers.unknown_questions'],
      [{ questions: ['not a question'], to: 'approved' }, 400, 'request.invalid'],
      [{ questions: [q], to: 'finished' }, 400, 'request.invalid'],
    ];
    for (const [body, status, code] of cases) {
      const refused = await bulk('validator', body, 'fr');
      expect([refused.status, refused.body.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await bulk('validator', { questions: [q, q], to: 'approved' }, 'fr')).body.message).toBe(
      `Chaque réponse ne peut être nommée qu'une fois : ${q} l'est plusieurs fois.`,
    );
    expect((await bulk('validator', { questions: [], to: 'approved' }, 'ar')).body.message).toBe(
      'اختر إجابة واحدة على الأقل لنقلها.',
    );
    expect((await statuses()).get(q)).toBe('in_review');
  });
});
