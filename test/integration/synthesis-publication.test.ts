import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedAnswer } from '../../src/db/queries/citations.js';
import { readZipEntries } from '../../src/documents/zip.js';
import { sentences } from '../../src/domain/citation.js';
import { formatDate } from '../../src/domain/locale-format.js';
import { locate } from '../../src/domain/passage.js';
import { operator } from '../../src/domain/permissions.js';
import { buildServer } from '../../src/http/server.js';
import { confirmCode } from '../../src/services/confirm-code.js';
import { generateDemoRegion, type DemoRegion } from '../../src/services/generate-demo-region.js';
import { getCode } from '../../src/services/get-codes.js';
import { moveReview } from '../../src/services/move-review.js';
import { runNextExportJob } from '../../src/services/run-export-jobs.js';
import { suggestCodes } from '../../src/services/suggest-codes.js';
import { addPerson } from '../support/personas.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Publishing a synthesis (issue 14, items 4–5): live figures in the draft, a published version
 * that never changes (its figures frozen from published answers, its citations as the public
 * could read them then), the exports' footnotes (PDF via pdftotext, DOCX via footnotes.xml, fr
 * and ar), the cycle's public page, and open data's codes of published answers only.
 */
let t: TestStorage;
let app: FastifyInstance;
let demo: DemoRegion;
const who: Record<string, Record<string, string>> = {};
const REGION = 'sp';
const CYCLE = `${REGION}-1`;
const test = operator('test');
const db = () => t.storage.db;
/** A: cited, never public; B: cited, approved by its focal point; C: cited, its review published. */
let A: string, B: string, C: string, D: string;
const quote: Record<string, { text: string; passage: object }> = {};
let fr: number, ar: number;
const names: Record<string, string> = {};

