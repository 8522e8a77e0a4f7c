import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { moveReview } from '../../src/services/move-review.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The repository of practices (issue 14, item 7; docs/practices.md) on a generated region: a
 * focal point proposes, the secretariat takes into review, returns with a comment, publishes;
 * only the workflow's moves, by their side only; who sees what (the public published practices
 * only, a country its own, a secretariat its region's, anyone else 404); the public search in
 * French and Arabic finds published practices and never an unpublished one; the portal's list,
 * page and CSV/JSON with filters; limits and errors in French and Arabic; a cited passage.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const as: Record<string, Record<string, string>> = { public: {} };
const REGION = 'prac';
const CYCLE = `${REGION}-1`;
let fr: string; // a country answering in French, submitted
let ar: string; // a country answering in Arabic, submitted

interface Practice {
  id: number;
  state: string;
  version: number;
  title: string;
  returnComment: string | null;
  moves: string[];
  editable: boolean;
  synthetic: boolean;
  translations: { language: string; title: string }[];
  source: { text: string; number: number; published: { version: number } | null } | null;
  history?: { from: string | null; to: string; by: string; comment: string | null }[];
}

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: as[who] ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

const base = (country: string, overrides: Record<string, unknown> = {}) => ({
  cycle: CYCLE,
  country,
  language: 'fr',
  title: 'Guichet unique pour les travailleurs migrants',
  summary: 'Un guichet unique oriente les travailleurs migrants vers les services sociaux.',
  scope: 'national',
  objectives: [6, 15],
  principles: ['whole-of-government'],
  stakeholders: ['government', 'civil_society'],
  implementing: ['Ministère fictif du Travail'],
  links: ['https://example.org/guichet'],
  period: { start: '2019', end: null },
  ...overrides,
});

/** The fields of `base` a PUT sends (the cycle, country and language are the practice's for good). */
const fields = (country: string, overrides: Record<string, unknown> = {}) => {
  const body: Record<string, unknown> = base(country, overrides);
  for (const key of ['cycle', 'country', 'language']) delete body[key];
  return body;
};

/** The practices this file proposed (the generated region has its own: demo-practices.ts). */
const created = new Set<number>();
async function propose(who: string, body: Record<string, unknown>): Promise<Practice> {
  const response = await call(who, 'POST', '/api/v1/practices?lang=fr', body);
  expect(response.statusCode, response.body).toBe(201);
  const practice = response.json<Practice>();
  created.add(practice.id);
  return practice;
}
async function move(who: string, id: number, to: string, comment?: string) {
  return call(who, 'POST', `/api/v1/practices/${id}/state?lang=fr`, { to, ...(comment ? { comment } : {}) });
}
async function publish(id: number) {
  expect((await move('secretariat', id, 'in_review')).statusCode).toBe(200);
  expect((await move('secretariat', id, 'published')).statusCode).toBe(200);
}
const listAll = async (who: string, query = '') =>
  (await call(who, 'GET', `/api/v1/practices${query}`)).json<{ practices: Practice[] }>().practices;
