import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/domain/permissions.js';
import { blockTexts } from '../../src/domain/blocks.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { buildServer } from '../../src/http/server.js';
import { importReview, type ImportRequest } from '../../src/services/import-review.js';
import { docxToPdf, fixtureReview, writeDocxFixture } from '../support/fixtures.js';
import { publishReview, seedBytes } from '../support/pacte.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * The same review as text, DOCX (both layouts) and the PDF LibreOffice makes of the DOCX must
 * import to the same structure and the same answer text — in French, English and Arabic.
 */
let t: TestStorage;
let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestStorage();
  dir = mkdtempSync(join(tmpdir(), 'pacte-formats-'));
  const seed = (await dryRun(seedBytes(), 'seed.txt')).review;
  files['fr.table.docx'] = await writeDocxFixture(seed, 'table', dir);
  files['fr.paragraphs.docx'] = await writeDocxFixture(seed, 'paragraphs', dir);
  files['fr.table.pdf'] = docxToPdf(files['fr.table.docx'], dir);
  for (const language of ['en', 'ar'] as const) {
    files[`${language}.table.docx`] = await writeDocxFixture(fixtureReview(language), 'table', dir);
    files[`${language}.table.pdf`] = docxToPdf(files[`${language}.table.docx`]!, dir);
  }
}, 300_000);
afterAll(async () => {
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function dryRun(bytes: Uint8Array, file: string, options: Partial<ImportRequest> = {}) {
  return importReview(t.storage.db, {
    bytes,
    file,
    cycle: 'arab-2021',
    dryRun: true,
    actor: operator('test'),
    ...options,
  });
}

/** Per question: the list structure (kinds and nesting) and the words, whitespace-normalised. */
function shape(review: ReviewDocument) {
  return review.sections.flatMap((s) =>
    s.questions.map((q) => ({
      id: q.id,
      text: blockTexts(q.answer.blocks).join(' ').replace(/\s+/g, ' '),
      structure: JSON.stringify(q.answer.blocks, (key, value: unknown) => (key === 'text' ? undefined : value)),
    })),
  );
}

describe('importing the same review from text, Word and PDF', () => {
  it('gives the seed the same structure and answer text from .txt, .docx (table and paragraphs) and .pdf', async () => {
    const text = await dryRun(seedBytes(), 'seed.txt');
    expect(text.review.report.format).toBe('txt');
    for (const name of ['fr.table.docx', 'fr.paragraphs.docx', 'fr.table.pdf']) {
      const other = await dryRun(readFileSync(files[name]!), name);
      expect(other.review.report.format, name).toBe(name.split('.').pop());
      expect(other.review.country, name).toBe('MAR');
      expect(other.review.language, name).toBe('fr');
      expect(shape(other.review), name).toEqual(shape(text.review));
    }
  });

  for (const language of ['en', 'ar'] as const) {
    it(`reads the ${language} fixture back from DOCX and from PDF`, async () => {
      const expected = fixtureReview(language);
      for (const name of [`${language}.table.docx`, `${language}.table.pdf`]) {
        const read = await dryRun(readFileSync(files[name]!), name, { country: expected.country });
        expect(read.review.language, name).toBe(language);
        expect(shape(read.review), name).toEqual(shape(expected));
        expect(read.review.report.unanswered.length, name).toBe(16);
      }
    });
  }
});

describe('what an import understands', () => {
  it('lists the figures the seed quotes as facts, and no year, law number or name', async () => {
    const { facts } = (await dryRun(seedBytes(), 'seed.txt')).review;
    const values = facts.map((f) => f.value);
    for (const v of [133274, 24, 9, 111, 3804, 414, 33443, 50000, 54000, 90, 112, 15000, 8200, 4100, 2700, 435]) {
      expect(values, String(v)).toContain(v);
    }
    for (const v of [2013, 14, 19, 8, 5]) expect(values, String(v)).not.toContain(v);
    expect(facts.find((f) => f.value === 111)).toMatchObject({ kind: 'count', period: '2020', questionId: 'I.f' });
    expect(facts.find((f) => f.value === 54000)).toMatchObject({ unit: 'demandes', questionId: 'II.d' });
  });

  it('suggests objectives with their evidence, and reports what it recognised', async () => {
    const { objectives, report } = (await dryRun(seedBytes(), 'seed.txt')).review;
    expect(objectives['I.f']?.map((o) => o.number)).toContain(1);
    expect(objectives['II.d']?.map((o) => o.number)).toEqual(expect.arrayContaining([6, 7, 10]));
    for (const suggestions of Object.values(objectives)) {
      for (const s of suggestions) expect(s.score).toBeGreaterThan(0);
    }
    expect(report.recognised).toMatchObject({ sections: 5, questions: 24 });
    expect(report.recognised.items).toBe(86 + 27 + 2 + 6);
    expect(report.unanswered).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('stores facts and suggestions with the answers, and the API serves them', async () => {
    await importReview(t.storage.db, {
      bytes: readFileSync(files['fr.table.docx']!),
      file: 'seed.docx',
      country: 'MAR',
      cycle: 'arab-2021',
      dryRun: false,
      actor: operator('test'),
    });
    await publishReview(t.storage.db, 'MAR', 'arab-2021'); // for the public API to serve it
    const app = await buildServer({ storage: t.storage, logLevel: 'silent' });
    const review = (await app.inject({ url: '/api/v1/reviews/MAR/arab-2021' })).json();
    await app.close();
    expect(review.facts.map((f: { value: number }) => f.value)).toContain(133274);
    expect(review.objectives['I.f'].map((o: { number: number }) => o.number)).toContain(1);
    expect(review.objectives['I.f'][0].status).toBe('suggested');
  });
});

describe('an answer edited in Pacte since the last import', () => {
  it('is not overwritten by a re-import: it is reported as a conflict, the other answers are updated', async () => {
    const db = t.storage.db;
    await db.deleteFrom('review').execute();
    const base = { file: 'seed.txt', country: 'MAR', cycle: 'arab-2021', dryRun: false, actor: operator('test') };
    await importReview(db, { ...base, bytes: seedBytes() });
    const review = await db.selectFrom('review').select('id').executeTakeFirstOrThrow();
    // Someone edits I.a in Pacte (the workspace will do this through its editor).
    const edited = [{ type: 'paragraph' as const, text: 'Réponse révisée par le point focal.' }];
    await db
      .updateTable('answer')
      .set({ revision: 2, blocks: JSON.stringify(edited), updated_by: 'focal' })
      .where('review_id', '=', review.id)
      .where('question_id', '=', 'I.a')
      .execute();
    await db
      .insertInto('answer_revision')
      .values({
        review_id: review.id,
        question_id: 'I.a',
        revision: 2,
        blocks: JSON.stringify(edited),
        author: 'focal',
        origin: 'edit',
      })
      .execute();

    const changedFile = seedBytes()
      .toString('utf8')
      .replace('Aucun mécanisme', 'Nul mécanisme')
      .replace('La Direction des Questions Globales', 'La Direction Globale');
    const result = await importReview(db, { ...base, bytes: Buffer.from(changedFile), messages: 'fr' });
    expect(result.conflicts).toEqual(['I.a']);
    expect(result.changed).toEqual(['I.b']);
    const warning = result.review.report.warnings.find((w) => w.code === 'import.answer_edited');
    expect(warning).toMatchObject({ questionId: 'I.a' });
    expect(warning?.message).toContain('I.a');
    const stored = await db
      .selectFrom('answer')
      .select(['revision', 'blocks'])
      .where('question_id', '=', 'I.a')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ revision: 2, blocks: edited });
  });
});

describe('POST /api/v1/imports', () => {
  it('reads an uploaded Word file and says what it understood, storing nothing', async () => {
    const db = t.storage.db;
    await db.deleteFrom('review').execute();
    const app = await buildServer({ storage: t.storage, logLevel: 'silent' });
    const form = new FormData();
    form.append('country', 'MAR');
    form.append('file', new Blob([readFileSync(files['fr.table.docx']!)]), 'examen.docx');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: Object.fromEntries(request.headers),
      payload: Buffer.from(await request.arrayBuffer()),
    });
    await app.close();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.report.format).toBe('docx');
    expect(body.sections.flatMap((s: { questions: unknown[] }) => s.questions)).toHaveLength(24);
    expect(body.facts.length).toBeGreaterThan(10);
    expect(await db.selectFrom('review').select('id').execute()).toEqual([]);
  });

  it('refuses a file over the limit (413), a request without a file (400), in the asked language', async () => {
    const app = await buildServer({
      storage: t.storage,
      logLevel: 'silent',
      importLimits: {
        maxBytes: 1000,
        maxUncompressedBytes: 1e6,
        maxEntries: 100,
        toolTimeoutMs: 5000,
        toolMemoryBytes: 5e8,
      },
    });
    const send = async (form: FormData, lang: string) => {
      const request = new Request('http://x/', { method: 'POST', body: form });
      return app.inject({
        method: 'POST',
        url: `/api/v1/imports?lang=${lang}`,
        headers: Object.fromEntries(request.headers),
        payload: Buffer.from(await request.arrayBuffer()),
      });
    };
    const big = new FormData();
    big.append('file', new Blob([new Uint8Array(seedBytes())]), 'seed.txt');
    const tooLarge = await send(big, 'ar');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'import.file_too_large' });
    expect(tooLarge.json().message).toMatch(/[\u0600-\u06FF]/);
    const empty = new FormData();
    empty.append('country', 'MAR');
    const noFile = await send(empty, 'fr');
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ code: 'request.invalid' });
    await app.close();
  });
});