async function call(as: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, lang = 'fr') {
  const response = await app.inject({
    method,
    url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`,
    headers: as ? who[as] : {},
    ...(payload ? { payload } : {}),
  });
  const json = response.headers['content-type']?.toString().includes('json');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's answers, of many shapes
  const body = (json ? response.json() : {}) as Record<string, any>;
  return { status: response.statusCode, body, raw: response };
}

async function firstSentence(country: string) {
  const answer = (await submittedAnswer(db(), { country, cycle: CYCLE, questionId: 'I.a' }))!;
  const [first] = locate(answer.blocks);
  const [{ start, end }] = sentences(first!.text) as [{ start: number; end: number }];
  const text = first!.text.slice(start, end);
  return {
    text,
    passage: {
      source: { kind: 'submission', country, cycle: CYCLE, number: answer.number },
      questionId: 'I.a',
      position: { block: first!.block, start, end },
      text,
    },
  };
}

const base = (id: number) => `/api/v1/cycles/${CYCLE}/syntheses/${id}`;
const doc = (cites: number[], extra = '') => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Tendances' }] },
    {
      type: 'paragraph',
      content: cites.map((id, i) => ({
        type: 'text',
        text: `Constat ${i + 1}${extra}. `,
        marks: [{ type: 'citation', attrs: { citations: [id] } }],
      })),
    },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Un point' }] }] }],
    },
    { type: 'figure', attrs: { code: 'I.a', group: null } },
    { type: 'objectivesMatrix' },
  ],
});

/** Runs the export the job asked for and gives the file. */
async function exported(as: string | null, id: number, format: 'pdf' | 'docx', version?: number): Promise<Buffer> {
  const queued = await call(as, 'POST', `${base(id)}/exports`, { format, ...(version ? { version } : {}) });
  expect(queued.status, JSON.stringify(queued.body)).toBe(202);
  const done = await runNextExportJob(db(), { id: queued.body.id });
  expect(done?.status, JSON.stringify(done)).toBe('done');
  const file = await call(as, 'GET', `/api/v1/jobs/${queued.body.id}/file`);
  expect(file.status).toBe(200);
  return file.raw.rawPayload;
}

function pdfText(pdf: Buffer, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pacte-synthesis-'));
  // Kept in test-results/ to look at.
  mkdirSync('test-results', { recursive: true });
  writeFileSync(join('test-results', `${name}.pdf`), pdf);
  try {
    writeFileSync(join(dir, 'x.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function footnotesXml(docx: Buffer): Promise<string> {
  const limits = { maxUncompressedBytes: 50_000_000, maxEntries: 200 };
  const entries = await readZipEntries(docx, 'x.docx', limits, ['word/footnotes.xml', 'word/document.xml']);
  return entries.get('word/footnotes.xml')!.toString('utf8');
}
/** The text of a WordprocessingML part, its runs joined. */
const xmlText = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('');

beforeAll(async () => {
  t = await openTestStorage();
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  demo = await generateDemoRegion(db(), { id: REGION, countries: 6, submitted: 5, cycles: 1 });
  [A, B, C, D] = demo.countries.filter((c) => c.review === 'submitted').map((c) => c.code) as [
    string,
    string,
    string,
    string,
  ];
  const people = {
    secretariat: { role: 'secretariat', region: REGION },
    translator: { role: 'translator', region: REGION },
    focalB: { role: 'focal_point', country: B },
  } as const;
  for (const [name, grant] of Object.entries(people))
    who[name] = { authorization: `Bearer ${await addPerson(db(), app, `${name}@sp.example.org`, grant)}` };
  for (const c of demo.countries) names[c.code] = c.name.fr ?? c.code;
  // I.a coded: every suggestion confirmed.
  await suggestCodes(db(), test, { cycle: CYCLE, questionId: 'I.a' });
  for (const { country, coding } of (await getCode(db(), test, { cycle: CYCLE, questionId: 'I.a' })).countries)
    if (coding?.state === 'suggested')
      await confirmCode(
        db(),
        test,
        { cycle: CYCLE, questionId: 'I.a', country },
        { state: 'confirmed', values: coding.values },
      );
  await moveReview(db(), test, { country: C, cycle: CYCLE }, { to: 'published' });
  for (const c of [A, B, C]) quote[c] = await firstSentence(c);
  fr = (
    await call('secretariat', 'POST', `/api/v1/cycles/${CYCLE}/syntheses`, {
      language: 'fr',
      title: 'Synthèse régionale',
    })
  ).body.id;
  ar = (
    await call('secretariat', 'POST', `/api/v1/cycles/${CYCLE}/syntheses`, {
      language: 'ar',
      title: 'الخلاصة الإقليمية',
      translationOf: fr,
    })
  ).body.id;
  for (const id of [fr, ar]) {
    const cites = [];
    for (const c of [A, B, C])
      cites.push((await call('secretariat', 'POST', `${base(id)}/citations`, { passage: quote[c]!.passage })).body.id);
    const saved = await call('secretariat', 'PUT', base(id), { document: doc(cites), baseRevision: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // B's focal point approves the quotation.
    const asked = await call('secretariat', 'POST', `${base(id)}/citations/${cites[1]}/approval-request`);
    const ok = await call('focalB', 'POST', `/api/v1/reviews/${B}/${CYCLE}/citation-requests/${asked.body.id}/approve`);
    expect(ok.status).toBe(200);
  }
}, 600_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe(`publishing a synthesis (${ENGINE})`, () => {
  it('gives the draft’s live figures: the submissions counted now, with the chart’s URL', async () => {
    const live = await call('secretariat', 'GET', `${base(fr)}/figures`);
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    const [figure, matrix] = live.body.figures;
    expect(figure).toMatchObject({ type: 'figure', code: 'I.a', source: 'submission', index: 0, missing: null });
    expect(figure.codedCountries).toBeGreaterThan(1);
    expect(figure.svgUrl).toBe(`/api/v1/cycles/${CYCLE}/codes/I.a/figures.svg?lang=fr`);
    expect(figure.values.find((v: { count: number }) => v.count > 0).label).toMatch(/\p{L}/u);
    expect(matrix).toMatchObject({ type: 'objectivesMatrix', source: 'submission', index: 1 });
    expect((await call('translator', 'GET', `${base(fr)}/figures`)).status).toBe(200);
    expect((await call(null, 'GET', `${base(fr)}/figures`)).status).toBe(401);
  });

  it('publishes version 1, frozen: published figures, a withheld passage never in it; the database refuses changes', async () => {
    expect((await call('translator', 'POST', `${base(fr)}/publish`)).status).toBe(403);
    const v1 = await call('secretariat', 'POST', `${base(fr)}/publish`);
    expect(v1.status, JSON.stringify(v1.body)).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, revision: 1, language: 'fr' });
    const [a, b, c] = v1.body.citations;
    expect(a).toEqual({ id: a.id, withheld: true });
    expect(b).toMatchObject({ withheld: false, basis: 'approved', country: B, questionId: 'I.a' });
    expect(c).toMatchObject({
      withheld: false,
      basis: 'published',
      country: C,
      link: `/reviews/${C}/${CYCLE}/versions/1`,
    });
    expect(JSON.stringify(v1.body)).not.toContain(quote[A]!.text);
    const figure = v1.body.figures[0];
    expect(figure).toMatchObject({ source: 'published', codedCountries: 1, svgUrl: null });
    expect(figure.svg).toContain('<svg');
    const again = await call('secretariat', 'POST', `${base(fr)}/publish`);
    expect([again.status, again.body.code]).toEqual([409, 'synthesis.already_published']);
    await expect(
      sql`update synthesis_version set title = 'Autre' where synthesis_id = ${fr}`.execute(db()),
    ).rejects.toThrow(/never changes/u);
    const pub = await call(null, 'GET', `${base(fr)}/versions/1`);
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).not.toContain(quote[A]!.text);
    expect((await call(null, 'GET', `${base(ar)}/versions`)).status).toBe(404); // not published yet
  });

  it('keeps version 1 as it was while answers and codings change; editing then publishing makes version 2', async () => {
    const before = (await call(null, 'GET', `${base(fr)}/versions/1`)).body;
    await moveReview(db(), test, { country: D, cycle: CYCLE }, { to: 'published' });
    // C's coding corrected after publication: the live figure moves, version 1's does not.
    const { countries } = await getCode(db(), test, { cycle: CYCLE, questionId: 'I.a' });
    const codedC = countries.find((x) => x.country === C)!.coding!.values;
    const other = codedC[0] === 'none' ? ['new_mechanism'] : ['none'];
    await confirmCode(
      db(),
      test,
      { cycle: CYCLE, questionId: 'I.a', country: C },
      { state: 'confirmed', values: other },
    );
    const live = (await call('secretariat', 'GET', `${base(fr)}/figures`)).body.figures[0];
    const after = (await call(null, 'GET', `${base(fr)}/versions/1`)).body;
    expect(after).toEqual(before);
    const current = (await call('secretariat', 'GET', base(fr))).body;
    const cites = current.citations.map((x: { id: number }) => x.id);
    const saved = await call('secretariat', 'PUT', base(fr), { document: doc(cites, ' (révisé)'), baseRevision: 1 });
    expect(saved.status).toBe(200);
    const v2 = await call('secretariat', 'POST', `${base(fr)}/publish`);
    expect(v2.body).toMatchObject({ version: 2, revision: 2 });
    expect(v2.body.figures[0].codedCountries).toBe(2);
    expect(live.source).toBe('submission');
    const list = await call(null, 'GET', `${base(fr)}/versions`);
    expect(list.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('exports PDF (end notes) and DOCX (real footnotes) naming country, question and date, fr and ar', async () => {
    const dateOf = async (country: string, lang: 'fr' | 'ar') =>
      formatDate((await submittedAnswer(db(), { country, cycle: CYCLE, questionId: 'I.a' }))!.submittedAt, lang);
    // The draft, for the secretariat: every citation is a note with its submission's date.
    const text = pdfText(await exported('secretariat', fr, 'pdf'), `synthesis-${ENGINE}-fr`).replace(/\s+/gu, ' ');
    for (const c of [A, B, C])
      expect(text).toContain(`${names[c]}, question I.a, soumission du ${await dateOf(c, 'fr')}`);
    expect(text).toContain('Sources');
    const notes = xmlText(await footnotesXml(await exported('secretariat', fr, 'docx')));
    for (const c of [A, B, C])
      expect(notes).toContain(`${names[c]}, question I.a, soumission du ${await dateOf(c, 'fr')}`);
    // Arabic: the draft of the Arabic edition.
    const arNotes = xmlText(await footnotesXml(await exported('secretariat', ar, 'docx')));
    const arName = (c: string) => demo.countries.find((x) => x.code === c)!.name.ar ?? c;
    for (const c of [A, B])
      expect(arNotes).toContain(`${arName(c)}، السؤال I.a، التقديم المؤرخ ${await dateOf(c, 'ar')}`);
    const arText = pdfText(await exported('secretariat', ar, 'pdf'), `synthesis-${ENGINE}-ar`);
    expect(arText).toContain('I.a');
    expect(arText).toContain('المصادر');
    // The public: the latest version, the withheld passage nowhere.
    const publicNotes = xmlText(await footnotesXml(await exported(null, fr, 'docx')));
    expect(publicNotes).toContain(`${names[C]}, question I.a, examen publié le`);
    expect(publicNotes).not.toContain(quote[A]!.text);
    expect(publicNotes).not.toContain(names[A]!);
  });

  it('shows the cycle’s public page: participation, the latest version with notes linking to published reviews', async () => {
    const page = await app.inject({ method: 'GET', url: `/regions/${REGION}/cycles/${CYCLE}?lang=fr` });
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('Synthèse régionale');
    expect(body).toContain('Version 2 publiée le');
    expect(body).toContain(`/reviews/${C}/${CYCLE}/versions/1`);
    expect(body).not.toContain('/submissions');
    expect(body).not.toContain(quote[A]!.text.replace(/'/gu, '&#39;'));
    expect(body).toContain('Données fictives');
    expect(body).toMatch(/6 pays prennent part à ce cycle ; 2 ont publié leur examen/u);
    const ar = await app.inject({ method: 'GET', url: `/regions/${REGION}/cycles/${CYCLE}?lang=ar` });
    expect(ar.body).toContain('dir="rtl"');
    // The Arabic edition is not published: the French one is shown, in its own direction.
    expect(ar.body).toContain('<article class="synthesis" lang="fr" dir="ltr"');
    expect((await app.inject({ method: 'GET', url: `/regions/other/cycles/${CYCLE}` })).statusCode).toBe(404);
    // « Télécharger la synthèse (PDF) »: an export job of the version shown, whoever asks.
    const asked = await app.inject({
      method: 'POST',
      url: `/regions/${REGION}/cycles/${CYCLE}/syntheses/${fr}/docx?lang=fr`,
    });
    expect(asked.statusCode).toBe(303);
    const job = /^\/exports\/([0-9a-f-]+)\?lang=fr$/u.exec(asked.headers.location as string)![1]!;
    // The public's Word file of version 2 was made above: the same job, shared.
    await runNextExportJob(db(), { id: job });
    const followed = await call(null, 'GET', `/api/v1/jobs/${job}`);
    expect(followed.body.status).toBe('done');
    const file = await call(null, 'GET', followed.body.links.download);
    expect(file.raw.headers['content-disposition']).toContain(`${CYCLE}-synthesis-${fr}-v2-fr.docx`);
    const unpublished = await app.inject({
      method: 'POST',
      url: `/regions/${REGION}/cycles/${CYCLE}/syntheses/${ar}/pdf`,
    });
    expect(unpublished.statusCode).toBe(404);
  });

  it('open data gains the confirmed codes of published answers only, as CSV and JSON in the catalogue', async () => {
    const zip = await app.inject({ method: 'GET', url: `/api/v1/open-data/${CYCLE}` });
    expect(zip.statusCode).toBe(200);
    const limits = { maxUncompressedBytes: 50_000_000, maxEntries: 200 };
    const files = await readZipEntries(zip.rawPayload, 'x.zip', limits, [
      'codes.csv',
      'codes.json',
      'datapackage.json',
    ]);
    const csv = files
      .get('codes.csv')!
      .toString('utf8')
      .replace(/^\uFEFF/u, '');
    const [head, ...lines] = csv.trim().split('\r\n');
    expect(head).toBe('cycle,country,question,code,values,decided_at,synthetic');
    // C and D published the answers that were coded; A and B did not publish: not there.
    expect(lines.map((l) => l.split(',')[1]).sort()).toEqual([C, D].sort());
    expect(lines.every((l) => l.startsWith(`${CYCLE},`) && l.includes(',I.a,') && l.endsWith(',true'))).toBe(true);
    const json = JSON.parse(files.get('codes.json')!.toString('utf8')) as {
      country: string;
      values: { labels: object }[];
    }[];
    expect(json.map((c) => c.country).sort()).toEqual([C, D].sort());
    expect(Object.keys(json[0]!.values[0]!.labels).sort()).toEqual(['ar', 'en', 'fr']);
    const pkg = JSON.parse(files.get('datapackage.json')!.toString('utf8')) as { resources: { path: string }[] };
    expect(pkg.resources.map((r) => r.path)).toEqual(expect.arrayContaining(['codes.csv', 'codes.json']));
    const page = await app.inject({ method: 'GET', url: '/open-data?lang=fr' });
    expect(page.body).toContain('codes.csv');
    expect(page.body).toContain(`/regions/${REGION}/cycles/${CYCLE}?lang=fr`);
  });

  it('the demo region has a draft synthesis in French and its Arabic edition, citing submitted passages, marked fictional', async () => {
    const list = (await call('secretariat', 'GET', `/api/v1/cycles/${CYCLE}/syntheses`)).body.syntheses;
    const [demoFr, demoAr] = list as { id: number; title: string; language: string; translationOf: number | null }[];
    expect(demoFr).toMatchObject({ language: 'fr', title: 'Synthèse régionale (données fictives)', state: 'draft' });
    expect(demoAr).toMatchObject({ language: 'ar', translationOf: demoFr!.id });
    const read = (await call('secretariat', 'GET', base(demoFr!.id))).body;
    expect(read.citations.length).toBeGreaterThanOrEqual(1);
    expect(new Set(read.citations.map((c: { country: string }) => c.country)).size).toBe(read.citations.length);
    expect(read.citations.every((c: { questionId: string }) => c.questionId === 'I.a')).toBe(true);
    expect(read.document.content.map((n: { type: string }) => n.type)).toEqual(
      expect.arrayContaining(['figure', 'objectivesMatrix']),
    );
    expect((await call('secretariat', 'GET', base(demoAr!.id))).body.citations).toHaveLength(read.citations.length);
  });
});