const listIds = async (who: string, query = '') =>
  (await listAll(who, query)).map((p) => p.id).filter((id) => created.has(id));

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(t.storage.db, { id: REGION, countries: 4, submitted: 3, cycles: 1 });
  fr = demo.countries.find((c) => c.language === 'fr' && c.review === 'submitted')!.code;
  ar = demo.countries.find((c) => c.language === 'ar' && c.review === 'submitted')!.code;
  const grants = {
    focal: ['focal@prac.example.org', { role: 'focal_point', country: fr }],
    focalAr: ['focal-ar@prac.example.org', { role: 'focal_point', country: ar }],
    validator: ['validator@prac.example.org', { role: 'validator', country: fr }],
    secretariat: ['secretariat@prac.example.org', { role: 'secretariat', region: REGION }],
    translator: ['translator@prac.example.org', { role: 'translator', region: REGION }],
    otherSecretariat: ['secretariat@arab.example.org', { role: 'secretariat', region: 'arab' }],
  } as const;
  for (const [name, [email, grant]] of Object.entries(grants)) {
    as[name] = { authorization: `Bearer ${await addPerson(t.storage.db, app, email, grant)}` };
  }
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('the workflow', () => {
  it('moves only along proposed → in_review → published, or returned with a comment → proposed', async () => {
    const p = await propose('focal', base(fr));
    expect(p).toMatchObject({ state: 'proposed', version: 1, editable: true, moves: [], synthetic: true });
    // Not the country's move, and not a move of the workflow.
    expect((await move('focal', p.id, 'in_review')).statusCode).toBe(403);
    const skip = await move('secretariat', p.id, 'published');
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'practice.not_in_state' });
    expect((await move('secretariat', p.id, 'in_review')).json<Practice>().state).toBe('in_review');
    // The country no longer edits it while the secretariat has it.
    const locked = await call('focal', 'PUT', `/api/v1/practices/${p.id}?lang=fr`, { ...fields(fr), version: 2 });
    expect(locked.json()).toMatchObject({ code: 'practice.not_editable' });
    // A return says why.
    const silent = await move('secretariat', p.id, 'returned');
    expect(silent.statusCode).toBe(422);
    expect(silent.json()).toMatchObject({ code: 'practice.comment_required' });
    const returned = await move('secretariat', p.id, 'returned', 'Précisez les résultats obtenus.');
    expect(returned.json<Practice>()).toMatchObject({
      state: 'returned',
      returnComment: 'Précisez les résultats obtenus.',
    });
    // The country reads the comment, edits from the version it read, and proposes it again.
    const seen = (await call('focal', 'GET', `/api/v1/practices/${p.id}`)).json<Practice>();
    expect(seen).toMatchObject({
      returnComment: 'Précisez les résultats obtenus.',
      editable: true,
      moves: ['proposed'],
    });
    const stale = await call('focal', 'PUT', `/api/v1/practices/${p.id}?lang=fr`, { ...fields(fr), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'practice.edit_conflict' });
    const edited = await call('focal', 'PUT', `/api/v1/practices/${p.id}`, {
      ...fields(fr, { results: '1 200 personnes orientées en 2023.' }),
      version: seen.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await move('secretariat', p.id, 'proposed')).statusCode).toBe(403); // the country's move
    expect((await move('focal', p.id, 'proposed')).json<Practice>().state).toBe('proposed');
    await publish(p.id);
    // Published is the end: no move, no edit.
    for (const to of ['proposed', 'in_review', 'returned']) {
      expect((await move('secretariat', p.id, to, 'x')).json(), to).toMatchObject({ code: 'practice.not_in_state' });
    }
    const history = (await call('secretariat', 'GET', `/api/v1/practices/${p.id}`)).json<Practice>().history!;
    expect(history.map((h) => h.to)).toEqual([
      'proposed',
      'in_review',
      'returned',
      'proposed',
      'in_review',
      'published',
    ]);
    expect(history[2]).toMatchObject({
      by: 'secretariat@prac.example.org',
      comment: 'Précisez les résultats obtenus.',
    });
    // Every move is in the audit log, and the country was told of the return.
    const audited = await t.storage.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', '=', 'practice.move')
      .execute();
    expect(audited.filter((a) => (a.details as { practice?: number }).practice === p.id)).toHaveLength(5);
    const told = await t.storage.db
      .selectFrom('notification')
      .select('kind')
      .where('kind', 'like', 'practice_%')
      .execute();
    expect(told.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['practice_proposed', 'practice_returned', 'practice_published']),
    );
  });

  it('lets only the country’s focal point propose, and only into a cycle of its region', async () => {
    for (const who of ['public', 'validator', 'secretariat', 'translator', 'focalAr']) {
      const response = await call(who, 'POST', '/api/v1/practices', base(fr));
      expect(response.statusCode, who).toBe(who === 'public' ? 401 : 403);
    }
    const elsewhere = await call('focal', 'POST', '/api/v1/practices', { ...base(fr), cycle: 'arab-2021' });
    expect(elsewhere.statusCode).toBe(404);
    expect(await t.storage.db.selectFrom('practice').select('id').where('title', '=', 'never').execute()).toEqual([]);
  });
});

describe('who sees what', () => {
  it('the public sees published practices only; a country its own; a secretariat its region’s; others 404', async () => {
    const draft = await propose('focal', base(fr, { title: 'Pratique encore proposée' }));
    const published = await propose('focal', base(fr, { title: 'Pratique publiée pour tous' }));
    await publish(published.id);
    const expectations: Record<string, boolean> = {
      public: false,
      focal: true,
      validator: true,
      secretariat: true,
      focalAr: false,
      translator: false,
      otherSecretariat: false,
    };
    for (const [who, seesDraft] of Object.entries(expectations)) {
      const one = await call(who, 'GET', `/api/v1/practices/${draft.id}`);
      expect(one.statusCode, who).toBe(seesDraft ? 200 : 404);
      if (!seesDraft) expect(one.json(), who).toMatchObject({ code: 'practice.not_found' });
      expect((await call(who, 'GET', `/api/v1/practices/${published.id}`)).statusCode, who).toBe(200);
      const ids = await listIds(who);
      expect(ids.includes(draft.id), who).toBe(seesDraft);
      expect(ids, who).toContain(published.id);
    }
    // The public never reads the secretariat's comments or the history.
    const pub = (await call('public', 'GET', `/api/v1/practices/${published.id}`)).json<Practice>();
    expect(pub.history).toBeUndefined();
    expect(pub.returnComment).toBeNull();
    // A state filter still shows only what the reader may see.
    expect(await listIds('public', '?state=proposed')).toEqual([]);
    expect(await listIds('secretariat', '?state=proposed')).toContain(draft.id);
    expect((await call('public', 'GET', '/practices/' + draft.id)).statusCode).toBe(404);
  });
});

