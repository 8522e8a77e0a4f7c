import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { buildServer } from '../../src/http/server.js';
import { translate } from '../../src/i18n/index.js';
import { importDemo } from '../../src/services/import-demo.js';
import { importReview } from '../../src/services/import-review.js';
import { craftedReview, publishReview, seedBytes } from '../support/pacte.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

const HOSTILE = 'Le comité a noté <script>alert(1)</script> et <b>gras</b> & « guillemets » dans la réponse.';

let t: TestStorage;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestStorage();
  await importDemo(t.storage.db);
  await importReview(t.storage.db, {
    bytes: Buffer.from(craftedReview(HOSTILE)),
    file: 'hostile.txt',
    country: 'TUN',
    cycle: 'arab-2021',
    dryRun: false,
    actor: operator('test'),
  });
  // The public reads published reviews only: these pages and routes are the public's.
  await publishReview(t.storage.db, 'MAR', 'arab-2021');
  await publishReview(t.storage.db, 'TUN', 'arab-2021');
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, headers: response.headers, body: response.body, json: () => response.json() };
}

const questionsOf = (review: ReviewDocument) => review.sections.flatMap((s) => s.questions);

/** Decodes the character references an HTML page uses for escaped text. */
function htmlText(fragment: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return fragment.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

function htmlTag(page: string): string {
  return /<html\b[^>]*>/.exec(page)?.[0] ?? '';
}

describe('reviews API', () => {
  it('lists the imported reviews', async () => {
    const response = await get('/api/v1/reviews');
    expect(response.status).toBe(200);
    const reviews = response.json().reviews as { country: string; cycle: string; answered: number; url: string }[];
    expect(reviews.map((r) => `${r.country}/${r.cycle}`)).toEqual(['MAR/arab-2021', 'TUN/arab-2021']);
    expect(reviews[0]).toMatchObject({ language: 'fr', answered: 24, url: '/api/v1/reviews/MAR/arab-2021' });
  });

  it('serves the seed as the dry-run import JSON with revision 1 in each answer', async () => {
    const dryRun = await importReview(t.storage.db, {
      bytes: seedBytes(),
      file: 'seed.txt',
      dryRun: true,
      actor: operator('test'),
    });
    // The stored review is the file's review JSON, with revisions, and the suggestions' status;
    // the import report belongs to the import only.
    const { report, ...imported } = dryRun.review;
    expect(report.recognised.questions).toBe(24);
    const expected = {
      ...imported,
      objectives: Object.fromEntries(
        Object.entries(imported.objectives).map(([id, list]) => [id, list.map((o) => ({ ...o, status: 'suggested' }))]),
      ),
      sections: imported.sections.map((section) => ({
        ...section,
        questions: section.questions.map((q) => ({ ...q, answer: { ...q.answer, revision: 1 } })),
      })),
    };
    const response = await get('/api/v1/reviews/MAR/arab-2021');
    expect(response.status).toBe(200);
    const review = response.json() as ReviewDocument;
    expect(review).toEqual(expected);
    expect(review.sections).toHaveLength(5);
    expect(questionsOf(review)).toHaveLength(24);
    expect(questionsOf(review).every((q) => q.answer.blocks.length > 0)).toBe(true);
  });

  it('returns stored text verbatim in JSON', async () => {
    const review = (await get('/api/v1/reviews/TUN/arab-2021')).json() as ReviewDocument;
    expect(questionsOf(review)[0]?.answer).toEqual({ blocks: [{ type: 'paragraph', text: HOSTILE }], revision: 1 });
    expect(
      questionsOf(review)
        .slice(1)
        .every((q) => q.answer.blocks.length === 0 && q.answer.revision === 0),
    ).toBe(true);
  });
});

describe('catalogue API', () => {
  it('serves questionnaire arab-2021 with 24 questions, official in French, unofficial in English and Arabic', async () => {
    const response = await get('/api/v1/questionnaires/arab-2021');
    expect(response.status).toBe(200);
    const questionnaire = response.json() as {
      sourceLanguage: string;
      sections: { titleStatus: object; questions: { text: object; textStatus: object }[] }[];
    };
    const status = { fr: 'official', en: 'unofficial', ar: 'unofficial' };
    const questions = questionnaire.sections.flatMap((s) => s.questions);
    expect(questionnaire.sourceLanguage).toBe('fr');
    expect(questionnaire.sections).toHaveLength(5);
    expect(questions).toHaveLength(24);
    for (const section of questionnaire.sections) expect(section.titleStatus).toEqual(status);
    for (const question of questions) {
      expect(question.textStatus).toEqual(status);
      expect(Object.keys(question.text).sort()).toEqual(['ar', 'en', 'fr']);
    }
  });

  it('answers questionnaire.not_found for an unknown questionnaire', async () => {
    const response = await get('/api/v1/questionnaires/arab-1999');
    expect(response.status).toBe(404);
    expect(response.json().code).toBe('questionnaire.not_found');
  });

  it('lists the 23 GCM objectives titled in fr, en and ar, the Arabic titles not verified', async () => {
    const objectives = (await get('/api/v1/objectives')).json().objectives as {
      number: number;
      title: Record<string, string>;
      verified: Record<string, unknown>;
    }[];
    expect(objectives.map((o) => o.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    for (const objective of objectives) {
      for (const language of ['fr', 'en', 'ar']) expect(objective.title[language]).toMatch(/\p{L}/u);
      expect(objective.verified.ar).toBe(false);
    }
  });

  it('lists the 10 guiding principles', async () => {
    const principles = (await get('/api/v1/principles')).json().principles as { letter: string }[];
    expect(principles.map((p) => p.letter)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
  });

  it('lists countries with their regions: MAR in the Arab region, which has 22 members', async () => {
    const countries = (await get('/api/v1/countries')).json().countries as { code: string; regions: string[] }[];
    expect(countries.find((c) => c.code === 'MAR')?.regions).toEqual(['arab']);
    expect(countries.filter((c) => c.regions.includes('arab'))).toHaveLength(22);
  });
});

describe('API documentation and health', () => {
  it('publishes an OpenAPI 3.1 document of the API routes whose references all resolve', async () => {
    const response = await get('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { responses: object }>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    // The contract's paths are there (issue 4), and every operation is described and says what it answers.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/countries',
        '/api/v1/imports',
        '/api/v1/objectives',
        '/api/v1/principles',
        '/api/v1/questionnaires/{id}',
        '/api/v1/reviews',
        '/api/v1/reviews/{country}/{cycle}',
        '/api/v1/session',
        '/api/v1/tasks',
        '/api/v1/reviews/{country}/{cycle}/workspace',
        '/api/v1/reviews/{country}/{cycle}/status',
        '/api/v1/reviews/{country}/{cycle}/assignments',
        '/api/v1/reviews/{country}/{cycle}/answers/{questionId}',
        '/api/v1/reviews/{country}/{cycle}/answers/{questionId}/status',
        '/api/v1/reviews/{country}/{cycle}/answers/{questionId}/diff',
        '/api/v1/reviews/{country}/{cycle}/answers/{questionId}/comments',
        '/api/v1/reviews/{country}/{cycle}/audit',
      ]),
    );
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations) as [
        string,
        { summary?: string; tags?: string[]; responses: object },
      ][]) {
        expect(operation.summary, `${method} ${path}`).toBeTruthy();
        expect(operation.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
        expect(
          Object.keys(operation.responses).some((code) => /^2\d\d$/.test(code)),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeTypeOf('object');
    }
  });

  it('serves the API documentation as an HTML page', async () => {
    let response = await get('/api/docs');
    if (response.status >= 300 && response.status < 400) {
      response = await get(new URL(String(response.headers.location), 'http://pacte/api/docs').pathname);
    }
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html/i);
  });

  it('says it is healthy and on which engine', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', engine: ENGINE });
  });
});

