import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as exportJobs from '../../src/db/queries/export-jobs.js';
import { readPdfText } from '../../src/documents/pdf/read-pdf.js';
import { blockTexts, type Block } from '../../src/domain/blocks.js';
import { operator } from '../../src/domain/permissions.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { buildServer } from '../../src/http/server.js';
import { MAX_WAITING_PER_REQUESTER, requestExport } from '../../src/services/request-export.js';
import { runNextExportJob } from '../../src/services/run-export-jobs.js';
import { getReview } from '../../src/services/get-review.js';
import { importReview } from '../../src/services/import-review.js';
import { createUser, signInToken } from '../support/accounts.js';
import { fixtureReview, writeDocxFixture } from '../support/fixtures.js';
import { ROOT, childEnv, pacte, publishReview, seedBytes, waitUntil } from '../support/pacte.js';
import { LIMITS } from '../support/pdf-review.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * PDF export (issue 5, item 1) through background jobs: real Chromium, real pdftotext, the
 * job table on both engines. The PDF's text holds every answer in order, with its running
 * header, page numbers, contents and outline; Pacte's own PDF importer reads it back to the
 * same review; bad requests fail before anything is written; jobs are their requester's.
 */
let t: TestStorage;
let app: FastifyInstance;
let dir: string;
const admin = operator('test');
const AR = fixtureReview('ar'); // Tunisia, Arabic answers
const PASSWORD = 'correct horse battery staple';
const tokens: Record<'focal' | 'validator' | 'focalTun', string> = { focal: '', validator: '', focalTun: '' };

beforeAll(async () => {
  t = await openTestStorage();
  dir = mkdtempSync(join(tmpdir(), 'pacte-export-pdf-'));
  const db = t.storage.db;
  await importReview(db, {
    bytes: seedBytes(),
    file: 'seed.txt',
    country: 'MAR',
    cycle: 'arab-2021',
    dryRun: false,
    actor: admin,
  });
  const docx = readFileSync(await writeDocxFixture(AR, 'table', dir));
  await importReview(db, {
    bytes: docx,
    file: 'tun.docx',
    country: AR.country,
    cycle: 'arab-2021',
    dryRun: false,
    actor: admin,
  });
  await createUser(db, 'focal@mar.example.org', PASSWORD, { role: 'focal_point', country: 'MAR' });
  await createUser(db, 'validator@mar.example.org', PASSWORD, { role: 'validator', country: 'MAR' });
  await createUser(db, 'focal@tun.example.org', PASSWORD, { role: 'focal_point', country: 'TUN' });
  app = await buildServer({ storage: t.storage, logLevel: 'silent' });
  tokens.focal = await signInToken(app, 'focal@mar.example.org', PASSWORD);
  tokens.validator = await signInToken(app, 'validator@mar.example.org', PASSWORD);
  tokens.focalTun = await signInToken(app, 'focal@tun.example.org', PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const auth = (token: string | null) => (token ? { authorization: `Bearer ${token}` } : {});

async function post(body: object, token: string | null = tokens.focal) {
  return app.inject({ method: 'POST', url: '/api/v1/exports', headers: auth(token), payload: body });
}

/** Polls the job until it is done or failed; returns its last JSON. */
async function settle(id: string, token: string | null = tokens.focal) {
  let job: { status: string; progress: number; error?: string; links: { self: string; download?: string } } | null =
    null;
  await waitUntil(`job ${id}`, async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: auth(token) });
    expect(response.statusCode).toBe(200);
    job = response.json();
    return job?.status === 'done' || job?.status === 'failed';
  });
  return job!;
}

/** POST, poll, download: the PDF bytes of a review exported through the jobs API. */
async function pdfThroughJobs(country: string, lang: string, token: string | null = tokens.focal): Promise<Buffer> {
  const created = await post({ country, cycle: 'arab-2021', format: 'pdf', lang }, token);
  expect(created.statusCode, created.body).toBe(202);
  const { id, status, links } = created.json();
  expect(status).toBe('queued');
  expect(created.headers.location).toBe(`/api/v1/jobs/${id}`);
  expect(links.self).toBe(`/api/v1/jobs/${id}`);
  const job = await settle(id, token);
  expect(job.status, job.error).toBe('done');
  expect(job.progress).toBe(100);
  expect(job.links.download).toBe(`/api/v1/jobs/${id}/file`);
  const file = await app.inject({ method: 'GET', url: job.links.download!, headers: auth(token) });
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('application/pdf');
  expect(file.headers['content-disposition']).toContain(`${country.toLowerCase()}-arab-2021.${lang}.pdf`);
  expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  return file.rawPayload;
}

