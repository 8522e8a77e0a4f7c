import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { exportDocx, type DocxLayout } from '../../src/documents/export-docx.js';
import { blockTexts, normalizeText, type Block } from '../../src/domain/blocks.js';
import { buildReviewDocument, type ReviewDocument } from '../../src/domain/review.js';
import { TABLE_LABELS, arab2021, docxToPdf, fixtureReview, seedReview, writeDocxFixture } from '../support/fixtures.js';
import { ROOT } from '../support/pacte.js';

// The DOCX is checked by its structure (WordprocessingML read back from the zip), never by bytes.

async function unzip(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const files = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const stream: Readable = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return files;
}

interface Docx {
  document: string;
  numbering: string;
  styles: string;
  footer: string;
}

async function open(review: ReviewDocument, layout: DocxLayout): Promise<Docx> {
  const files = await unzip(await exportDocx(review, { layout, labels: TABLE_LABELS[review.language] }));
  const part = (name: string): string => {
    const xml = files.get(name);
    if (xml === undefined) throw new Error(`no ${name} in the DOCX`);
    return xml;
  };
  const footer = [...files.keys()].find((name) => /^word\/footer\d*\.xml$/u.test(name));
  return {
    document: part('word/document.xml'),
    numbering: part('word/numbering.xml'),
    styles: part('word/styles.xml'),
    footer: part(footer ?? 'word/footer1.xml'),
  };
}

const all = (xml: string, pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => m[0]);
const tables = (xml: string): string[] => all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/gu);
const rows = (xml: string): string[] => all(xml, /<w:tr[ >][\s\S]*?<\/w:tr>/gu);
const cells = (xml: string): string[] => all(xml, /<w:tc>[\s\S]*?<\/w:tc>/gu);
const paragraphs = (xml: string): string[] => all(xml, /<w:p[ >][\s\S]*?<\/w:p>/gu);
const runs = (xml: string): string[] => all(xml, /<w:r>[\s\S]*?<\/w:r>/gu);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&(\w+);/gu, (whole, name: string) => ENTITIES[name] ?? whole);
}
const texts = (xml: string): string[] => paragraphs(xml).map(text);
const attr = (xml: string, element: string, name = 'w:val'): string | undefined =>
  new RegExp(`<${element} [^>]*${name}="([^"]*)"`, 'u').exec(xml)?.[1];

/** A list paragraph's level and the format and text of that level, from numbering.xml. */
interface ListLevel {
  text: string;
  ilvl: number;
  numId: string;
  format: string | undefined;
  lvlText: string | undefined;
}

function listLevels(paragraphXml: string[], numbering: string): ListLevel[] {
  const abstractOf = new Map(
    [...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/gu)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  const abstracts = new Map(
    [...numbering.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu)].map(
      (m) => [m[1], m[2] ?? ''],
    ),
  );
  return paragraphXml.flatMap((p) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(p)?.[1];
    if (numPr === undefined) return [];
    const ilvl = Number(attr(numPr, 'w:ilvl'));
    const numId = attr(numPr, 'w:numId') ?? '';
    const abstract = abstracts.get(abstractOf.get(numId) ?? '') ?? '';
    const level = new RegExp(`<w:lvl w:ilvl="${ilvl}"[^>]*>([\\s\\S]*?)</w:lvl>`, 'u').exec(abstract)?.[1] ?? '';
    return [{ text: text(p), ilvl, numId, format: attr(level, 'w:numFmt'), lvlText: attr(level, 'w:lvlText') }];
  });
}

/** Every list of the blocks, nested ones included, with the depth it is at. */
function lists(blocks: readonly Block[], depth = 0): { ordered: boolean; depth: number; items: number }[] {
  return blocks.flatMap((block) =>
    block.type === 'paragraph'
      ? []
      : [
          { ordered: block.ordered, depth, items: block.items.length },
          ...block.items.flatMap((item) => lists(item.blocks, depth + 1)),
        ],
  );
}
const answerBlocks = (review: ReviewDocument): Block[] =>
  review.sections.flatMap((s) => s.questions.flatMap((q) => q.answer.blocks));

const letter = (id: string): string => id.split('.').pop() ?? '';
const MARKER = /^\s*(?:[▪•●◦○✓✔■–-]|\d{1,2}[.)]\s)/u;
/**
 * Form used to find a sentence in text extracted from a PDF: without whitespace, bidi controls
 * or hyphens (pdftotext drops the hyphen of a word wrapped at it: « Addis-|Abeba » → AddisAbeba).
 */
