import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { importReview } from '../../src/services/import-review.js';
import { indexStaleAnswers, indexStalePublications } from '../../src/services/search-index.js';
import { cookieHeader, createUser, signInToken } from '../support/accounts.js';
import { fixtureReview, writeDocxFixture } from '../support/fixtures.js';
import { craftedReview, publishReview, seedBytes } from '../support/pacte.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Full-text search (issue 5, item 3), on both engines: the seed (MAR, French) and an Arabic
 * review (TUN) published, a hostile answer (JOR) published, a draft (DZA) seen only by its
 * focal point. French accents and Arabic letter variants, و and ال are folded the same way for
 * answers and queries; snippets are escaped with matches in <mark>.
 */
let t: TestStorage;
let app: FastifyInstance;
let focalToken: string;
const dir = mkdtempSync(join(tmpdir(), 'pacte-search-'));
const actor = operator('test');

type Hit = { country: string; cycle: string; questionId: string; snippet: string; score: number; synthetic: boolean };

async function search(query: Record<string, string | number>, token?: string) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/search?${qs}`,
    headers: token ? { cookie: cookieHeader(token) } : {},
  });
  return { status: response.statusCode, body: response.json() as { hits: Hit[]; total: number; code?: string } };
}

const found = async (q: string, extra: Record<string, string | number> = {}, token?: string) =>
  (await search({ q, ...extra }, token)).body.hits.map((h) => `${h.country} ${h.questionId}`);

beforeAll(async () => {
  t = await openTestStorage();
  const db = t.storage.db;
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  await importReview(db, { bytes: seedBytes(), file: 'seed.txt', country: 'MAR', dryRun: false, actor });
  await publishReview(db, 'MAR', 'arab-2021');
  const docx = await writeDocxFixture(fixtureReview('ar'), 'table', dir);
  await importReview(db, { bytes: readFileSync(docx), file: 'ar.docx', country: 'TUN', dryRun: false, actor });
  await publishReview(db, 'TUN', 'arab-2021');
  const hostile = craftedReview('Le comité <script>alert("x")</script> a traité la régularisation & le reste.');
  await importReview(db, { bytes: Buffer.from(hostile), file: 'j.txt', country: 'JOR', dryRun: false, actor });
  await publishReview(db, 'JOR', 'arab-2021');
  const draft = craftedReview('Une commission de transhumance pastorale a été créée pour la régularisation.');
  await importReview(db, { bytes: Buffer.from(draft), file: 'd.txt', country: 'DZA', dryRun: false, actor });
  await createUser(db, 'focal.dza@example.org', 'a long enough password', { role: 'focal_point', country: 'DZA' });
  focalToken = await signInToken(app, 'focal.dza@example.org', 'a long enough password');
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe(`full-text search on ${ENGINE}`, () => {
  it('finds the seed’s II.d by « régularisation », with the word marked, with or without its accent', async () => {
    for (const q of ['régularisation', 'regularisation', 'RÉGULARISATIONS']) {
      const { status, body } = await search({ q, country: 'MAR' });
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(['hits', 'total']);
      const hit = body.hits.find((h) => h.questionId === 'II.d');
      expect(hit, q).toBeDefined();
      expect(Object.keys(hit ?? {}).sort()).toEqual([
        'country',
        'cycle',
        'questionId',
        'score',
        'snippet',
        'synthetic',
      ]);
      expect(hit?.synthetic).toBe(false);
      expect(hit?.country).toBe('MAR');
      expect(hit?.cycle).toBe('arab-2021');
      expect(hit?.snippet).toContain('<mark>régularisation</mark>');
      expect(hit?.score).toBeGreaterThan(0);
      expect(body.total).toBe(body.hits.length);
    }
  });

  it('ranks: scores never grow down the list; limit and offset page through the same total', async () => {
    const all = (await search({ q: 'migrants', lang: 'fr' })).body;
    expect(all.total).toBeGreaterThan(3);
    const scores = all.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const page = (await search({ q: 'migrants', lang: 'fr', limit: 2, offset: 1 })).body;
    expect(page.total).toBe(all.total);
    expect(page.hits).toEqual(all.hits.slice(1, 3));
    const beyond = (await search({ q: 'migrants', lang: 'fr', offset: 1000 })).body;
    expect(beyond).toEqual({ hits: [], total: all.total });
  });

  it('finds Arabic answers by a stem, without و or ال, and with other alef and taa marbuta forms', async () => {
    // « المهاجرون » is not in the text: « المهاجرين », « مهاجراً » are (I.f, II.c).
    expect(await found('المهاجرون', { lang: 'ar' })).toEqual(expect.arrayContaining(['TUN I.f', 'TUN II.c']));
    // « وتصاريح » in I.f; the conjunction و is dropped from answers and queries alike.
    expect(await found('تصاريح')).toEqual(['TUN I.f']);
    // « الحدود » in I.f, looked for without its article.
    expect(await found('حدود')).toEqual(['TUN I.f']);
    // « أنشأت » in I.a, typed with bare alefs; « وزارة » (taa marbuta) typed with ه and a و.
    expect(await found('انشات')).toEqual(['TUN I.a']);
    expect((await found('ووزاره', { lang: 'ar' })).sort()).toEqual(['TUN I.a', 'TUN I.c', 'TUN I.g']);
    const snippet = (await search({ q: 'تصاريح' })).body.hits[0]?.snippet;
    expect(snippet).toContain('<mark>وتصاريح</mark>');
  });

  it('filters by country, cycle, section and question', async () => {
    expect(new Set((await found('régularisation')).map((h) => h.split(' ')[0]))).toEqual(new Set(['MAR', 'JOR']));
    expect(await found('régularisation', { country: 'jor' })).toEqual(['JOR I.a']);
    expect(await found('régularisation', { country: 'MAR', question: 'II.d' })).toEqual(['MAR II.d']);
    expect((await found('régularisation', { section: 'I' })).every((h) => h.split(' ')[1]?.startsWith('I.'))).toBe(
      true,
    );
    expect(await found('régularisation', { section: 'V' })).not.toContain('MAR II.d');
    expect(await found('régularisation', { cycle: 'no-such-cycle' })).toEqual([]);
  });

  it('keeps one language with ?lang=, each language matched through its own configuration', async () => {
    expect(await found('régularisation', { lang: 'ar' })).toEqual([]);
    expect(await found('تصاريح', { lang: 'fr' })).toEqual([]);
    expect(await found('تصاريح', { lang: 'ar' })).toEqual(['TUN I.f']);
  });

  it('filters by a confirmed GCM objective only', async () => {
    const db = t.storage.db;
    const review = await db
      .selectFrom('review')
      .select('id')
      .where('country_code', '=', 'MAR')
      .executeTakeFirstOrThrow();
    expect(await found('régularisation', { objective: 7 })).toEqual([]);
    await db
      .insertInto('answer_objective')
      .values({
        review_id: review.id,
        question_id: 'II.d',
        objective: 7,
        score: 1,
        evidence: '[]',
        status: 'suggested',
      })
      .onConflict((oc) => oc.columns(['review_id', 'question_id', 'objective']).doUpdateSet({ status: 'suggested' }))
      .execute();
    expect(await found('régularisation', { objective: 7 })).toEqual([]);
    await db
      .updateTable('answer_objective')
      .set({ status: 'confirmed' })
      .where('review_id', '=', review.id)
      .where('question_id', '=', 'II.d')
      .where('objective', '=', 7)
      .execute();
    expect(await found('régularisation', { objective: 7 })).toEqual(['MAR II.d']);
  });

  it('hides a draft from the public and shows it to its focal point', async () => {
    expect(await found('transhumance')).toEqual([]);
    expect((await search({ q: 'transhumance' })).body.total).toBe(0);
    expect(await found('transhumance', {}, focalToken)).toEqual(['DZA I.a']);
    expect(await found('régularisation', {}, focalToken)).toContain('DZA I.a');
    expect(await found('régularisation')).not.toContain('DZA I.a');
  });

  it('returns hostile text escaped, with <mark> as the only markup', async () => {
    const hit = (await search({ q: 'régularisation', country: 'JOR' })).body.hits[0];
    expect(hit?.snippet).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(hit?.snippet).toContain('&#38;');
    expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('refuses an empty or too long query', async () => {
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const { status, body } = await search({ q });
      expect(status, JSON.stringify(q)).toBe(400);
      expect(body.code).toBe('search.invalid_query');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/search' })).json().code).toBe('request.invalid');
  });

  it('indexes an answer when it is saved, and drops it when it is emptied', async () => {
    const url = '/api/v1/reviews/DZA/arab-2021/answers/I.b';
    const save = async (text: string, baseRevision: number) =>
      app.inject({
        method: 'PUT',
        url,
        headers: { authorization: `Bearer ${focalToken}` },
        payload: { blocks: text ? [{ type: 'paragraph', text }] : [], baseRevision },
      });
    expect(await found('apiculture', {}, focalToken)).toEqual([]);
    expect((await save('Un programme d’apiculture pour les migrants.', 0)).statusCode).toBe(200);
    expect(await found('apiculture', {}, focalToken)).toEqual(['DZA I.b']);
    expect((await save('', 1)).statusCode).toBe(200);
    expect(await found('apiculture', {}, focalToken)).toEqual([]);
  });

  it('indexes at start the answers and the published versions stored without an index row', async () => {
    const db = t.storage.db;
    const before = await found('régularisation');
    await sql`delete from search_document`.execute(db);
    await sql`delete from search_publication`.execute(db);
    expect(await found('régularisation')).toEqual([]);
    expect(await indexStaleAnswers(db)).toBeGreaterThan(10);
    expect(await indexStalePublications(db)).toBeGreaterThan(0);
    expect(await found('régularisation')).toEqual(before);
    expect(await indexStaleAnswers(db)).toBe(0);
    expect(await indexStalePublications(db)).toBe(0);
  });

  it('is documented in OpenAPI under the tag search', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/v1/search'].get.tags).toEqual(['search']);
  });
});