function pdftotext(pdf: Buffer, ...args: string[]): string {
  const path = join(dir, `check-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  const result = spawnSync('pdftotext', [...args, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

function pdfinfo(pdf: Buffer): string {
  const path = join(dir, `info-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  return spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout;
}

/** The titles of the PDF's outline (bookmarks), decoded from literal or UTF-16 hex strings. */
function outlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const titles: string[] = [];
  for (const m of text.matchAll(/\/Title\s*(?:\(((?:[^()\\]|\\.)*)\)|<([0-9A-Fa-f]+)>)/gu)) {
    if (m[1] !== undefined) titles.push(m[1].replace(/\\(.)/gu, '$1'));
    else {
      const bytes = Buffer.from(m[2] ?? '', 'hex');
      const utf16 = bytes.subarray(2); // after the FEFF byte order mark
      titles.push(Buffer.from(utf16.swap16()).toString('utf16le'));
    }
  }
  return titles;
}

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();
const lines = (review: ReviewDocument) =>
  review.sections.flatMap((s) => s.questions.flatMap((q) => blockTexts(q.answer.blocks)));

/** Kinds and nesting of blocks, whatever the order of their keys. */
const structure = (blocks: readonly Block[]): string =>
  blocks
    .map((b) =>
      b.type === 'paragraph' ? 'p' : `${b.ordered ? 'ol' : 'ul'}[${b.items.map((i) => structure(i.blocks)).join(',')}]`,
    )
    .join(' ');

/** Per question: id, structure and text; `bare` drops whitespace (see the Arabic test). */
const shape = (review: ReviewDocument, bare = false) =>
  review.sections.flatMap((s) =>
    s.questions.map((q) => ({
      id: q.id,
      text: blockTexts(q.answer.blocks)
        .join(' ')
        .replace(/\s+/gu, bare ? '' : ' '),
      structure: structure(q.answer.blocks),
    })),
  );