const squeeze = (s: string): string =>
  s.normalize('NFC').replace(/[\s\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069-]/gu, '');

describe('exportDocx: the seed in the questionnaire’s table layout', async () => {
  const seed = seedReview();
  const docx = await open(seed, 'table');
  const body = docx.document;

  it('starts with the title, then one « I.- Title » Heading 1 per section', () => {
    const first = paragraphs(body)[0] ?? '';
    expect(attr(first, 'w:pStyle')).toBe('Title');
    expect(text(first)).toBe(seed.title);
    const headings = paragraphs(body)
      .filter((p) => attr(p, 'w:pStyle') === 'Heading1')
      .map(text);
    expect(headings).toEqual(seed.sections.map((s) => `${s.id}.- ${s.title}`));
    expect(headings[0]).toBe(
      'I.- Questions sur la méthodologie utilisée dans l’élaboration de l’examen national du Pacte mondial',
    );
  });

  it('has one two-column table per section: a repeated header row, then one row per question', () => {
    const found = tables(body);
    expect(found).toHaveLength(5);
    expect(found.flatMap(rows)).toHaveLength(24 + 5);
    found.forEach((table, index) => {
      const [header, ...questions] = rows(table);
      expect(header).toContain('<w:tblHeader/>');
      expect(cells(header ?? '').map(text)).toEqual(['Questions', 'Réponses']);
      expect(questions.filter((row) => row.includes('w:tblHeader'))).toEqual([]);
      expect(all(table, /<w:gridCol /gu)).toHaveLength(2);
      const section = seed.sections[index];
      expect(questions.map((row) => text(cells(row)[0] ?? ''))).toEqual(
        section?.questions.map((q) => `${letter(q.id)}) ${q.text}`),
      );
    });
    expect(text(cells(rows(found[0] ?? '')[1] ?? '')[0] ?? '')).toMatch(/^a\) Est-ce qu’un mécanisme/u);
  });

  it('puts each answer’s texts, in order, in its answer cell (one paragraph each)', () => {
    const questions = seed.sections.flatMap((s) => s.questions);
    const answerCells = tables(body).flatMap((t) =>
      rows(t)
        .slice(1)
        .map((row) => cells(row)[1] ?? ''),
    );
    expect(answerCells).toHaveLength(questions.length);
    answerCells.forEach((cell, i) => {
      expect(texts(cell).filter((t) => t !== '')).toEqual(blockTexts(questions[i]?.answer.blocks ?? []));
    });
  });

  it('writes lists as Word numbering, never as typed markers', () => {
    const levels = listLevels(paragraphs(body), docx.numbering);
    const expected = lists(answerBlocks(seed));
    expect(levels).toHaveLength(expected.reduce((n, l) => n + l.items, 0));
    // One numbering instance per list, so that each numbered list starts again at 1.
    expect(new Set(levels.map((l) => l.numId)).size).toBe(expected.length);
    for (const level of levels) {
      expect(level.format).toMatch(/^(?:bullet|decimal)$/u);
      if (level.format === 'decimal') expect(level.lvlText).toBe(`%${level.ilvl + 1}.`);
    }
    const typed = texts(body).filter((t) => MARKER.test(t));
    expect(typed).toEqual([]);
  });

  it('nests I.g’s lists at levels 0, 1 and 2: ▪ then ◦ bullets, then a numbered list', () => {
    const ig = rows(tables(body)[0] ?? '').find((row) => text(cells(row)[0] ?? '').startsWith('g) '));
    const levels = listLevels(paragraphs(cells(ig ?? '')[1] ?? ''), docx.numbering);
    expect([...new Set(levels.map((l) => l.ilvl))].sort()).toEqual([0, 1, 2]);
    const at = (ilvl: number): Set<string> =>
      new Set(levels.filter((l) => l.ilvl === ilvl).map((l) => `${l.format} ${l.lvlText}`));
    expect(at(0)).toEqual(new Set(['bullet ▪']));
    expect(at(1)).toEqual(new Set(['bullet ◦']));
    expect(at(2)).toEqual(new Set(['decimal %3.']));
    expect(levels.find((l) => l.ilvl === 2)?.text).toBe('Le problème de la migration des mineurs non-accompagnés ;');
  });

  it('defines bullet and decimal formats in numbering.xml', () => {
    expect(docx.numbering).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="▪"\/>/u);
    expect(docx.numbering).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/u);
  });

  it('is A4, French, with the page number in the footer and no right-to-left markup', () => {
    expect(attr(body, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(body, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(docx.styles, 'w:lang')).toBe('fr-FR');
    expect(docx.footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/u);
    expect(body).not.toContain('<w:bidi/>');
    expect(body).not.toContain('<w:rtl/>');
    expect(body).not.toContain('<w:bidiVisual/>');
  });
});