describe('API errors', () => {
  const notFound = (language: 'fr' | 'en' | 'ar') =>
    translate(language, 'errors', 'review.not_found', { country: 'DZA', cycle: 'arab-2021' });

  it('answers review.not_found in English by default, French with ?lang=fr, Arabic with Accept-Language: ar', async () => {
    const english = await get('/api/v1/reviews/DZA/arab-2021');
    expect(english.status).toBe(404);
    expect(english.json()).toEqual({
      code: 'review.not_found',
      message: notFound('en'),
      details: { country: 'DZA', cycle: 'arab-2021' },
    });
    expect(english.json().message).toContain('DZA');
    expect((await get('/api/v1/reviews/DZA/arab-2021?lang=fr')).json().message).toBe(notFound('fr'));
    expect((await get('/api/v1/reviews/DZA/arab-2021', { 'accept-language': 'ar' })).json().message).toBe(
      notFound('ar'),
    );
    expect(new Set([notFound('en'), notFound('fr'), notFound('ar')]).size).toBe(3);
  });

  it('answers request.invalid (400) for a malformed country code', async () => {
    const response = await get('/api/v1/reviews/M1/arab-2021');
    expect(response.status).toBe(400);
    expect(response.json().code).toBe('request.invalid');
  });

  it('answers route.not_found (404) for an unknown route', async () => {
    const response = await get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.json().code).toBe('route.not_found');
  });

  it('gives every error body exactly code, message and details', async () => {
    for (const url of [
      '/api/v1/reviews/DZA/arab-2021',
      '/api/v1/reviews/M1/arab-2021',
      '/api/v1/questionnaires/arab-1999',
      '/api/v1/nothing-here',
    ]) {
      const response = await get(url);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      const body = response.json() as Record<string, unknown>;
      expect(Object.keys(body).sort(), url).toEqual(['code', 'details', 'message']);
      expect(body.message, url).toMatch(/\p{L}/u);
      expect(body.details, url).toBeTypeOf('object');
    }
  });
});

describe('review pages', () => {
  it('shows a review in its own language by default, right to left in Arabic', async () => {
    const page = await get('/reviews/MAR/arab-2021');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(htmlTag(page.body)).toMatch(/\blang="fr"/);
    expect(htmlTag(page.body)).toMatch(/\bdir="ltr"/);
    const arabic = htmlTag((await get('/reviews/MAR/arab-2021?lang=ar')).body);
    expect(arabic).toMatch(/\blang="ar"/);
    expect(arabic).toMatch(/\bdir="rtl"/);
  });

  it('escapes stored text: markup in an answer is shown as text, never run', async () => {
    const page = await get('/reviews/TUN/arab-2021');
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).not.toContain('<b>');
    // Figures in answers are highlighted (<mark class="fact">): the only markup allowed inside.
    const paragraphs = [...page.body.matchAll(/<p dir="auto">(.*?)<\/p>/gs)].map((m) =>
      htmlText((m[1] ?? '').replace(/<mark class="fact">([^<]*)<\/mark>/g, '$1')),
    );
    expect(paragraphs).toContain(HOSTILE);
  });

  it('sends a Content-Security-Policy that allows no script', async () => {
    for (const url of ['/', '/reviews/MAR/arab-2021', '/reviews/DZA/arab-2021']) {
      const csp = String((await get(url)).headers['content-security-policy'] ?? '');
      expect(csp, url).toContain("default-src 'none'");
      expect(csp, url).not.toMatch(/script-src/);
    }
  });
});
