import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTexts, type Block } from '../../src/domain/blocks.js';
import { operator } from '../../src/domain/permissions.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { buildServer } from '../../src/http/server.js';
import { reviewCsv } from '../../src/documents/export-csv.js';
import { exportReview, type ExportRequest } from '../../src/services/export-review.js';
import { getReview } from '../../src/services/get-review.js';
import { importReview } from '../../src/services/import-review.js';
import { docxToPdf, fixtureReview, writeDocxFixture } from '../support/fixtures.js';
import { craftedReview, publishReview, seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * Exports of a stored review (issue 5): DOCX that imports back to the same review and converts
 * with LibreOffice, CSV, printable HTML, JSON; who may export; the audit log.
 */
let t: TestStorage;
let dir: string;
const admin = operator('test');
const AR = fixtureReview('ar'); // Tunisia, Arabic answers

const run = (request: Omit<ExportRequest, 'cycle'> & { cycle?: string }, actor = admin) =>
  exportReview(t.storage.db, actor, { cycle: 'arab-2021', ...request });

async function store(bytes: Uint8Array, file: string, country?: string) {
  await importReview(t.storage.db, { bytes, file, country, cycle: 'arab-2021', dryRun: false, actor: admin });
}

beforeAll(async () => {
  t = await openTestStorage();
  dir = mkdtempSync(join(tmpdir(), 'pacte-export-'));
  await store(seedBytes(), 'seed.txt', 'MAR');
  await store(readFileSync(await writeDocxFixture(AR, 'table', dir)), 'tun.docx', AR.country);
  await store(Buffer.from(craftedReview('<script>alert(1)</script> =1+1 & « fin »')), 'jor.txt', 'JOR');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Kinds and nesting of blocks, whatever the order of their keys. */
const structure = (blocks: readonly Block[]): string =>
  blocks
    .map((b) =>
      b.type === 'paragraph' ? 'p' : `${b.ordered ? 'ol' : 'ul'}[${b.items.map((i) => structure(i.blocks)).join(',')}]`,
    )
    .join(' ');

/** Per question: the list structure (kinds and nesting) and the words, whitespace-normalised. */
function shape(review: ReviewDocument) {
  return review.sections.flatMap((s) =>
    s.questions.map((q) => ({
      id: q.id,
      text: blockTexts(q.answer.blocks).join(' ').replace(/\s+/gu, ' '),
      structure: structure(q.answer.blocks),
    })),
  );
}

const lines = (review: ReviewDocument) =>
  review.sections.flatMap((s) => s.questions.flatMap((q) => blockTexts(q.answer.blocks)));

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

describe('DOCX export', () => {
  const docx: Record<string, string> = {};

  beforeAll(async () => {
    for (const [country, lang] of [
      ['MAR', 'fr'],
      [AR.country, 'ar'],
    ] as const) {
      const file = await run({ country, format: 'docx', lang });
      expect(file.mediaType).toMatch(/wordprocessingml/u);
      expect(file.fileName).toBe(`${country.toLowerCase()}-arab-2021.${lang}.docx`);
      docx[lang] = join(dir, file.fileName);
      writeFileSync(docx[lang], file.bytes);
    }
    const paragraphs = await run({ country: 'MAR', format: 'docx', lang: 'fr', layout: 'paragraphs' });
    docx['fr.paragraphs'] = join(dir, 'mar-arab-2021.fr.paragraphs.docx');
    writeFileSync(docx['fr.paragraphs'], paragraphs.bytes);
  }, 60_000);

  for (const [country, lang] of [
    ['MAR', 'fr'],
    [AR.country, 'ar'],
  ] as const) {
    it(`${country} in ${lang} imports back to the same structure and answer text, in both layouts`, async () => {
      const stored = await getReview(t.storage.db, admin, country, 'arab-2021');
      for (const layout of ['table', 'paragraphs']) {
        const file = await run({ country, format: 'docx', lang, layout });
        const read = await importReview(t.storage.db, {
          bytes: file.bytes,
          file: file.fileName,
          country,
          cycle: 'arab-2021',
          dryRun: true,
          actor: admin,
        });
        expect(read.review.report.format).toBe('docx');
        expect(read.review.language, layout).toBe(stored.language);
        expect(shape(read.review), layout).toEqual(shape(stored));
      }
    });
  }

  it('converts with LibreOffice, and the PDF text holds every answer line in order', async () => {
    // In the table layout a question cell cut by a page break goes on beside its answer, and
    // pdftotext puts the two continuations one after the other: the order is checked on the
    // paragraphs layout, the table layout by reading the PDF back.
    const pdfs = docxToPdf([docx['fr.paragraphs']!, docx.ar!, docx.fr!], join(dir, 'pdf'));
    const seed = await getReview(t.storage.db, admin, 'MAR', 'arab-2021');
    // Page furniture comes between the lines of an answer cut by a page break: the footer, and
    // the table's header row repeated on the next page.
    const furniture = /^(?:Page \d+ sur \d+|Questions|Réponses)$/u;
    const text = squash(
      spawnSync('pdftotext', ['-enc', 'UTF-8', pdfs[0]!, '-'], { encoding: 'utf8' })
        .stdout.split(/[\n\f]/u)
        .filter((line) => !furniture.test(line.trim()))
        .join('\n'),
    );
    // pdftotext joins a word hyphenated at a line's end (« Sud-|Sud » → « SudSud »): compare without hyphens.
    const bare = (line: string) => squash(line).replace(/-/gu, '');
    const flat = bare(text);
    let at = 0;
    for (const line of lines(seed)) {
      const found = flat.indexOf(bare(line), at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    // Arabic: pdftotext gives visual-order, shaped text; the PDF reader (which repairs it) must
    // give back the same answers.
    const arabic = await importReview(t.storage.db, {
      bytes: readFileSync(pdfs[1]!),
      file: 'tun.pdf',
      country: AR.country,
      cycle: 'arab-2021',
      dryRun: true,
      actor: admin,
    });
    expect(shape(arabic.review)).toEqual(shape(await getReview(t.storage.db, admin, AR.country, 'arab-2021')));
    const french = await importReview(t.storage.db, {
      bytes: readFileSync(pdfs[2]!),
      file: 'mar.pdf',
      country: 'MAR',
      cycle: 'arab-2021',
      dryRun: true,
      actor: admin,
    });
    expect(shape(french.review)).toEqual(shape(seed));
  }, 300_000);
});

describe('CSV export', () => {
  it('has one row per answer line, with a BOM, and neutralises formula-like text', async () => {
    const file = await run({ country: 'MAR', format: 'csv', lang: 'fr' });
    expect(file.mediaType).toMatch(/^text\/csv/u);
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFcountry,cycle,question_id,depth,kind,ordered,text,synthetic\r\n')).toBe(true);
    const seed = await getReview(t.storage.db, admin, 'MAR', 'arab-2021');
    // No answer line of the seed holds a line break, so rows are lines.
    const rows = text
      .slice(1)
      .split('\r\n')
      .filter((row) => row !== '');
    expect(rows.length - 1).toBe(lines(seed).length);
    expect(rows.slice(1).every((row) => row.startsWith('MAR,arab-2021,'))).toBe(true);
    expect(rows.slice(1).every((row) => row.endsWith(',false'))).toBe(true); // Morocco's words are not synthetic
    expect(rows.some((row) => /,1,item,(true|false),/u.test(row))).toBe(true); // nested items have depth 1
  });

  it('quotes per RFC 4180 and prefixes =, +, -, @ with a single quote', () => {
    const csv = reviewCsv({
      country: 'JOR',
      cycle: 'arab-2021',
      language: 'en',
      title: 'T',
      facts: [],
      sections: [
        {
          id: 'I',
          title: 'S',
          questions: [
            {
              id: 'I.a',
              text: 'Q',
              answer: {
                blocks: [
                  { type: 'paragraph', text: '=HYPERLINK("http://x","y")' },
                  { type: 'list', ordered: true, items: [{ text: '-2, "quoted"', blocks: [] }] },
                  { type: 'paragraph', text: '@SUM(A1)' },
                  { type: 'paragraph', text: '+1' },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(csv.split('\r\n').slice(1, 5)).toEqual([
      `JOR,arab-2021,I.a,0,paragraph,,"'=HYPERLINK(""http://x"",""y"")",false`,
      `JOR,arab-2021,I.a,0,item,true,"'-2, ""quoted""",false`,
      `JOR,arab-2021,I.a,0,paragraph,,'@SUM(A1),false`,
      `JOR,arab-2021,I.a,0,paragraph,,'+1,false`,
    ]);
  });
});

describe('HTML and JSON export', () => {
  it('HTML is self-contained, in the export language and direction, with stored text escaped', async () => {
    const file = await run({ country: 'JOR', format: 'html', lang: 'ar' });
    const page = file.bytes.toString('utf8');
    expect(page).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/u);
    expect(page).not.toMatch(/<script/iu);
    expect(page).not.toMatch(/<link |src=|url\(/u);
    expect(page).toContain('&#60;script&#62;alert(');
    expect(page).toContain(')&#60;/script&#62; =1+1 &#38; « fin »');
    expect(page).toMatch(/class="answer-text" lang="fr" dir="ltr"/u);
    const arabic = (await run({ country: AR.country, format: 'html', lang: 'fr' })).bytes.toString('utf8');
    expect(arabic).toMatch(/<html lang="fr" dir="ltr">/u);
    expect(arabic).toMatch(/class="answer-text" lang="ar" dir="rtl"/u);
  });

  it('JSON is the review contract', async () => {
    const file = await run({ country: 'MAR', format: 'json' });
    expect(JSON.parse(file.bytes.toString('utf8'))).toEqual(
      JSON.parse(JSON.stringify(await getReview(t.storage.db, admin, 'MAR', 'arab-2021'))),
    );
  });

  it('refuses an unknown format or layout', async () => {
    await expect(run({ country: 'MAR', format: 'pdfx' })).rejects.toMatchObject({ code: 'export.unsupported_format' });
    await expect(run({ country: 'MAR', format: 'docx', layout: 'grid' })).rejects.toMatchObject({
      code: 'export.unsupported_layout',
    });
  });
});

describe('the export endpoint', () => {
  it('hides a draft from an anonymous client, serves a published review, and records each export', async () => {
    const app = await buildServer({ storage: t.storage, logLevel: 'silent' });
    try {
      const url = '/api/v1/reviews/JOR/arab-2021/export?format=docx&lang=ar';
      const hidden = await app.inject({ method: 'GET', url });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('review.not_found');
      await publishReview(t.storage.db, 'JOR', 'arab-2021');
      const shown = await app.inject({ method: 'GET', url });
      expect(shown.statusCode).toBe(200);
      expect(shown.headers['content-type']).toMatch(/wordprocessingml/u);
      expect(shown.headers['content-disposition']).toBe(
        `attachment; filename="jor-arab-2021.v1.ar.docx"; filename*=UTF-8''jor-arab-2021.v1.ar.docx`,
      );
      expect(shown.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const bad = await app.inject({ method: 'GET', url: '/api/v1/reviews/JOR/arab-2021/export?format=odt' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().code).toBe('export.unsupported_format');
      const events = await t.storage.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'review.export')
        .where('country', '=', 'JOR')
        .execute();
      expect(events.map((e) => [e.actor, e.details])).toContainEqual([
        'anonymous',
        { format: 'docx', lang: 'ar', layout: 'table' },
      ]);
    } finally {
      await app.close();
    }
  });
});