describe('exportDocx: paragraphs layout', () => {
  it('writes each question as a bold paragraph followed by its answer, with no table', async () => {
    const review = fixtureReview('en');
    const docx = await open(review, 'paragraphs');
    expect(tables(docx.document)).toEqual([]);
    expect(texts(docx.document).filter((t) => t !== '')).toEqual([
      review.title,
      ...review.sections.flatMap((s) => [
        `${s.id}.- ${s.title}`,
        ...s.questions.flatMap((q) => [`${letter(q.id)}) ${q.text}`, ...blockTexts(q.answer.blocks)]),
      ]),
    ]);
    const question = paragraphs(docx.document).find((p) => text(p).startsWith('a) Was a mechanism'));
    expect(question).toContain('<w:b/>');
    expect(attr(docx.styles, 'w:lang')).toBe('en-GB');
    const levels = listLevels(paragraphs(docx.document), docx.numbering);
    const expected = lists(answerBlocks(review));
    expect(levels).toHaveLength(expected.reduce((n, l) => n + l.items, 0));
    expect(new Set(levels.map((l) => l.numId)).size).toBe(expected.length);
    expect(levels.filter((l) => l.format === 'decimal').map((l) => l.text)).toEqual([
      'We chose the objectives that matter most for migrant workers and refugees.',
      'We asked each ministry to report on the objectives it is in charge of.',
      'We checked the draft with civil society before sending it.',
    ]);
  });
});

describe('exportDocx: Arabic', async () => {
  const review = fixtureReview('ar');
  const docx = await open(review, 'table');

  it('makes every paragraph right-to-left, every run rtl and the tables visually right-to-left', () => {
    const all = paragraphs(docx.document);
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((p) => !p.includes('<w:bidi/>'))).toEqual([]);
    expect(runs(docx.document).filter((r) => !r.includes('<w:rtl/>'))).toEqual([]);
    expect(tables(docx.document)).toHaveLength(5);
    expect(tables(docx.document).filter((t) => !t.includes('<w:bidiVisual/>'))).toEqual([]);
    expect(paragraphs(docx.footer).filter((p) => !p.includes('<w:bidi/>'))).toEqual([]);
    expect(cells(rows(tables(docx.document)[0] ?? '')[0] ?? '').map(text)).toEqual(['الأسئلة', 'الإجابات']);
  });

  it('numbers sections with Arabic ordinals and questions with abjad letters', () => {
    const headings = paragraphs(docx.document)
      .filter((p) => attr(p, 'w:pStyle') === 'Heading1')
      .map(text);
    const ordinals = ['أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً'];
    expect(headings).toEqual(review.sections.map((s, i) => `${ordinals[i]}: ${s.title}`));
    const abjad = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح'];
    tables(docx.document).forEach((table, index) => {
      const questions = rows(table).slice(1);
      expect(questions.map((row) => text(cells(row)[0] ?? ''))).toEqual(
        review.sections[index]?.questions.map((q, i) => `${abjad[i]}) ${q.text}`),
      );
    });
    const first = text(cells(rows(tables(docx.document)[0] ?? '')[5] ?? '')[0] ?? '');
    expect(first).toMatch(/^هـ\) هل جرى التواصل/u);
    expect(texts(docx.document).filter((t) => /^[a-h]\) |^[IVX]+\.- /u.test(t))).toEqual([]);
  });

  it('sets Arabic as the language and a font with Arabic for complex script', () => {
    expect(attr(docx.styles, 'w:lang')).toBe('ar-SA');
    expect(attr(docx.styles, 'w:lang', 'w:bidi')).toBe('ar-SA');
    expect(attr(docx.styles, 'w:rFonts', 'w:cs')).toBe('Noto Naskh Arabic');
    expect(attr(docx.styles, 'w:rFonts', 'w:hint')).toBe('cs');
  });
});

