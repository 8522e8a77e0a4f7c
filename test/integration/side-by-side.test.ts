import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../../src/documents/zip.js';
import { blockTexts, type Block } from '../../src/domain/blocks.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { createCycle } from '../../src/services/create-cycle.js';
import { decideObjective } from '../../src/services/decide-objective.js';
import { generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { moveAnswer } from '../../src/services/move-answer.js';
import { moveReview } from '../../src/services/move-review.js';
import { returnSubmission } from '../../src/services/return-submission.js';
import { saveAnswer } from '../../src/services/save-answer.js';
import { addPerson } from '../support/personas.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * One question's answers side by side (issue 13, item 1) on a generated region: 22 fictional
 * countries, 18 submitted, 2 returned. What each reader gets is computed here from the
 * generator's plan, never read back from the server: the region's secretariat reads each
 * country's latest submission (the 18 submitted and the 2 returned ones, which it received), the
 * public the published versions only (two published here), a focal point those plus its own
 * submission, another region's secretariat what the public reads. Filters by group and by
 * confirmed objective, the CSV and the DOCX; then the country groups' rights and refusals.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const as: Record<
  'secretariat' | 'admin' | 'focal' | 'otherSecretariat' | 'translator' | 'anonymous',
  Record<string, string>
> = {} as never;

const REGION = 'demo';
const CYCLE = `${REGION}-1`;
const QUESTION = 'I.a';
const URL = `/api/v1/cycles/${CYCLE}/questions/${QUESTION}/answers`;
const db = () => t.storage.db;
const test = operator('test');
let published: string[];
let resubmitted: string;

interface Item {
  country: string;
  countryName: Record<string, string>;
  source: { kind: string; number: number };
  state: string;
  language: string;
  direction: string;
  blocks: Block[];
  objectives: number[];
  synthetic: boolean;
}

async function compare(who: keyof typeof as, query = '', status = 200) {
  const response = await app.inject({ method: 'GET', url: `${URL}${query}`, headers: as[who] });
  expect(response.statusCode, response.body).toBe(status);
  return response.json<{ question: { id: string; text: string }; answers: Item[] }>();
}
/** The text of a w:t element as written (XML entities decoded). */
const unescape = (xml: string) =>
  xml.replace(
    /&(apos|quot|lt|gt|amp);/gu,
    (_, e: string) => ({ apos: "'", quot: '"', lt: '<', gt: '>', amp: '&' })[e]!,
  );
const codes = (items: Item[]) => items.map((i) => i.country).sort();
const planned = (...plans: DemoRegion['countries'][number]['review'][]) =>
  demo.countries.filter((c) => plans.includes(c.review)).map((c) => c.code);

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(db(), { id: REGION, countries: 22, submitted: 18, cycles: 1 });
  const bearer = async (email: string, grant: Parameters<typeof addPerson>[3]) => ({
    authorization: `Bearer ${await addPerson(db(), app, email, grant)}`,
  });
  const first = demo.countries[0]!.code;
  as.secretariat = await bearer('secretariat@demo.example.org', { role: 'secretariat', region: REGION });
  as.admin = await bearer('admin@demo.example.org', { role: 'admin' });
  as.focal = await bearer(`focal@${first.toLowerCase()}.example.org`, { role: 'focal_point', country: first });
  as.otherSecretariat = await bearer('secretariat@arab.example.org', { role: 'secretariat', region: 'arab' });
  as.translator = await bearer('translator@demo.example.org', { role: 'translator', region: REGION });
  as.anonymous = {};
  // Two submitted reviews published (not the focal point's own).
  published = planned('submitted').slice(1, 3);
  for (const country of published) await moveReview(db(), test, { country, cycle: CYCLE }, { to: 'published' });
  // A returned review: its team confirms objective 3 on I.a and submits again (submission 2).
  resubmitted = planned('returned')[0]!;
  const target = { country: resubmitted, cycle: CYCLE };
  await decideObjective(db(), test, { ...target, questionId: QUESTION, objective: 3 }, 'confirmed');
  await moveReview(db(), test, target, { to: 'validated' });
  await moveReview(db(), test, target, { to: 'submitted' });
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('who reads what, country by country', () => {
  it('the secretariat: each country’s latest submission, returned ones included, sorted by name', async () => {
    const { question, answers } = await compare('secretariat', '?lang=fr');
    expect(question).toMatchObject({ id: QUESTION, text: expect.stringMatching(/\S/u) });
    expect(codes(answers)).toEqual(planned('submitted', 'returned').sort());
    expect(answers.every((a) => a.source.kind === 'submission' && a.synthetic)).toBe(true);
    // The partial draft and the unstarted review never show: no working copy is read.
    for (const code of planned('partial', 'not_started')) expect(codes(answers)).not.toContain(code);
    const names = answers.map((a) => a.countryName.fr!);
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    const byCountry = new Map(answers.map((a) => [a.country, a]));
    expect(byCountry.get(resubmitted)).toMatchObject({ source: { number: 2 }, state: 'submitted', objectives: [3] });
    for (const code of published) expect(byCountry.get(code)?.state).toBe('published');
    for (const code of planned('returned').filter((c) => c !== resubmitted)) {
      expect(byCountry.get(code)).toMatchObject({ state: 'returned', source: { number: 1 } });
    }
    // Each answer in its own language and direction, with its text.
    for (const { code, language } of demo.countries.filter((c) => byCountry.has(c.code))) {
      const item = byCountry.get(code)!;
      expect(item.language).toBe(language);
      expect(item.direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(blockTexts(item.blocks)[0]).toMatch(/\S/u);
    }
    expect((await compare('admin')).answers).toHaveLength(answers.length);
    expect(codes((await compare('secretariat', '?state=submitted')).answers)).toEqual(
      planned('submitted')
        .filter((c) => !published.includes(c))
        .concat(resubmitted)
        .sort(),
    );
  });

  it('the public and another region’s secretariat: the published versions only', async () => {
    for (const who of ['anonymous', 'otherSecretariat'] as const) {
      const { answers } = await compare(who);
      expect(codes(answers), who).toEqual([...published].sort());
      expect(answers.every((a) => a.source.kind === 'published' && a.source.number === 1)).toBe(true);
    }
  });

  it('a focal point: the published versions and its own latest submission', async () => {
    const own = demo.countries[0]!.code;
    const { answers } = await compare('focal');
    expect(codes(answers)).toEqual([own, ...published].sort());
    expect(answers.find((a) => a.country === own)?.source.kind).toBe('submission');
  });

  it('a planned cycle is not there for anyone but its secretariat; an unknown question or group is 404', async () => {
    await createCycle(db(), test, { id: `${REGION}-9`, region: REGION, questionnaire: 'arab-2021' });
    const planned9 = `/api/v1/cycles/${REGION}-9/questions/${QUESTION}/answers`;
    for (const who of ['anonymous', 'otherSecretariat', 'focal'] as const) {
      const response = await app.inject({ method: 'GET', url: planned9, headers: as[who] });
      expect(response.json().code, who).toBe('cycle.not_found');
    }
    const own = await app.inject({ method: 'GET', url: planned9, headers: as.secretariat });
    expect(own.json().answers).toEqual([]);
    const q = await app.inject({ method: 'GET', url: `/api/v1/cycles/${CYCLE}/questions/IX.z/answers` });
    expect([q.statusCode, q.json().code]).toEqual([404, 'question.not_found']);
    expect((await compare('secretariat', '?group=nowhere', 404)) as unknown).toMatchObject({ code: 'group.not_found' });
  });
});

describe('filters', () => {
  it('by group: the group’s members among what the reader reads', async () => {
    const groups = await app.inject({ method: 'GET', url: `/api/v1/regions/${REGION}/groups` });
    const north = groups.json<{ groups: { id: string; countries: string[] }[] }>().groups.find((g) => g.id === 'north');
    expect(north?.countries.length).toBeGreaterThan(0);
    const readable = planned('submitted', 'returned');
    const { answers } = await compare('secretariat', '?group=north');
    expect(codes(answers)).toEqual(north!.countries.filter((c) => readable.includes(c)).sort());
    expect(codes((await compare('anonymous', '?group=north')).answers)).toEqual(
      north!.countries.filter((c) => published.includes(c)).sort(),
    );
  });

  it('by confirmed objective: only the answer whose team confirmed it', async () => {
    expect(codes((await compare('secretariat', '?objective=3')).answers)).toEqual([resubmitted]);
    expect((await compare('anonymous', '?objective=3')).answers).toEqual([]);
  });
});

describe('exports', () => {
  it('CSV: one line per item, in the same order, texts flattened', async () => {
    const { answers } = await compare('secretariat', '?lang=ar');
    const response = await app.inject({ method: 'GET', url: `${URL}.csv?lang=ar`, headers: as.secretariat });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body
      .replace(/^\uFEFF/u, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('country,name,source,number,date,state,language,objectives,text,synthetic,value');
    // A cell's line breaks are LF (blockTexts joined), a line's end CRLF: one CSV line per item.
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(answers.map((a) => a.country));
    const filtered = await app.inject({ method: 'GET', url: `${URL}.csv?group=north`, headers: as.secretariat });
    expect(filtered.body.trimEnd().split('\r\n')).toHaveLength(
      (await compare('secretariat', '?group=north')).answers.length + 1,
    );
  });

  it('DOCX: the question at the top, a section per country, Arabic answers bidi', async () => {
    const { question, answers } = await compare('secretariat', '?lang=fr');
    const response = await app.inject({ method: 'GET', url: `${URL}.docx?lang=fr`, headers: as.secretariat });
    expect(response.statusCode).toBe(200);
    const limits = { maxUncompressedBytes: 50_000_000, maxEntries: 100 };
    const entries = await readZipEntries(response.rawPayload, 'x.docx', limits, ['word/document.xml']);
    const xml = entries.get('word/document.xml')!.toString('utf8');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map((m) => ({
      xml: m[0],
      text: unescape([...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((x) => x[1]).join('')),
    }));
    expect(paragraphs[0]!.text).toBe(`${question.id} — ${question.text}`);
    const headings = paragraphs.filter((p) => p.xml.includes('w:val="Heading1"')).map((p) => p.text);
    expect(headings).toEqual(answers.map((a) => `${a.countryName.fr} (données fictives)`));
    const arabic = answers.find((a) => a.language === 'ar')!;
    const answerParagraph = paragraphs.find((p) => p.text === blockTexts(arabic.blocks)[0]);
    expect(answerParagraph?.xml).toContain('<w:bidi/>');
    const french = answers.find((a) => a.language === 'fr')!;
    const frenchParagraph = paragraphs.find((p) => p.text === blockTexts(french.blocks)[0]);
    expect(frenchParagraph?.xml).toBeDefined();
    expect(frenchParagraph?.xml).not.toContain('<w:bidi/>');
  });
});

describe('the public portal', () => {
  it('« Comparer les réponses »: the published answers only, in fr, en and ar with the portal’s layout', async () => {
    const start = await app.inject({ method: 'GET', url: `/cycles/${CYCLE}/questions?lang=ar` });
    expect([start.statusCode, start.headers.location]).toEqual([302, `/cycles/${CYCLE}/questions/${QUESTION}?lang=ar`]);
    // Signed in as the secretariat: the portal still shows what is published, never a submission.
    const page = await app.inject({
      method: 'GET',
      url: `/cycles/${CYCLE}/questions/${QUESTION}?lang=ar`,
      headers: as.secretariat,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body.match(/<article class="compare-answer">/gu)).toHaveLength(published.length);
    for (const { code, name, language } of demo.countries) {
      const shown = page.body.includes(`<h2>${name.ar}`);
      expect(shown, code).toBe(published.includes(code));
      if (shown) expect(page.body).toContain(`lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
    }
    for (const lang of ['fr', 'en'] as const) {
      const other = await app.inject({ method: 'GET', url: `/cycles/${CYCLE}/questions/${QUESTION}?lang=${lang}` });
      expect(other.body).toContain(`<html lang="${lang}" dir="ltr">`);
    }
    const missing = await app.inject({ method: 'GET', url: `/cycles/${CYCLE}/questions/IX.z` });
    expect(missing.statusCode).toBe(404);
  });
});

describe('translations beside the answers', () => {
  const paragraph = (text: string) => [{ type: 'paragraph', text }];
  const translate = async (country: string, number: number, language: string, text: string) => {
    const url = `/api/v1/reviews/${country}/${CYCLE}/submissions/${number}/answers/${QUESTION}/translations/${language}`;
    const response = await app.inject({
      method: 'PUT',
      url,
      headers: as.secretariat,
      payload: { blocks: paragraph(text) },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  type Translated = Item & { translation: Record<string, unknown> | null };
  const byCountry = async (who: keyof typeof as, lang: string) =>
    new Map(((await compare(who, `?lang=${lang}`)).answers as Translated[]).map((a) => [a.country, a]));

  it('the reader’s language only, from a submission only, flagged outdated when the answer changed', async () => {
    const unpublished = demo.countries.filter(
      (c) => c.review === 'submitted' && !published.includes(c.code) && c.language !== 'fr',
    );
    const [plain, changed] = [unpublished[0]!, unpublished[1]!];
    const publishedOne = demo.countries.find((c) => c.code === published[0])!;
    const into = publishedOne.language === 'fr' ? 'en' : 'fr';
    await translate(plain.code, 1, 'fr', 'Une traduction.');
    await translate(changed.code, 1, 'fr', 'Une autre traduction.');
    await translate(publishedOne.code, 1, into, 'Published, translated.');
    // The country changes its answer and submits again: the translation of submission 1 is outdated.
    const actor = operator('test');
    const target = { country: changed.code, cycle: CYCLE };
    await returnSubmission(db(), actor, { ...target, number: 1 }, { reason: 'À revoir.' });
    const q = { ...target, questionId: QUESTION };
    await moveAnswer(db(), actor, q, { to: 'drafting', comment: 'Une précision.' });
    const { revision } = await db()
      .selectFrom('answer')
      .innerJoin('review', 'review.id', 'answer.review_id')
      .select('answer.revision')
      .where('review.country_code', '=', changed.code)
      .where('answer.question_id', '=', QUESTION)
      .executeTakeFirstOrThrow();
    await saveAnswer(db(), actor, q, { blocks: paragraph('Changed.') as never, baseRevision: revision });
    await moveAnswer(db(), actor, q, { to: 'in_review' });
    await moveAnswer(db(), actor, q, { to: 'approved' });
    await moveReview(db(), actor, target, { to: 'validated' });
    await moveReview(db(), actor, target, { to: 'submitted' });

    const fr = await byCountry('secretariat', 'fr');
    expect(fr.get(plain.code)?.translation).toMatchObject({
      submission: 1,
      latest: 1,
      language: 'fr',
      revision: 1,
      blocks: paragraph('Une traduction.'),
      translator: 'secretariat@demo.example.org',
      translatorName: expect.stringMatching(/\S/u),
      machine: false,
      machineNote: null,
      outdated: false,
    });
    expect(fr.get(changed.code)).toMatchObject({
      source: { number: 2 },
      translation: { submission: 1, latest: 2, outdated: true, blocks: paragraph('Une autre traduction.') },
    });
    // The region's translator reads the submissions, so their translations too.
    expect((await byCountry('translator', 'fr')).get(plain.code)?.translation).toMatchObject({
      blocks: paragraph('Une traduction.'),
    });
    // No other answer has a French translation; a French answer never has one into French.
    const translated = [...fr.values()].filter((a) => a.translation).map((a) => a.country);
    expect(translated.sort()).toEqual([plain.code, changed.code, ...(into === 'fr' ? [publishedOne.code] : [])].sort());
    // Into another language: that language's translation only, none for an answer written in it.
    const other = await byCountry('secretariat', plain.language === 'ar' ? 'en' : 'ar');
    expect(other.get(plain.code)?.translation).toBeNull();
    expect((await byCountry('secretariat', plain.language)).get(plain.code)?.translation).toBeNull();
    // The public reads the published version: no translation of a submission goes with it.
    const publicView = await byCountry('anonymous', into);
    expect(publicView.get(publishedOne.code)).toMatchObject({ source: { kind: 'published' }, translation: null });
    expect((await byCountry('secretariat', into)).get(publishedOne.code)?.translation).toMatchObject({
      blocks: paragraph('Published, translated.'),
    });
  });
});
