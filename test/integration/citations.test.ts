import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedAnswer } from '../../src/db/queries/citations.js';
import { sentences } from '../../src/domain/citation.js';
import { locate, passageHolds, type Passage } from '../../src/domain/passage.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { moveAnswer } from '../../src/services/move-answer.js';
import { moveReview } from '../../src/services/move-review.js';
import { publicCitations } from '../../src/services/public-citations.js';
import { returnSubmission } from '../../src/services/return-submission.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { addPerson } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Citations of a synthesis (issue 14, items 2–3) on a generated region: a citation keeps pointing
 * at the submission it quotes after the country resubmits, and is flagged with the change until
 * the secretariat keeps it or updates it; an unchanged resubmission flags nothing; searching the
 * submissions gives passages ready to cite; the country's focal point, and only it, approves or
 * refuses a quote; the public never gets a passage neither published nor approved.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const who: Record<string, Record<string, string>> = {};
const REGION = 'ci';
const CYCLE = `${REGION}-1`;
const QUESTION = 'I.a';
const db = () => t.storage.db;
let synthesis: number;
let base: string;
/** Three submitted countries: A resubmits a changed answer, B the same answer, C is published. */
let A: string, B: string, C: string;

async function call(as: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang = 'fr') {
  const response = await app.inject({
    method,
    url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`,
    headers: as ? who[as] : {},
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

/** The first sentence of the country's latest submitted answer to I.a, as a passage. */
async function firstSentence(country: string): Promise<Passage & { source: { kind: 'submission'; number: number } }> {
  const answer = (await submittedAnswer(db(), { country, cycle: CYCLE, questionId: QUESTION }))!;
  const [first] = locate(answer.blocks);
  const [{ start, end }] = sentences(first!.text) as [{ start: number; end: number }];
  return {
    source: { kind: 'submission', country, cycle: CYCLE, number: answer.number },
    questionId: QUESTION,
    position: { block: first!.block, start, end },
    text: first!.text.slice(start, end),
  };
}

/** The country takes its review back, changes (or not) its answer to I.a, and submits it again. */
async function resubmit(country: string, change?: string) {
  const actor = operator('test');
  const target = { country, cycle: CYCLE };
  const { number } = (await submittedAnswer(db(), { ...target, questionId: QUESTION }))!;
  await returnSubmission(db(), actor, { ...target, number }, { reason: 'À revoir.' });
  if (change !== undefined) {
    const q = { ...target, questionId: QUESTION };
    await moveAnswer(db(), actor, q, { to: 'drafting', comment: 'Une précision.' });
    const row = await db()
      .selectFrom('answer')
      .innerJoin('review', 'review.id', 'answer.review_id')
      .select('answer.revision')
      .where('review.country_code', '=', country)
      .where('review.cycle_id', '=', CYCLE)
      .where('answer.question_id', '=', QUESTION)
      .executeTakeFirstOrThrow();
    await saveAnswer(db(), actor, q, { blocks: [{ type: 'paragraph', text: change }], baseRevision: row.revision });
    await moveAnswer(db(), actor, q, { to: 'in_review' });
    await moveAnswer(db(), actor, q, { to: 'approved' });
  }
  await moveReview(db(), actor, target, { to: 'validated' });
  await moveReview(db(), actor, target, { to: 'submitted' });
}

interface CitationBody {
  id: number;
  outdated: boolean;
  holds: boolean;
  latestSubmission: number;
  submissionNumber: number;
  passage: Passage;
  change: { op: string; text: string }[];
  keptBy: string | null;
}
const citationsOf = async () =>
  (await call('secretariat', 'GET', base)).body.citations as (CitationBody & {
    request: { state: string } | null;
    quotable: string | null;
  })[];
const cite = (passage: object, as = 'secretariat') => call(as, 'POST', `${base}/citations`, { passage });

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(db(), { id: REGION, countries: 6, submitted: 4, cycles: 1 });
  [A, B, C] = demo.countries.filter((c) => c.review === 'submitted').map((c) => c.code) as [string, string, string];
  const people = {
    secretariat: { role: 'secretariat', region: REGION },
    translator: { role: 'translator', region: REGION },
    focalA: { role: 'focal_point', country: A },
    focalB: { role: 'focal_point', country: B },
    validatorB: { role: 'validator', country: B },
  } as const;
  for (const [name, grant] of Object.entries(people)) {
    who[name] = { authorization: `Bearer ${await addPerson(db(), app, `${name}@ci.example.org`, grant)}` };
  }
  const created = await call('secretariat', 'POST', `/api/v1/cycles/${CYCLE}/syntheses`, {
    language: 'fr',
    title: 'Synthèse régionale',
  });
  synthesis = created.body.id as number;
  base = `/api/v1/cycles/${CYCLE}/syntheses/${synthesis}`;
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe(`citations of a synthesis (${ENGINE})`, () => {
  let citeA: number, citeB: number, citeC: number;
  let quoteA: Passage;

  it('finds what to cite in the region’s latest submissions, as passages ready to post', async () => {
    quoteA = await firstSentence(A);
    const words = quoteA.text
      .split(/\s+/u)
      .filter((w) => w.length > 3)
      .slice(0, 2)
      .join(' ');
    const found = await call(
      'secretariat',
      'GET',
      `/api/v1/cycles/${CYCLE}/passages?q=${encodeURIComponent(words.toUpperCase())}`,
    );
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const passages = (found.body.passages as { country: string; passage: Passage }[]).map((p) => p.passage);
    expect(passages).toContainEqual(quoteA);
    const empty = await call('secretariat', 'GET', `/api/v1/cycles/${CYCLE}/passages?q=${encodeURIComponent('… !')}`);
    expect([empty.status, empty.body.code]).toEqual([400, 'search.invalid_query']);
    const focal = await call('focalA', 'GET', `/api/v1/cycles/${CYCLE}/passages?q=x`);
    expect([focal.status, focal.body.code]).toEqual([404, 'cycle.not_found']);
  });

  it('cites passages that the submission holds, and refuses one it does not hold, writing nothing', async () => {
    const a = await cite(quoteA);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ country: A, submissionNumber: 1, outdated: false, holds: true, passage: quoteA });
    citeA = a.body.id as number;
    citeB = (await cite(await firstSentence(B))).body.id as number;
    citeC = (await cite(await firstSentence(C))).body.id as number;
    const wrong = await cite({ ...quoteA, text: `${quoteA.text} (sic)` });
    expect([wrong.status, wrong.body.code, wrong.body.details]).toEqual([
      422,
      'citation.passage_mismatch',
      { country: A, number: 1, question: QUESTION },
    ]);
    expect(wrong.body.message).toContain(`La soumission 1 de ${A}`);
    const noSuch = await cite({ ...quoteA, source: { ...quoteA.source, number: 7 } });
    expect(noSuch.body.code).toBe('citation.passage_mismatch');
    expect((await cite(quoteA, 'translator')).status).toBe(403);
    expect((await citationsOf()).map((c) => c.id)).toEqual([citeA, citeB, citeC]);
    // The document cites them by id.
    const document = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Deux pays ', marks: [{ type: 'citation', attrs: { citations: [citeA, citeB] } }] },
          ],
        },
      ],
    };
    expect((await call('secretariat', 'PUT', base, { document, baseRevision: 0 })).status).toBe(200);
  });

  it('keeps pointing at the submission it quotes after the country resubmits a changed answer, flagged', async () => {
    await resubmit(A, 'La coordination est désormais assurée par un comité interministériel.');
    await resubmit(B); // the same answer, submitted again
    const [a, b] = await citationsOf();
    expect(a).toMatchObject({ id: citeA, outdated: true, latestSubmission: 2, submissionNumber: 1, passage: quoteA });
    expect(a!.change.some((l) => l.op === 'added' && l.text.includes('comité interministériel'))).toBe(true);
    expect(a!.change.some((l) => l.op === 'removed')).toBe(true);
    expect(b).toMatchObject({ id: citeB, outdated: false, latestSubmission: 2 });

    // Opening it shows the quoted submission, where the passage still is, and the latest answer.
    const opened = await call('secretariat', 'GET', `${base}/citations/${citeA}`);
    expect(opened.status).toBe(200);
    const body = opened.body as { answer: { number: number; blocks: never[] }; latest: { number: number } };
    expect(body.answer.number).toBe(1);
    expect(passageHolds(body.answer.blocks, quoteA)).toBe(true);
    expect(body.latest.number).toBe(2);
    const keepB = await call('secretariat', 'POST', `${base}/citations/${citeB}/keep`);
    expect([keepB.status, keepB.body.code]).toEqual([409, 'citation.not_outdated']);
  });

  it('is kept (who and when recorded) until a newer submission, or updated to the latest words', async () => {
    const kept = await call('secretariat', 'POST', `${base}/citations/${citeA}/keep`);
    expect(kept.body).toMatchObject({ outdated: false, keptBy: 'secretariat@ci.example.org', keptThrough: 2 });
    await resubmit(A, 'Le comité interministériel se réunit chaque trimestre.');
    expect((await citationsOf())[0]).toMatchObject({ outdated: true, latestSubmission: 3 });

    const stale = await call('secretariat', 'PUT', `${base}/citations/${citeA}`, { passage: quoteA });
    expect([stale.status, stale.body.code, stale.body.details]).toEqual([
      422,
      'citation.not_latest',
      { country: A, latest: 3 },
    ]);
    const latest = await firstSentence(A);
    const updated = await call('secretariat', 'PUT', `${base}/citations/${citeA}`, { passage: latest });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ submissionNumber: 3, outdated: false, passage: latest, keptBy: null });
    const opened = await call('secretariat', 'GET', `${base}/citations/${citeA}`);
    expect(opened.body.history).toMatchObject([{ passage: quoteA, replacedBy: 'secretariat@ci.example.org' }]);
    const audit = await db()
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'citation.%')
      // The test's secretariat's: the demo region's own synthesis cites passages too.
      .where('actor', '=', 'secretariat@ci.example.org')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'citation.create',
      'citation.create',
      'citation.create',
      'citation.keep',
      'citation.update',
    ]);
  });

  it('asks the country’s focal point to approve a quote; only that focal point sees and decides it', async () => {
    const asked = await call('secretariat', 'POST', `${base}/citations/${citeB}/approval-request`);
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ state: 'pending', country: B, synthesisTitle: 'Synthèse régionale' });
    const twice = await call('secretariat', 'POST', `${base}/citations/${citeB}/approval-request`);
    expect([twice.status, twice.body.code]).toEqual([409, 'citation_request.pending']);
    const requests = `/api/v1/reviews/${B}/${CYCLE}/citation-requests`;
    const id = asked.body.id as number;
    for (const outsider of ['focalA', 'secretariat', 'translator', 'validatorB']) {
      const list = await call(outsider, 'GET', requests);
      expect([list.status, list.body.code], outsider).toEqual([404, 'review.not_found']);
      const approve = await call(outsider, 'POST', `${requests}/${id}/approve`);
      expect([approve.status, approve.body.code], outsider).toEqual([404, 'review.not_found']);
    }
    // Focal point A asks under its own country: the request is not A's.
    const misdirected = await call('focalA', 'POST', `/api/v1/reviews/${A}/${CYCLE}/citation-requests/${id}/approve`);
    expect([misdirected.status, misdirected.body.code]).toEqual([404, 'citation_request.not_found']);
    const listed = await call('focalB', 'GET', requests);
    expect(listed.body.requests).toMatchObject([{ id, state: 'pending', passage: { source: { country: B } } }]);
    const notified = await db()
      .selectFrom('notification')
      .innerJoin('user_account', 'user_account.id', 'notification.user_id')
      .select(['user_account.email', 'notification.kind'])
      .where('notification.kind', 'like', 'citation_%')
      .execute();
    expect(notified).toEqual([{ email: 'focalB@ci.example.org', kind: 'citation_approval_requested' }]);
    const inbox = await call('focalB', 'GET', '/api/v1/notifications');
    expect(inbox.status, JSON.stringify(inbox.body)).toBe(200);
    expect(inbox.body.notifications).toContainEqual(
      expect.objectContaining({ kind: 'citation_approval_requested', country: B, questionId: QUESTION }),
    );

    const refused = await call('focalB', 'POST', `${requests}/${id}/refuse`, { reason: 'Texte provisoire.' });
    expect(refused.body).toMatchObject({
      state: 'refused',
      decidedBy: 'focalB@ci.example.org',
      reason: 'Texte provisoire.',
    });
    const again = await call('focalB', 'POST', `${requests}/${id}/approve`);
    expect([again.status, again.body.code]).toEqual([409, 'citation_request.decided']);
    expect((await citationsOf())[1]!.request).toMatchObject({ state: 'refused' });
    expect(await publicCitations(db(), { cycle: CYCLE, id: synthesis })).toContainEqual({ id: citeB, withheld: true });

    const second = await call('secretariat', 'POST', `${base}/citations/${citeB}/approval-request`);
    const approved = await call('focalB', 'POST', `${requests}/${second.body.id as number}/approve`);
    expect(approved.body).toMatchObject({ state: 'approved', decidedBy: 'focalB@ci.example.org', reason: null });
    const told = await db()
      .selectFrom('notification')
      .innerJoin('user_account', 'user_account.id', 'notification.user_id')
      .select(['user_account.email', 'notification.kind'])
      .where('notification.kind', 'in', ['citation_approved', 'citation_refused'])
      .orderBy('notification.id')
      .execute();
    expect(told).toEqual([
      { email: 'secretariat@ci.example.org', kind: 'citation_refused' },
      { email: 'secretariat@ci.example.org', kind: 'citation_approved' },
    ]);
  });

  it('gives the public only passages published or approved, with their source, never an unpublished one', async () => {
    await moveReview(db(), operator('test'), { country: C, cycle: CYCLE }, { to: 'published' });
    const quoted = await publicCitations(db(), { cycle: CYCLE, id: synthesis });
    const [a, b, c] = quoted;
    expect(a).toEqual({ id: citeA, withheld: true });
    expect(b).toMatchObject({
      id: citeB,
      withheld: false,
      basis: 'approved',
      country: B,
      questionId: QUESTION,
      link: null,
    });
    expect(c).toMatchObject({
      id: citeC,
      withheld: false,
      basis: 'published',
      country: C,
      link: `/reviews/${C}/${CYCLE}/versions/1`,
    });
    // The editor shows the same verdicts.
    expect((await citationsOf()).map((cited) => cited.quotable)).toEqual([null, 'approved', 'published']);
    // Nothing of A's words, nor that A is the source, reaches the public.
    const text = JSON.stringify(quoted);
    const { passage } = (await citationsOf())[0]!;
    expect(text).not.toContain(passage.text);
    expect(text).not.toContain(A);
    expect(text).not.toContain('/submissions/');
    // An updated citation needs a new approval: B's quote, re-pointed, is withheld again.
    await resubmit(B, 'Un nouveau texte pour B.');
    const latestB = await firstSentence(B);
    expect((await call('secretariat', 'PUT', `${base}/citations/${citeB}`, { passage: latestB })).status).toBe(200);
    expect((await publicCitations(db(), { cycle: CYCLE, id: synthesis }))[1]).toEqual({ id: citeB, withheld: true });
  });
});