describe('review fixtures', () => {
  it.each(['en', 'ar'] as const)('%s.json is what buildReviewDocument makes of its answers', (language) => {
    const review = fixtureReview(language);
    const answers = new Map(
      review.sections.flatMap((s) => s.questions.map((q) => [q.id, { blocks: q.answer.blocks }] as const)),
    );
    const { country, cycle, title } = review;
    expect(review).toEqual(buildReviewDocument(arab2021(), { country, cycle, language, title }, answers, false));
    expect({ country, cycle, language: review.language }).toEqual({
      country: language === 'en' ? 'JOR' : 'TUN',
      cycle: 'arab-2021',
      language,
    });

    const questions = review.sections.flatMap((s) => s.questions);
    expect(questions).toHaveLength(24);
    const answered = questions.filter((q) => q.answer.blocks.length > 0);
    expect(answered).toHaveLength(8);
    expect(new Set(answered.map((q) => q.id.split('.')[0]))).toEqual(new Set(['I', 'II', 'III', 'IV', 'V']));

    const blocks = answerBlocks(review);
    expect(lists(blocks).some((l) => l.depth === 1)).toBe(true);
    expect(lists(blocks).some((l) => l.ordered)).toBe(true);
    expect(answered.some((q) => q.answer.blocks[0]?.type === 'paragraph' && q.answer.blocks[1]?.type === 'list')).toBe(
      true,
    );
    const all = blockTexts(blocks);
    expect(all.filter((t) => normalizeText(t) !== t)).toEqual([]);
    expect(all.join(' ')).toMatch(/\d/u);
    if (language === 'ar') expect(all.join(' ')).toMatch(/١٣٣٬٢٧٤ مهاجراً.*٪٩٠/u);
    else expect(all.join(' ')).toContain('In 2020, 1,250 migrants were assisted');
  });

  it('seedReview is the seed as a dry-run import lays it out: no revisions', () => {
    const seed = seedReview();
    expect(seed).toMatchObject({ country: 'MAR', cycle: 'arab-2021', language: 'fr' });
    const questions = seed.sections.flatMap((s) => s.questions);
    expect(questions).toHaveLength(24);
    expect(questions.filter((q) => 'revision' in q.answer)).toEqual([]);
  });
});

// Needs `apt-get install libreoffice-writer-nogui fonts-noto-core poppler-utils`.
// npm test installs LibreOffice: without it these fail, saying so (docxToPdf), never skip.
describe('exportDocx: LibreOffice reads what Pacte writes', () => {
  const out = join(ROOT, 'test-results', 'docx');
  mkdirSync(out, { recursive: true });

  const pdfText = (pdf: string): string => {
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    return result.stdout;
  };
  /** Pages 1–2 as PNG in test-results/docx, to look at. */
  const pictures = (pdf: string): void => {
    const prefix = pdf.replace(/\.pdf$/u, '');
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, prefix], { timeout: 60_000 });
    expect(existsSync(`${prefix}-1.png`) || existsSync(`${prefix}-01.png`)).toBe(true);
  };
  const pageSize = (pdf: string): string =>
    /Page size:\s*(.*)/u.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? '';

  it('converts the seed (table layout) to an A4 PDF holding its answers', async () => {
    const pdf = docxToPdf(await writeDocxFixture(seedReview(), 'table', out), out);
    const extracted = squeeze(pdfText(pdf));
    for (const sentence of [
      '54.000 demandes',
      'Addis-Abeba',
      'Questions Réponses',
      'I.- Questions sur la méthodologie',
    ])
      expect(extracted).toContain(squeeze(sentence));
    expect(pageSize(pdf)).toMatch(/^595\.\d* x 841\.\d* pts \(A4\)/u);
    pictures(pdf);
  }, 180_000);

  it('converts the Arabic fixture to a PDF holding its Arabic sentences', async () => {
    const pdf = docxToPdf(await writeDocxFixture(fixtureReview('ar'), 'table', out), out);
    const extracted = squeeze(pdfText(pdf));
    // Sentences without diacritics or punctuation: extraction moves shadda, punctuation and digits.
    for (const sentence of [
      'ترأست اللجنة وزارة الشؤون الاجتماعية',
      'أرسلت اللجنة مشروع التقرير إلى جميع أعضائها قبل كل اجتماع',
      'الأسئلة',
      'الإجابات',
    ])
      expect(extracted).toContain(squeeze(sentence));
    pictures(pdf);
  }, 180_000);
});