describe('search, filters and exports', () => {
  let frPublished: number;
  let arPublished: number;
  beforeAll(async () => {
    frPublished = (
      await propose('focal', base(fr, { title: 'Cartographie des saisonniers agricoles', objectives: [18] }))
    ).id;
    await publish(frPublished);
    // Unpublished practices with the same words: never found.
    await propose('focal', base(fr, { title: 'Cartographie des saisonniers agricoles (brouillon)' }));
    arPublished = (
      await propose(
        'focalAr',
        base(ar, {
          language: 'ar',
          title: 'منصة رقمية لتسجيل العمال المهاجرين',
          summary: 'منصة لتسجيل العمال.',
          objectives: [4],
          implementing: [],
          principles: [],
        }),
      )
    ).id;
    await publish(arPublished);
    await propose(
      'focalAr',
      base(ar, {
        language: 'ar',
        title: 'منصة رقمية لتسجيل العمال المهاجرين غير منشورة',
        summary: 'مسودة.',
        implementing: [],
      }),
    );
  });

  it('finds a published practice by its words in French and in Arabic, never an unpublished one', async () => {
    for (const who of ['public', 'focal', 'secretariat']) {
      expect(await listIds(who, `?q=${encodeURIComponent('saisonnier agricole')}`), who).toEqual([frPublished]);
      const arabic = await listIds(who, `?q=${encodeURIComponent('المنصة الرقمية')}&searchLanguage=ar`);
      expect(arabic, who).toEqual([arPublished]);
    }
    // A translation makes the French practice found by Arabic words too.
    const translated = await call('translator', 'PUT', `/api/v1/practices/${frPublished}/translations/ar`, {
      title: 'خريطة العمال الموسميين الزراعيين',
      summary: 'خريطة.',
    });
    expect(translated.statusCode, translated.body).toBe(200);
    expect(await listIds('public', `?q=${encodeURIComponent('الموسميين')}&searchLanguage=ar`)).toEqual([frPublished]);
    const same = await call('translator', 'PUT', `/api/v1/practices/${frPublished}/translations/fr`, { title: 'x' });
    expect(same.json()).toMatchObject({ code: 'practice.same_language' });
    // The portal's page searches the same way.
    const page = await call('public', 'GET', `/practices?lang=ar&q=${encodeURIComponent('المنصة الرقمية')}`);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain(`/practices/${arPublished}?`);
    expect(page.body).not.toContain('غير منشورة');
  });

  it('filters by objective, principle and country, on the page, in CSV and in JSON', async () => {
    expect(await listIds('public', '?objective=18')).toEqual([frPublished]);
    expect(await listIds('public', '?objective=4')).toEqual([arPublished]);
    expect(await listIds('public', `?country=${ar}`)).toEqual([arPublished]);
    expect(await listIds('public', '?principle=whole-of-government')).not.toContain(arPublished);
    const json = (await call('public', 'GET', '/practices.json?objective=18')).json<{
      practices: { id: number; synthetic: boolean }[];
    }>();
    expect(json.practices.map((p) => p.id).filter((id) => created.has(id))).toEqual([frPublished]);
    expect(json.practices[0]!.synthetic).toBe(true);
    const csv = await call('public', 'GET', `/practices.csv?country=${ar}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/u, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,title,summary,/u);
    const ours = lines.slice(1).filter((line) => created.has(Number(line.split(',')[0])));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('منصة رقمية لتسجيل العمال المهاجرين');
    // Every row is of a practice of that country, published.
    expect(lines.slice(1).every((line) => line.includes(ar))).toBe(true);
    const page = await call('public', 'GET', '/practices?lang=fr&objective=18');
    expect(page.body).toContain('Cartographie des saisonniers agricoles');
    expect(page.body).not.toContain('منصة رقمية');
    expect(page.body).toContain('/practices.csv?objective=18');
  });
});

describe('the generated region', () => {
  it('has three published practices and one proposed, all synthetic and labelled so on the portal', async () => {
    const demoPractices = (await listAll('secretariat', `?region=${REGION}`)).filter((p) => !created.has(p.id));
    expect(demoPractices.map((p) => p.state).sort()).toEqual(['proposed', 'published', 'published', 'published']);
    expect(demoPractices.every((p) => p.synthetic && p.title.includes('['))).toBe(true);
    const translated = demoPractices.find((p) => p.translations.length === 2)!;
    const page = await call('public', 'GET', `/practices/${translated.id}?lang=en&text=ar`);
    expect(page.body).toContain('Synthetic data');
    expect(page.body).toContain('شباك موحّد افتراضي');
  });
});

describe('limits and errors', () => {
  it('says which field is at fault, in French and in Arabic, and writes nothing', async () => {
    const before = (await t.storage.db.selectFrom('practice').select('id').execute()).length;
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { title: 'x'.repeat(201) },
        'practice.too_long',
        'Le titre est trop long : au plus 200 caractères.',
        'العنوان طويل جدًا',
      ],
      [{ title: '  ' }, 'practice.field_required', 'Le titre est obligatoire.', 'العنوان إلزامي'],
      [{ links: ['javascript:alert(1)'] }, 'practice.invalid_link', 'javascript:alert(1)', 'ليس عنوانًا على الويب'],
      [{ objectives: [24] }, 'practice.invalid_objective', 'de 1 à 23', 'من 1 إلى 23'],
      [{ principles: ['kindness'] }, 'practice.invalid_principle', 'kindness', 'المبادئ التوجيهية'],
      [{ scope: 'planetary' }, 'request.invalid', '', ''],
      [
        { period: { start: '2020', end: '2019' } },
        'practice.invalid_period',
        'la fin après le début',
        'النهاية بعد البداية',
      ],
      [{ countries: ['MAR'] }, 'practice.unknown_country', 'MAR', 'MAR'],
    ];
    for (const [overrides, code, frText, arText] of cases) {
      for (const [lang, expected] of [
        ['fr', frText],
        ['ar', arText],
      ] as const) {
        const response = await call('focal', 'POST', `/api/v1/practices?lang=${lang}`, base(fr, overrides));
        expect(response.statusCode, code).toBe(code === 'request.invalid' ? 400 : 422);
        const problem = response.json<{ code: string; message: string }>();
        expect(problem.code).toBe(code);
        expect(problem.message).toContain(expected);
      }
    }
    expect((await t.storage.db.selectFrom('practice').select('id').execute()).length).toBe(before);
  });
});

describe('from a passage', () => {
  it('cites a passage of the country’s submission, and links to the review once it is published', async () => {
    const review = await t.storage.db
      .selectFrom('review_submission as s')
      .innerJoin('review as r', 'r.id', 's.review_id')
      .select(['s.number', 's.document'])
      .where('r.country_code', '=', fr)
      .where('r.cycle_id', '=', CYCLE)
      .orderBy('s.number', 'desc')
      .executeTakeFirstOrThrow();
    const document = (typeof review.document === 'string' ? JSON.parse(review.document) : review.document) as {
      sections: { questions: { id: string; answer: { blocks: { type: string; text: string }[] } }[] }[];
    };
    const question = document.sections
      .flatMap((s) => s.questions)
      .find((q) => q.answer.blocks[0]?.type === 'paragraph')!;
    const words = question.answer.blocks[0]!.text.slice(0, 20);
    const source = { number: review.number, questionId: question.id, position: { block: [0], start: 0, end: 20 } };
    const bad = await call('focal', 'POST', '/api/v1/practices?lang=fr', {
      ...base(fr),
      source: { ...source, position: { block: [99], start: 0, end: 5 } },
    });
    expect(bad.json()).toMatchObject({ code: 'practice.invalid_passage' });
    const p = await propose('focal', { ...base(fr, { title: 'Pratique tirée d’un passage' }), source });
    expect(p.source).toMatchObject({ text: words, number: review.number, published: null });
    await publish(p.id);
    const before = await call('public', 'GET', `/practices/${p.id}?lang=fr`);
    expect(before.body).toContain(words.replace(/'/gu, '&#39;').slice(0, 10));
    expect(before.body).not.toContain(`/reviews/${fr}/`);
    // Once the country publishes its review (which still says those words), the page links to it.
    await moveReview(t.storage.db, operator('test'), { country: fr, cycle: CYCLE }, { to: 'published' });
    const after = await call('public', 'GET', `/practices/${p.id}?lang=fr`);
    expect(after.body).toMatch(new RegExp(`/reviews/${fr}/${CYCLE}/versions/\\d+`, 'u'));
  });
});