/** Every line of every answer found in `text`, in order (each after the previous one). */
function expectInOrder(text: string, wanted: readonly string[], normalise: (s: string) => string): void {
  const flat = normalise(text);
  let at = 0;
  for (const line of wanted) {
    const found = flat.indexOf(normalise(line), at);
    expect(found, line).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

async function readBack(pdf: Buffer, country: string) {
  return importReview(t.storage.db, {
    bytes: pdf,
    file: `${country}.pdf`,
    country,
    cycle: 'arab-2021',
    dryRun: true,
    actor: admin,
  });
}

describe('PDF of the seed review, in French, through the jobs API', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await pdfThroughJobs('MAR', 'fr');
  }, 120_000);

  it('holds every answer line in order, the running header, page numbers and the contents', async () => {
    const seed = await getReview(t.storage.db, admin, 'MAR', 'arab-2021');
    const pages = pdftotext(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(5);
    for (const [i, page] of pages.entries()) {
      expect(page, `page ${i + 1}`).toContain('Maroc (MAR) — Premier Examen Régional');
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} sur ${pages.length}`);
    }
    // The answers' text, line by line, in order: pdftotext's word boxes as the PDF reader puts
    // them in columns (pdftotext's own reading order interleaves a question cell cut by a page
    // break with its answer, and puts the page furniture between), whitespace normalised.
    const text = await readPdfText(pdf, 'mar.pdf', LIMITS);
    expectInOrder(text, lines(seed), squash);
    // The contents: each section's title with the page its heading is on.
    const contents = squash(pages[1] ?? '');
    expect(contents).toContain('Sommaire');
    for (const section of seed.sections) {
      const headingPage = pages.findIndex((page) => squash(page).includes(`${section.id}.- ${section.title}`)) + 1;
      expect(headingPage, section.id).toBeGreaterThan(2);
      expect(contents, section.id).toContain(`${squash(section.title)} … ${headingPage}`);
    }
  });

  it('is tagged, has an outline of its sections and questions, and is A4', () => {
    const info = pdfinfo(pdf);
    expect(info).toMatch(/^Tagged:\s+yes$/mu);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)$/mu);
    // Chromium takes the titles from the laid-out text: a heading's line breaks lose their space.
    const bare = (text: string) => text.replace(/\s+/gu, '');
    const titles = outlineTitles(pdf).map(bare);
    expect(titles).toContain(bare('Sommaire'));
    expect(titles).toContain(
      bare('I.- Questions sur la méthodologie utilisée dans l’élaboration de l’examen national du Pacte mondial'),
    );
    expect(titles).toContain(bare('V.- Questions concernant les étapes ultérieures'));
    expect(titles.some((title) => title.startsWith(bare('a) Est-ce qu’un mécanisme de coordination')))).toBe(true);
  });

  it('reads back through Pacte’s PDF importer to the same sections, questions, blocks and text', async () => {
    const seed = await getReview(t.storage.db, admin, 'MAR', 'arab-2021');
    const read = await readBack(pdf, 'MAR');
    expect(read.review.report.format).toBe('pdf');
    expect(read.review.report.unmatched).toEqual([]);
    expect(read.review.language).toBe('fr');
    expect(read.review.sections.map((s) => s.id)).toEqual(seed.sections.map((s) => s.id));
    expect(shape(read.review)).toEqual(shape(seed));
  });

  it('records the export in the audit log, as the requester', async () => {
    const events = await t.storage.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'review.export')
      .where('country', '=', 'MAR')
      .execute();
    expect(events.map((e) => [e.actor, e.details])).toContainEqual([
      'focal@mar.example.org',
      { format: 'pdf', lang: 'fr', layout: 'table' },
    ]);
  });
});

describe('PDF of a review with Arabic answers, in Arabic', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await pdfThroughJobs(AR.country, 'ar', tokens.focalTun); // their own country's draft
  }, 120_000);

  it('gives the Arabic answers back in order, right to left, with Arabic page furniture', async () => {
    const stored = await getReview(t.storage.db, admin, AR.country, 'arab-2021');
    // pdftotext's reading order is logical here (Chromium tags each glyph cluster with its text),
    // with bidi controls around the runs.
    const raw = pdftotext(pdf).replace(/[\u202A-\u202E\u2066-\u2069]/gu, '');
    const pages = raw.split('\f').filter((page) => page.trim() !== '');
    for (const [i, page] of pages.entries()) {
      expect(page, `page ${i + 1}`).toMatch(new RegExp(`صفحة\\s*${i + 1}\\s*من\\s*${pages.length}`, 'u'));
      expect(page, `page ${i + 1}`).toContain('تونس');
    }
    // pdftotext gives Arabic in visual order; the PDF reader repairs it (arabic-repair.ts). Chromium's
    // PDFs make pdftotext split a word after a letter with a shadda (the mark is drawn before its
    // letter, and its box starts the word): the text is compared without spaces.
    const text = await readPdfText(pdf, 'tun.pdf', LIMITS);
    expectInOrder(text, lines(stored), (s) => s.replace(/[\s▪◦–]/gu, ''));
  });

  it('reads back through Pacte’s PDF importer to the same structure and text', async () => {
    const stored = await getReview(t.storage.db, admin, AR.country, 'arab-2021');
    const read = await readBack(pdf, AR.country);
    expect(read.review.report.unmatched).toEqual([]);
    expect(read.review.language).toBe('ar');
    expect(shape(read.review, true)).toEqual(shape(stored, true));
  });
});

describe('export jobs: who sees them, and bad requests', () => {
  const jobCount = async () =>
    Number(
      (
        await t.storage.db
          .selectFrom('export_job')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses an unknown format, language or layout before writing anything', async () => {
    const before = await jobCount();
    const cases: [object, number, string][] = [
      [{ format: 'odt' }, 422, 'export.unsupported_format'],
      [{ format: 'pdf', layout: 'paragraphs' }, 422, 'export.unsupported_layout'],
      [{ format: 'docx', layout: 'grid' }, 422, 'export.unsupported_layout'],
      [{ format: 'pdf', lang: 'de' }, 400, 'request.invalid'],
      [{ format: 'pdf', colour: 'blue' }, 400, 'request.invalid'],
      [{ format: 'pdf', country: 'XXXX' }, 400, 'request.invalid'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post({ country: 'MAR', cycle: 'arab-2021', ...body });
      expect([response.statusCode, response.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    const get = await app.inject({ method: 'GET', url: '/api/v1/reviews/MAR/arab-2021/export?format=pdf&lang=de' });
    expect(get.statusCode).toBe(400);
    expect(await jobCount()).toBe(before);
  });

  it('hides a private review from an anonymous client and from another country, writing nothing', async () => {
    const before = await jobCount();
    for (const token of [null, tokens.focalTun]) {
      const response = await post({ country: 'MAR', cycle: 'arab-2021', format: 'pdf' }, token);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('review.not_found');
      const get = await app.inject({
        method: 'GET',
        url: '/api/v1/reviews/MAR/arab-2021/export?format=pdf',
        headers: auth(token),
      });
      expect(get.statusCode).toBe(404);
    }
    expect(await jobCount()).toBe(before);
  });

  it('shows a job to its requester only; unknown ids are 404 job.not_found', async () => {
    const created = await post({ country: 'MAR', cycle: 'arab-2021', format: 'json' });
    expect(created.statusCode).toBe(202);
    const { id } = created.json();
    for (const token of [null, tokens.validator, tokens.focalTun]) {
      for (const url of [`/api/v1/jobs/${id}`, `/api/v1/jobs/${id}/file`]) {
        const response = await app.inject({ method: 'GET', url, headers: auth(token) });
        expect([response.statusCode, response.json().code]).toEqual([404, 'job.not_found']);
      }
    }
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/jobs/${unknown}`, headers: auth(tokens.focal) });
      expect([response.statusCode, response.json().code]).toEqual([404, 'job.not_found']);
    }
    const job = await settle(id);
    expect(job.status).toBe('done');
    const file = await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}/file`, headers: auth(tokens.focal) });
    expect(JSON.parse(file.body)).toMatchObject({ country: 'MAR', cycle: 'arab-2021' });
  });

  it('answers 409 job.not_ready while a job waits, and ?format=pdf answers 202 with a job', async () => {
    // A server whose worker is off: the job stays queued.
    const idle = await buildServer({ storage: t.storage, logLevel: 'silent', exportWorker: false });
    try {
      const response = await idle.inject({
        method: 'GET',
        url: '/api/v1/reviews/MAR/arab-2021/export?format=pdf&lang=en',
        headers: auth(tokens.focal),
      });
      expect(response.statusCode).toBe(202);
      const { id, status, links } = response.json();
      expect([status, response.headers.location, links.download]).toEqual(['queued', `/api/v1/jobs/${id}`, undefined]);
      const early = await idle.inject({ method: 'GET', url: `/api/v1/jobs/${id}/file`, headers: auth(tokens.focal) });
      expect([early.statusCode, early.json().code]).toEqual([409, 'job.not_ready']);
      // Out of the way of the other tests' workers: done by hand.
      await t.storage.db.deleteFrom('export_job').where('id', '=', id).execute();
    } finally {
      await idle.close();
    }
  });

  it('lets an anonymous client export a published review, and fetch it with the id alone', async () => {
    await publishReview(t.storage.db, 'TUN', 'arab-2021');
    const created = await post({ country: 'TUN', cycle: 'arab-2021', format: 'csv' }, null);
    expect(created.statusCode).toBe(202);
    const job = await settle(created.json().id, null);
    expect(job.status).toBe('done');
    const file = await app.inject({ method: 'GET', url: job.links.download! });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/u);
    // A published version never changes: anonymous readers asking for the same export share its job.
    const again = await post({ country: 'TUN', cycle: 'arab-2021', format: 'csv', version: 1 }, null);
    expect([again.statusCode, again.json().id, again.json().status]).toEqual([202, created.json().id, 'done']);
    const otherLanguage = await post({ country: 'TUN', cycle: 'arab-2021', format: 'csv', lang: 'fr' }, null);
    expect(otherLanguage.json().id).not.toBe(created.json().id);
    // One published version, by number; a version that does not exist is refused at once.
    const before = await t.storage.db.selectFrom('export_job').select('id').execute();
    const missing = await post({ country: 'TUN', cycle: 'arab-2021', format: 'pdf', version: 9 }, null);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'review.version_not_found']);
    expect(await t.storage.db.selectFrom('export_job').select('id').execute()).toHaveLength(before.length);
    const first = await post({ country: 'TUN', cycle: 'arab-2021', format: 'json', version: 1 }, null);
    expect(first.statusCode).toBe(202);
    const versioned = await settle(first.json().id, null);
    const download = await app.inject({ method: 'GET', url: versioned.links.download! });
    expect(download.headers['content-disposition']).toContain('tun-arab-2021.v1.ar.json');
  });
});

describe('the job queue in the database', () => {
  it('gives each waiting job to one worker only (for update skip locked), and takes back a dead worker’s', async () => {
    // No server worker here: the queue is driven by hand.
    await app.close();
    const db = t.storage.db;
    await db.deleteFrom('export_job').execute();
    const a = await requestExport(db, admin, { country: 'MAR', cycle: 'arab-2021', format: 'json' });
    const b = await requestExport(db, admin, { country: 'MAR', cycle: 'arab-2021', format: 'csv' });
    const options = { staleSeconds: 60, maxAttempts: 2 };
    const claimed = await Promise.all([
      exportJobs.claimExportJob(db, options),
      exportJobs.claimExportJob(db, options),
      exportJobs.claimExportJob(db, options),
    ]);
    expect(claimed.map((job) => job?.id ?? null).sort()).toEqual([a.id, b.id, null].sort());
    // A worker that stopped beating a minute ago died: its job is taken again, once more…
    await sql`update export_job set heartbeat_at = now() - interval '5 minutes' where id = ${a.id}`.execute(db);
    const again = await exportJobs.claimExportJob(db, options);
    expect([again?.id, again?.attempts]).toEqual([a.id, 2]);
    // …then, dead again, failed with job.interrupted rather than retried for ever.
    await sql`update export_job set heartbeat_at = now() - interval '5 minutes' where id = ${a.id}`.execute(db);
    expect(await exportJobs.claimExportJob(db, options)).toBeUndefined();
    expect(await exportJobs.failAbandonedExportJobs(db, { ...options, errorCode: 'job.interrupted' })).toBe(1);
    const failed = await exportJobs.findExportJob(db, a.id);
    expect([failed?.status, failed?.error_code]).toEqual(['failed', 'job.interrupted']);
    // Finished jobs go after a day.
    await sql`update export_job set finished_at = now() - interval '25 hours' where id = ${a.id}`.execute(db);
    expect(await exportJobs.deleteOldExportJobs(db, 24)).toBe(1);
    expect(await exportJobs.findExportJob(db, a.id)).toBeUndefined();
    expect(await exportJobs.findExportJob(db, b.id)).toBeDefined();
  });

  it('refuses more than five unfinished jobs of one requester, writing nothing', async () => {
    const db = t.storage.db;
    await db.deleteFrom('export_job').execute();
    const ask = () => requestExport(db, admin, { country: 'MAR', cycle: 'arab-2021', format: 'json' });
    for (let i = 0; i < MAX_WAITING_PER_REQUESTER; i++) await ask();
    await expect(ask()).rejects.toMatchObject({ code: 'job.too_many', details: { waiting: 5, limit: 5 } });
    expect((await db.selectFrom('export_job').select('id').execute()).length).toBe(MAX_WAITING_PER_REQUESTER);
  });

  it('runs a job with its requester’s rights as they are then: a disabled account’s as anyone’s', async () => {
    const db = t.storage.db;
    await db.deleteFrom('export_job').execute();
    const user = await db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', 'focal@mar.example.org')
      .executeTakeFirstOrThrow();
    const focal = {
      userId: user.id,
      name: 'focal@mar.example.org',
      grants: [{ role: 'focal_point' as const, country: 'MAR', region: null, entity: null }],
    };
    const job = await requestExport(db, focal, { country: 'MAR', cycle: 'arab-2021', format: 'json' });
    await db.updateTable('user_account').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    const ran = await runNextExportJob(db, { id: job.id });
    expect([ran?.status, ran?.error]).toEqual(['failed', 'review.not_found']);
    await db.updateTable('user_account').set({ disabled_at: null }).where('id', '=', user.id).execute();
  });
});

describe('pacte export --format pdf', () => {
  it('writes a real PDF through the same jobs: one progress line per step off a terminal, a bar on one', async () => {
    await t.close(); // an embedded database admits one process at a time
    try {
      const output = join(dir, 'cli.pdf');
      const run = pacte(
        ['export', '--country', 'MAR', '--cycle', 'arab-2021', '--format', 'pdf', '--lang', 'fr', '--output', output],
        t.env,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^export [0-9a-f-]{36}: running 0%$/mu);
      expect(run.stderr).toMatch(/^export [0-9a-f-]{36}: done 100%$/mu);
      const text = squash(pdftotext(readFileSync(output)));
      expect(text).toContain('I.- Questions sur la méthodologie');
      expect(text).toContain('Page 1 sur');
      // On a terminal (script(1) gives the child one), one bar redrawn in place instead.
      const bar = spawnSync(
        'script',
        [
          '-qec',
          `${process.execPath} bin/pacte.js export --country MAR --cycle arab-2021 --format pdf --output ${join(dir, 'tty.pdf')}`,
          '/dev/null',
        ],
        { cwd: ROOT, env: childEnv(t.env), encoding: 'utf8' },
      );
      expect(bar.status, bar.stdout).toBe(0);
      expect(bar.stdout).toMatch(/\r\[█{20}\] 100% done/u);
      expect(bar.stdout).not.toMatch(/^export [0-9a-f-]{36}:/mu);
      const refused = pacte(
        [
          'export',
          '--country',
          'MAR',
          '--cycle',
          'arab-2021',
          '--format',
          'pdf',
          '--layout',
          'grid',
          '--output',
          output,
        ],
        t.env,
      );
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^error export\.unsupported_layout: /u);
    } finally {
      await t.reopen();
    }
  }, 300_000);
});
