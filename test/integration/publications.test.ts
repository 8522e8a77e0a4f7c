import { unzipSync, strFromU8 } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts } from '../../src/domain/blocks.js';
import { operator } from '../../src/domain/permissions.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { buildServer } from '../../src/http/server.js';
import { getReview } from '../../src/services/get-review.js';
import { importReview } from '../../src/services/import-review.js';
import { listReviewAudit } from '../../src/services/list-audit.js';
import { moveReview } from '../../src/services/move-review.js';
import { publishReview } from '../../src/services/publish-review.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { createUser, signInToken } from '../support/accounts.js';
import { craftedReview, pacte, seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Publishing (issue 5): each publication is a dated version with a stable URL, the latest is
 * the default, a published review can be corrected while its published text stays public;
 * `pacte review publish`; open data (a zip of JSON and CSV per cycle, licence, last updated).
 */
let t: TestStorage;
let app: FastifyInstance;
const admin = operator('test');
const MAR = { country: 'MAR', cycle: 'arab-2021' };
const CORRECTION = 'Texte corrigé après publication : 1 234 régularisations.';

const get = async (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const answerText = (review: ReviewDocument, id: string) =>
  blockTexts(review.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.answer.blocks ?? []).join(' ');

beforeAll(async () => {
  t = await openTestStorage();
  for (const [country, bytes] of [
    ['MAR', seedBytes()],
    ['JOR', Buffer.from(craftedReview('Une réponse jordanienne.'))],
  ] as const) {
    await importReview(t.storage.db, {
      bytes,
      file: `${country}.txt`,
      country,
      cycle: 'arab-2021',
      dryRun: false,
      actor: admin,
    });
  }
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('publishing', () => {
  it('keeps nothing public before the first publication', async () => {
    for (const url of ['/api/v1/reviews/MAR/arab-2021/versions', '/api/v1/reviews/MAR/arab-2021/versions/1']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('review.not_found');
    }
    expect((await get('/api/v1/open-data')).json()).toMatchObject({ cycles: [], lastUpdated: null });
  });

  it('makes version 1, public at a stable URL, with the text as it was published', async () => {
    const published = await publishReview(t.storage.db, admin, MAR);
    expect(published).toEqual({ ...MAR, version: 1 });
    const versions = (await get('/api/v1/reviews/MAR/arab-2021/versions')).json();
    expect(versions.versions).toEqual([
      {
        version: 1,
        publishedAt: expect.any(String),
        url: '/api/v1/reviews/MAR/arab-2021/versions/1',
        page: '/reviews/MAR/arab-2021/versions/1',
      },
    ]);
    const live = await getReview(t.storage.db, admin, 'MAR', 'arab-2021');
    const v1 = (await get('/api/v1/reviews/MAR/arab-2021/versions/1')).json() as ReviewDocument;
    expect(answerText(v1, 'II.d')).toBe(answerText(live, 'II.d'));
    expect(answerText(v1, 'II.d')).toMatch(/régularisation/iu);
  });

  it('refuses to publish a published review again, saying how to correct it', async () => {
    await expect(publishReview(t.storage.db, admin, MAR)).rejects.toMatchObject({ code: 'review.already_published' });
    await expect(moveReview(t.storage.db, admin, MAR, { to: 'draft' })).rejects.toMatchObject({
      code: 'workflow.reason_required',
    });
  });

  it('lets a correction be made while the public keeps reading version 1, then publishes it as version 2', async () => {
    const before = answerText((await get('/api/v1/reviews/MAR/arab-2021')).json(), 'II.d');
    await moveReview(t.storage.db, admin, MAR, { to: 'draft', reason: 'Chiffre erroné en II.d' });
    const current = await getReview(t.storage.db, admin, 'MAR', 'arab-2021');
    const revision = current.sections.flatMap((s) => s.questions).find((q) => q.id === 'II.d')?.answer.revision ?? 0;
    await saveAnswer(
      t.storage.db,
      admin,
      { ...MAR, questionId: 'II.d' },
      {
        blocks: [{ type: 'paragraph', text: CORRECTION }],
        baseRevision: revision,
      },
    );

    // The public still reads what was published (the API and the page), not the working copy.
    const publicNow = await get('/api/v1/reviews/MAR/arab-2021');
    expect(publicNow.statusCode).toBe(200);
    expect(answerText(publicNow.json(), 'II.d')).toBe(before);
    const listed = (await get('/api/v1/reviews')).json().reviews as { country: string; status: string }[];
    expect(listed.find((r) => r.country === 'MAR')).toMatchObject({ status: 'published' });
    const page = await get('/reviews/MAR/arab-2021');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Texte corrigé');
    const exported = await get('/api/v1/reviews/MAR/arab-2021/export?format=csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain('Texte corrigé');

    // Search: the public finds what was published, never the correction being written; the team finds both.
    const search = async (q: string, headers: Record<string, string> = {}) =>
      (await get(`/api/v1/search?q=${encodeURIComponent(q)}&country=MAR`, headers)).json() as {
        hits: { questionId: string; snippet: string }[];
      };
    expect((await search('corrigé')).hits).toEqual([]);
    expect((await search('régularisation')).hits.map((h) => h.questionId)).toContain('II.d');

    expect(await publishReview(t.storage.db, admin, MAR)).toEqual({ ...MAR, version: 2 });
    expect((await search('corrigé')).hits.map((h) => h.questionId)).toEqual(['II.d']);
    expect((await search('corrigé')).hits[0]?.snippet).toContain('<mark>corrigé</mark>');
    expect(answerText((await get('/api/v1/reviews/MAR/arab-2021')).json(), 'II.d')).toBe(CORRECTION);
    expect(answerText((await get('/api/v1/reviews/MAR/arab-2021/versions/1')).json(), 'II.d')).toBe(before);
    expect(answerText((await get('/api/v1/reviews/MAR/arab-2021/versions/2')).json(), 'II.d')).toBe(CORRECTION);
    expect((await get('/reviews/MAR/arab-2021/versions/1')).body).not.toContain('Texte corrigé');
    expect((await get('/reviews/MAR/arab-2021')).body).toContain('Texte corrigé');
    const versions = (await get('/api/v1/reviews/MAR/arab-2021/versions')).json().versions as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const v1 = await get('/api/v1/reviews/MAR/arab-2021/export?format=csv&version=1');
    expect(v1.headers['content-disposition']).toContain('mar-arab-2021.v1.fr.csv');
    expect(v1.body).not.toContain('Texte corrigé');

    const { events } = await listReviewAudit(t.storage.db, admin, MAR);
    const actions = events.map((e) => `${e.action} ${JSON.stringify(e.details)}`);
    expect(actions).toContain('review.publish {"version":2}');
    expect(actions).toContain('review.publish {"version":1}');
    expect(actions.some((a) => a.includes('Chiffre erroné en II.d'))).toBe(true);
  });

  it('shows the focal point each published version on the dashboard', async () => {
    await createUser(t.storage.db, 'focal@mar.example.org', 'correct horse battery staple', {
      role: 'focal_point',
      country: 'MAR',
    });
    const token = await signInToken(app, 'focal@mar.example.org', 'correct horse battery staple');
    const response = await get('/api/v1/reviews/MAR/arab-2021/workspace', { authorization: `Bearer ${token}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // The focal point may take the published review back to correct it (with a reason).
    expect(response.json().allowedMoves).toEqual([{ to: 'draft', requires: 'reason' }]);
  });

  it('answers an unknown version with a specific error in the reader’s language', async () => {
    const response = await get('/api/v1/reviews/MAR/arab-2021/versions/9', { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'review.version_not_found' });
    expect(response.json().message).toMatch(/version publiée 9/u);
    expect((await get('/api/v1/reviews/MAR/arab-2021/versions/0')).statusCode).toBe(400);
    expect((await get('/reviews/MAR/arab-2021/versions/abc')).statusCode).toBe(404);
  });

  it('never changes a published version, whoever writes to the database', async () => {
    await expect(
      t.storage.db.updateTable('review_version').set({ published_by: 'someone else' }).execute(),
    ).rejects.toThrow(/never changes/u);
  });
});

describe('open data', () => {
  it('lists each cycle with its licence and the date it was last updated', async () => {
    const body = (await get('/api/v1/open-data')).json();
    expect(body.licence).toMatchObject({ name: 'CC-BY-4.0' });
    expect(body.cycles).toEqual([
      expect.objectContaining({ cycle: 'arab-2021', reviews: 1, download: '/api/v1/open-data/arab-2021' }),
    ]);
    expect(Date.parse(body.lastUpdated)).toBeGreaterThan(Date.now() - 3_600_000);
  });

  it('gives the published reviews of a cycle as a zip of JSON and CSV, never a working copy', async () => {
    const response = await get('/api/v1/open-data/arab-2021');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['last-modified']).toBeTruthy();
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'LICENSE.txt',
      'answers.csv',
      'codes.csv',
      'codes.json',
      'datapackage.json',
      'reviews.csv',
      'reviews/MAR.json',
    ]); // JOR is a draft: not in open data; codes (none here) in every package
    const text = (name: string) => strFromU8(files[name] as Uint8Array);
    const pack = JSON.parse(text('datapackage.json'));
    expect(pack.licenses[0].name).toBe('CC-BY-4.0');
    // Last-Modified is the newest publication, to the second.
    expect(Math.floor(Date.parse(pack.last_updated) / 1000)).toBe(
      Date.parse(response.headers['last-modified'] as string) / 1000,
    );
    expect(text('reviews.csv')).toContain('MAR,arab-2021,fr,');
    expect(text('reviews.csv')).toContain(',2,');
    expect(text('answers.csv')).toContain(`MAR,arab-2021,II.d,0,paragraph,,${CORRECTION}`);
    const mar = JSON.parse(text('reviews/MAR.json'));
    expect(mar.published).toMatchObject({ version: 2, url: '/reviews/MAR/arab-2021/versions/2' });
    const v2 = (await get('/api/v1/reviews/MAR/arab-2021/versions/2')).json();
    expect({ ...mar, published: undefined }).toEqual({ ...v2, published: undefined });
  });

  it('says so, in the reader’s language, when nothing of a cycle is published', async () => {
    const response = await get('/api/v1/open-data/unknown-cycle', { 'accept-language': 'ar' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('open_data.not_found');
    expect(JSON.stringify(response.json())).toMatch(/لم يُنشر/u);
  });
});

describe('pacte review publish', () => {
  it('publishes a review in any state as the operator, then refuses to publish it twice', async () => {
    await app.close();
    await t.close(); // the CLI child opens the same database
    try {
      const first = pacte(['review', 'publish', '--country', 'JOR', '--cycle', 'arab-2021'], t.env);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('published JOR arab-2021 as version 1');
      const again = pacte(['review', 'publish', '--country', 'JOR', '--cycle', 'arab-2021'], t.env);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/^error review\.already_published: .*already published/u);
      const missing = pacte(['review', 'publish', '--country', 'JOR'], t.env);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('--cycle is required');
    } finally {
      const storage = await t.reopen();
      app = await buildServer({ storage, logLevel: 'silent' });
    }
    const { events } = await listReviewAudit(t.storage.db, admin, { country: 'JOR', cycle: 'arab-2021' });
    expect(events.find((e) => e.action === 'review.publish')).toMatchObject({ details: { version: 1 } });
    expect((await get('/api/v1/reviews/JOR/arab-2021/versions/1')).statusCode).toBe(200);
  });
});
