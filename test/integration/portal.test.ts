import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { homePage } from '../../src/http/pages/home-page.js';
import { buildServer } from '../../src/http/server.js';
import { translate } from '../../src/i18n/index.js';
import { importDemo } from '../../src/services/import-demo.js';
import { importReview } from '../../src/services/import-review.js';
import { moveReview } from '../../src/services/move-review.js';
import { MAX_QUERY_LENGTH } from '../../src/services/search-reviews.js';
import { insertExportJob } from '../../src/db/queries/export-jobs.js';
import { MAX_WAITING } from '../../src/services/request-export.js';
import { cookieHeader, createUser, signInToken } from '../support/accounts.js';
import { craftedReview, publishReview } from '../support/pacte.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The public portal and its pages (/, /reviews/…, /search, /open-data, the PDF form), on both
 * engines: only published reviews are listed, a review being corrected keeps showing its
 * published text, every version stays at its address, stored text is never markup, and errors
 * speak the reader's language.
 */
const HOSTILE_TITLE = 'Examen <script>alert(2)</script> de Tunisie';
const FIRST = "Le comité de coordination <script>alert('pacte')</script> réunit douze ministères & agences.";
const SECOND = 'Le comité de coordination réunit désormais quatorze ministères et la société civile.';
const DRAFT_ONLY = 'Une commission pastorale provisoire a été créée.';
const actor = operator('test');

let t: TestStorage;
let app: FastifyInstance;

const hostileReview = (answer: string) =>
  Buffer.from(craftedReview(answer).replace('Examen de test du Pacte mondial', HOSTILE_TITLE));

async function importTun(answer: string) {
  await importReview(t.storage.db, {
    bytes: hostileReview(answer),
    file: 'tun.txt',
    country: 'TUN',
    cycle: 'arab-2021',
    dryRun: false,
    actor,
  });
}

/** A form posted from this site's own page (an empty body: the PDF form has no field). */
function postForm(url: string, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: '',
  });
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}

/** Decodes the character references an HTML page uses for escaped text. */
function htmlText(fragment: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return fragment.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** The page's markup has no element the stored text could have brought. */
function expectInert(body: string) {
  expect(body).not.toMatch(/<script/i);
  expect(body).not.toContain('<b>');
}

beforeAll(async () => {
  t = await openTestStorage();
  const db = t.storage.db;
  await importDemo(db); // MAR: published as version 1, back in draft
  await importTun(FIRST);
  await importReview(db, {
    bytes: Buffer.from(craftedReview(DRAFT_ONLY)),
    file: 'dza.txt',
    country: 'DZA',
    cycle: 'arab-2021',
    dryRun: false,
    actor,
  });
  await publishReview(db, 'MAR', 'arab-2021');
  await publishReview(db, 'TUN', 'arab-2021');
  // Jobs stay queued: the job page is looked at while it waits.
  app = await buildServer({ storage: t.storage, logLevel: 'silent', exportWorker: false });
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe(`the public portal on ${ENGINE}`, () => {
  it('says so when nothing is published yet', () => {
    const page = homePage([], [], 'en');
    expect(page).toContain(translate('en', 'ui', 'portal.empty'));
    expect(page).toContain('action="/search"');
  });

  it('lists the published reviews only, under their region and cycle, with version and date', async () => {
    const { status, body } = await get('/?lang=fr');
    expect(status).toBe(200);
    expect(body).toContain('href="/reviews/MAR/arab-2021?lang=fr"');
    expect(body).toContain('href="/reviews/TUN/arab-2021?lang=fr"');
    expect(body).not.toContain('/reviews/DZA/');
    expect(htmlText(body)).toContain('Version 1, publiée le');
    // Region, then cycle, whose title links to the cycle's public page (public-cycle-page.ts).
    expect(body).toMatch(
      /<h3>[^<]*<\/h3>\s*<h4>\s*<a href="\/regions\/[a-z0-9-]+\/cycles\/arab-2021\?lang=fr"\s*>[^<]*<\/a\s*>\s*<\/h4>/,
    );
    expect(body).toContain('action="/search"');
    expect(body).toContain('href="/open-data?lang=fr"');
    expectInert(body);
  });

  it('also shows someone signed in the reviews they work on, and the way to the workspace', async () => {
    await createUser(t.storage.db, 'focal.dza@example.org', 'a long enough password', {
      role: 'focal_point',
      country: 'DZA',
    });
    const token = await signInToken(app, 'focal.dza@example.org', 'a long enough password');
    const { body } = await get('/?lang=en', { cookie: cookieHeader(token) });
    expect(body).toContain('id="work-title"');
    expect(body).toMatch(/<th scope="row">\s*<a href="\/reviews\/DZA\/arab-2021\?lang=en">/);
    expect(body).toContain('href="/app/?lang=en"');
    // The public list still lists the published reviews only.
    const published = body.slice(body.indexOf('id="published-title"'));
    expect(published).not.toContain('/reviews/DZA/');
    expect(published).toContain('/reviews/MAR/arab-2021?lang=en');
  });

  it('speaks Arabic right to left', async () => {
    const { body } = await get('/?lang=ar');
    expect(body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(htmlText(body)).toContain(translate('ar', 'ui', 'portal.published_title'));
  });

  it('escapes stored text in search snippets', async () => {
    const found = await get('/search?lang=fr&country=TUN&q=coordination');
    expectInert(found.body);
    expect(found.body).toContain('data-country="TUN"');
    expect(found.body).toContain('<mark>coordination</mark> &#60;script&#62;alert(');
  });

  it('keeps showing version 1 while the review is corrected, then version 2, version 1 at its address', async () => {
    const db = t.storage.db;
    await moveReview(db, actor, { country: 'TUN', cycle: 'arab-2021' }, { to: 'draft', reason: 'a correction' });
    await importTun(SECOND);

    const during = await get('/reviews/TUN/arab-2021?lang=fr');
    expect(during.status).toBe(200);
    const duringText = htmlText(during.body);
    expect(duringText).toContain(FIRST);
    expect(duringText).not.toContain(SECOND);
    expect(duringText).toContain('Version 1, publiée le');
    expect((await get('/?lang=fr')).body).toContain('href="/reviews/TUN/arab-2021?lang=fr"');

    await publishReview(db, 'TUN', 'arab-2021');
    const latest = htmlText((await get('/reviews/TUN/arab-2021?lang=fr')).body);
    expect(latest).toContain(SECOND);
    expect(latest).not.toContain(FIRST);
    expect(latest).toContain('Version 2, publiée le');
    expect(latest).toContain('/reviews/TUN/arab-2021/versions/1?lang=fr');
    expect(latest).toContain('/api/v1/reviews/TUN/arab-2021/export?format=docx&lang=fr&version=2');

    const old = await get('/reviews/TUN/arab-2021/versions/1?lang=en');
    expect(old.status).toBe(200);
    const oldText = htmlText(old.body);
    expect(oldText).toContain(FIRST);
    expect(oldText).not.toContain(SECOND);
    expect(oldText).toMatch(/Version 1, published/);
    expect(oldText).toContain('A newer version exists: Version 2, published');
    expect(old.body).toMatch(/href="\/reviews\/TUN\/arab-2021\/versions\/1\?lang=en"\s+aria-current="page"/);
    expect(oldText).toContain('/api/v1/reviews/TUN/arab-2021/export?format=csv&lang=en&version=1');
    // The PDF of an older version is of that version.
    expect(old.body).toContain('action="/reviews/TUN/arab-2021/versions/1/pdf?lang=en"');
    const asked = await postForm('/reviews/TUN/arab-2021/versions/1/pdf?lang=en');
    expect(asked.statusCode).toBe(303);
    const jobId = /\/exports\/([0-9a-f-]{36})/.exec(asked.headers.location ?? '')?.[1] ?? '';
    const job = await t.storage.db
      .selectFrom('export_job')
      .select('version')
      .where('id', '=', jobId)
      .executeTakeFirst();
    expect(job?.version).toBe(1);
    expect((await get('/?lang=fr')).body).toMatch(/Version 2, publi/);
  });

  it('escapes stored text on the review page', async () => {
    const { body } = await get('/reviews/TUN/arab-2021/versions/1?lang=fr');
    expectInert(body);
    expect(htmlText(body)).toContain(HOSTILE_TITLE);
    expect(htmlText(body)).toContain("<script>alert('pacte')</script>");
  });

  it('offers the downloads in the page’s language, and the PDF as a form', async () => {
    const { body } = await get('/reviews/MAR/arab-2021?lang=ar');
    const text = htmlText(body);
    for (const format of ['docx', 'html', 'csv', 'json']) {
      expect(text).toContain(`/api/v1/reviews/MAR/arab-2021/export?format=${format}&lang=ar&version=2`);
    }
    expect(body).toContain('action="/reviews/MAR/arab-2021/versions/2/pdf?lang=ar"');
  });
});

describe(`the search page on ${ENGINE}`, () => {
  it('finds, names the question, marks the words, links to the answer in the page’s language', async () => {
    const { status, body } = await get('/search?q=r%C3%A9gularisation&lang=fr&country=MAR');
    expect(status).toBe(200);
    expect(body).toContain('data-question="II.d"');
    expect(body).toContain('<mark>régularisation</mark>');
    expect(body).toContain('href="/reviews/MAR/arab-2021?lang=fr#q-II.d"');
    expect(htmlText(body)).toMatch(/Réponses 1 à \d+ sur \d+/);
    expect(body).toMatch(/<option\s+value="MAR"\s+selected/);
    expect(body).toContain('value="régularisation"');
  });

  it('escapes what was asked, in the form', async () => {
    const { body } = await get(`/search?lang=fr&q=${encodeURIComponent('quatorze <b>x</b>')}`);
    expectInert(body);
    expect(body).toContain('value="quatorze &#60;b&#62;x&#60;/b&#62;"');
  });

  it('shows only what the reader may see: never a draft', async () => {
    const { body } = await get('/search?q=pastorale&lang=fr');
    expect(body).not.toContain('data-country="DZA"');
    expect(htmlText(body)).toContain(translate('fr', 'ui', 'search.none'));
  });

  it('pages through the results with the same question', async () => {
    const first = await get('/search?q=migrants&lang=fr&limit=2');
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1];
    expect(next).toBeDefined();
    const second = await get(htmlText(next ?? ''));
    expect(second.status).toBe(200);
    expect(htmlText(second.body)).toMatch(/Réponses 3 à 4 sur \d+/);
    expect(second.body).toContain('rel="prev"');
  });

  it('answers an empty or too long query with 400 and the message in the reader’s language, form kept', async () => {
    const empty = await get('/search?q=&lang=ar');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(htmlText(empty.body)).toContain(
      translate('ar', 'errors', 'search.invalid_query', { max: MAX_QUERY_LENGTH }),
    );
    expect(empty.body).toContain('aria-invalid="true"');

    const long = 'migration '.repeat(25);
    const tooLong = await get(`/search?lang=fr&country=MAR&q=${encodeURIComponent(long)}`);
    expect(tooLong.status).toBe(400);
    expect(htmlText(tooLong.body)).toContain(
      translate('fr', 'errors', 'search.invalid_query', { max: MAX_QUERY_LENGTH }),
    );
    expect(tooLong.body).toContain(`value="${long}"`);
    expect(tooLong.body).toMatch(/<option\s+value="MAR"\s+selected/);
    // A filter the options do not list (a review that is not published) stays in the form.
    const unlisted = await get('/search?lang=fr&country=DZA&q=pastorale');
    expect(unlisted.body).toMatch(/<option\s+value="DZA"\s+selected/);
  });

  it('shows the form alone when nothing was asked yet', async () => {
    const { status, body } = await get('/search?lang=en');
    expect(status).toBe(200);
    expect(body).toContain('id="search-q"');
    expect(body).not.toContain('results-title');
  });
});

describe(`open data and the PDF form on ${ENGINE}`, () => {
  it('lists each cycle with its reviews, last update, zip and licence', async () => {
    const { status, body } = await get('/open-data?lang=en');
    expect(status).toBe(200);
    expect(body).toContain('href="/api/v1/open-data/arab-2021"');
    expect(body).toMatch(/<td class="numeric">2<\/td>/);
    expect(body).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(body).toContain('href="/api/docs"');
  });

  it('queues the PDF and sends to the job’s page, which reloads itself only when asked', async () => {
    const posted = await postForm('/reviews/MAR/arab-2021/pdf?lang=fr');
    expect(posted.statusCode).toBe(303);
    const location = String(posted.headers.location);
    expect(location).toMatch(/^\/exports\/[0-9a-f-]{36}\?lang=fr$/);
    const page = await get(location);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<progress');
    expect(page.body).toContain('href="/reviews/MAR/arab-2021?lang=fr"');
    // Reloading by itself is a time limit for screen-reader users (WCAG 2.2.1): only when asked.
    expect(page.body).not.toContain('http-equiv="refresh"');
    expect(page.body).toContain(`href="${location}"`);
    const follow = /href="([^"]+follow=1)"/.exec(page.body)?.[1];
    expect(follow).toBeDefined();
    const following = await get(htmlText(follow ?? ''));
    expect(following.body).toContain('<meta http-equiv="refresh" content="2" />');
    expect(following.headers['cache-control']).toBe('no-store');
    expect((await get('/exports/00000000-0000-0000-0000-000000000000?lang=fr')).status).toBe(404);
  });

  it('refuses the PDF form posted from another site', async () => {
    const posted = await postForm('/reviews/MAR/arab-2021/pdf?lang=fr', { origin: 'https://evil.example' });
    expect(posted.statusCode).toBe(403);
  });

  it('says in the reader’s language when too many PDFs are waiting', async () => {
    const post = () => postForm('/reviews/MAR/arab-2021/pdf?lang=fr');
    // Readers asking for the same PDF share one job: asking again never piles up work.
    const first = await post();
    expect(first.statusCode).toBe(303);
    expect((await post()).headers.location).toBe(first.headers.location);
    // The whole queue full (no worker runs in this test), a new PDF is refused, in French.
    const db = t.storage.db;
    await db.deleteFrom('export_job').execute();
    for (let i = 0; i < MAX_WAITING; i++) {
      await insertExportJob(db, {
        ...{ userId: null, requester: 'operator', requesterName: 'cli:test', country: 'TUN', cycle: 'arab-2021' },
        ...{ format: 'json', lang: null, layout: null, version: null },
      });
    }
    try {
      const refused = await post();
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^text\/html/);
      expect(htmlText(refused.body)).toContain('Trop d');
      expect(refused.body).toMatch(/<html lang="fr" dir="ltr">/);
    } finally {
      await db.deleteFrom('export_job').execute();
    }
  });

  it('answers 404 for the PDF of a review the reader may not see', async () => {
    const posted = await postForm('/reviews/DZA/arab-2021/pdf?lang=fr');
    expect(posted.statusCode).toBe(404);
  });
});
