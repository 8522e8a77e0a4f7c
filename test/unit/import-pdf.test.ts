import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../src/documents/import-pdf.js';
import { parseReviewText, type ParsedDocument } from '../../src/documents/import-text.js';
import { blockTexts, normalizeText, type Block } from '../../src/domain/blocks.js';
import { PacteError } from '../../src/domain/errors.js';
import type { Questionnaire } from '../../src/domain/questionnaire.js';
import type { ReviewDocument } from '../../src/domain/review.js';
import { arab2021, docxToPdf, fixtureReview, seedReview, writeDocxFixture } from '../support/fixtures.js';
import { SEED } from '../support/pacte.js';

const LIMITS = { timeoutMs: 30_000, memoryBytes: 1024 * 1024 * 1024 };

async function failure(run: () => Promise<unknown>): Promise<PacteError | string> {
  try {
    await run();
  } catch (error) {
    return error instanceof PacteError ? error : `not a PacteError: ${String(error)}`;
  }
  return 'no error';
}

const code = async (run: () => Promise<unknown>): Promise<string> => {
  const error = await failure(run);
  return error instanceof PacteError ? error.code : error;
};

/** A hand-made questionnaire: sections of questions given as [letter, English wording]. */
function questionnaire(sections: Record<string, [string, string][]>): Questionnaire {
  return {
    id: 'test',
    version: 1,
    title: { en: 'Test' },
    sourceLanguage: 'en',
    sections: Object.entries(sections).map(([id, questions]) => ({
      id,
      title: { en: `Section ${id}` },
      titleStatus: {},
      questions: questions.map(([letter, en]) => ({ id: `${id}.${letter}`, letter, text: { en }, textStatus: {} })),
    })),
  };
}

/** The nesting of blocks, without their text: « P U[(O[,]),] » … */
function shape(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'paragraph'
        ? 'P'
        : `${b.ordered ? 'O' : 'U'}[${b.items.map((i) => (i.blocks.length > 0 ? `(${shape(i.blocks)})` : '')).join(',')}]`,
    )
    .join(' ');
}

const answerText = (blocks: readonly Block[]): string => normalizeText(blockTexts(blocks).join(' '));

/** Compares a parsed PDF with the review it was made from: questions, wordings, answers, structure. */
function expectSameReview(doc: ParsedDocument, review: ReviewDocument): void {
  const expected = review.sections.flatMap((s) => s.questions).filter((q) => q.answer.blocks.length > 0);
  const answered = doc.questions.filter((q) => q.blocks.length > 0);
  expect(answered.map((q) => q.id)).toEqual(expected.map((q) => q.id));
  const wordings = new Map(review.sections.flatMap((s) => s.questions.map((q) => [q.id, q.text])));
  for (const q of doc.questions) expect(q.sourceText, q.id).toBe(normalizeText(wordings.get(q.id) ?? ''));
  for (const [i, q] of expected.entries()) {
    const got = answered[i]?.blocks ?? [];
    expect(answerText(got), q.id).toBe(answerText(q.answer.blocks));
    expect(shape(got), q.id).toBe(shape(q.answer.blocks));
  }
  expect(doc.title).toBe(review.title);
  expect(doc.unmatched).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Hand-made PDFs: Helvetica text at given places, no LibreOffice needed.

interface PlacedText {
  x: number;
  /** From the top of the page. */
  y: number;
  text: string;
}

const WIN_ANSI: Record<string, number> = { '…': 0x85, '’': 0x92, '•': 0x95, '–': 0x96, '—': 0x97 };

function winAnsi(text: string): Buffer {
  const bytes = [...text].map((c) => WIN_ANSI[c] ?? c.charCodeAt(0));
  return Buffer.from(bytes.flatMap((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? [0x5c, b] : [b])));
}

function handMadePdf(pages: PlacedText[][], options: { image?: boolean; encrypted?: boolean } = {}): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number =>
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const stream = (content: Buffer, dict = ''): Buffer =>
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length}${dict} >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('(pages, below)');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = options.image
    ? add(
        stream(
          randomBytes(64 * 64),
          ' /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8',
        ),
      )
    : 0;
  const kids: number[] = [];
  for (const page of pages) {
    const parts = page.map((t) =>
      Buffer.concat([
        Buffer.from(`BT /F1 10 Tf ${t.x} ${842 - t.y} Td (`, 'latin1'),
        winAnsi(t.text),
        Buffer.from(') Tj ET\n', 'latin1'),
      ]),
    );
    if (image) parts.push(Buffer.from('q 480 0 0 700 60 70 cm /Im1 Do Q\n', 'latin1'));
    const content = add(stream(Buffer.concat(parts)));
    const xobject = image ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>${xobject} >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  // A standard security handler whose key matches no password: readers must ask for one.
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`)
    : 0;
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ].join('\n');
  const security = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  chunks.push(
    Buffer.from(
      `${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R${security} >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

const english = questionnaire({
  I: [
    ['a', 'Was a coordination mechanism set up?'],
    ['b', 'Who led the review?'],
  ],
  II: [['a', 'What policies were adopted?']],
});

/** Three pages of a two-column table, with a running header and footer, page numbers and header rows. */
function tablePages(): PlacedText[][] {
  const furniture = (n: number): PlacedText[] => [
    { x: 60, y: 30, text: 'Republic of Testland - National review 2021' },
    { x: 270, y: 815, text: `Page ${n} / 3` },
    { x: 60, y: 60, text: 'Questions' },
    { x: 300, y: 60, text: 'Answers' },
  ];
  return [
    [
      ...furniture(1),
      { x: 60, y: 90, text: 'National review of Testland' },
      { x: 60, y: 110, text: 'I.- Methodology' },
      { x: 60, y: 140, text: 'a) Was a coordination' },
      { x: 60, y: 152, text: 'mechanism set up?' },
      { x: 300, y: 140, text: '•' },
      { x: 312, y: 140, text: 'Yes, an inter-ministerial committee' },
      { x: 312, y: 152, text: 'chaired by the Prime Minister.' },
      { x: 320, y: 166, text: '–' },
      { x: 332, y: 166, text: 'It met twice, in 2019 and 2020.' },
      { x: 300, y: 180, text: '•' },
      { x: 312, y: 180, text: 'Its secretariat is the Ministry of Labour.' },
      { x: 60, y: 210, text: 'b) Who led the review?' },
      { x: 300, y: 210, text: 'The Ministry of Labour led it, with the' },
      { x: 300, y: 222, text: 'statistics office.' },
    ],
    [
      ...furniture(2),
      { x: 300, y: 90, text: 'b) the review was published in 2021.' },
      { x: 60, y: 130, text: 'II.- Policies' },
      { x: 60, y: 160, text: 'a) What policies were adopted?' },
      { x: 300, y: 160, text: '1.' },
      { x: 312, y: 160, text: 'A migration law;' },
      { x: 300, y: 172, text: '2.' },
      { x: 312, y: 172, text: 'A labour agreement, signed with' },
      { x: 312, y: 184, text: 'three countries in 2019;' },
    ],
    [...furniture(3), { x: 300, y: 90, text: '3.' }, { x: 312, y: 90, text: 'A new agency.' }],
  ];
}

// npm test installs poppler-utils and LibreOffice: without them these fail, saying so — never skip.
describe('readPdfText on hand-made PDFs', () => {
  it('reads a two-column table row by row, without page furniture', async () => {
    const text = await readPdfText(handMadePdf(tablePages()), 'table.pdf', LIMITS);
    expect(text).not.toMatch(/Republic of Testland|Page \d|Questions|Answers/u);
    const doc = parseReviewText(text, english);
    expect(doc.title).toBe('National review of Testland');
    expect(doc.unmatched).toEqual([]);
    expect(doc.questions).toEqual([
      {
        id: 'I.a',
        sourceText: 'Was a coordination mechanism set up?',
        blocks: [
          {
            type: 'list',
            ordered: false,
            items: [
              {
                text: 'Yes, an inter-ministerial committee chaired by the Prime Minister.',
                blocks: [
                  { type: 'list', ordered: false, items: [{ text: 'It met twice, in 2019 and 2020.', blocks: [] }] },
                ],
              },
              { text: 'Its secretariat is the Ministry of Labour.', blocks: [] },
            ],
          },
        ],
      },
      {
        id: 'I.b',
        sourceText: 'Who led the review?',
        // « b) » starts a line of the answer: it stays in the answer (as an item), not a question.
        blocks: [
          { type: 'paragraph', text: 'The Ministry of Labour led it, with the statistics office.' },
          { type: 'list', ordered: false, items: [{ text: 'b) the review was published in 2021.', blocks: [] }] },
        ],
      },
      {
        id: 'II.a',
        sourceText: 'What policies were adopted?',
        blocks: [
          {
            type: 'list',
            ordered: true,
            items: [
              { text: 'A migration law;', blocks: [] },
              { text: 'A labour agreement, signed with three countries in 2019;', blocks: [] },
              { text: 'A new agency.', blocks: [] },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps a page number that is text, and drops one alone at the foot of a page', async () => {
    const text = await readPdfText(
      handMadePdf([
        [
          { x: 60, y: 100, text: 'I.- Methodology' },
          { x: 60, y: 130, text: 'a) Was a coordination mechanism set up?' },
          { x: 60, y: 170, text: '12' },
          { x: 290, y: 815, text: '- 1 -' },
        ],
      ]),
      'single.pdf',
      LIMITS,
    );
    expect(text.split('\n')).toEqual(['I.- Methodology', 'a) Was a coordination mechanism set up?', '12']);
  });

  it('says when a PDF has no text (a scan)', async () => {
    const pdf = handMadePdf([[], []], { image: true });
    expect(await code(() => readPdfText(pdf, 'scan.pdf', LIMITS))).toBe('import.no_text');
  });

  it('says when a PDF is damaged or not a PDF', async () => {
    const pdf = handMadePdf(tablePages());
    const truncated = pdf.subarray(0, Math.floor(pdf.length * 0.6));
    expect(await code(() => readPdfText(truncated, 'truncated.pdf', LIMITS))).toBe('import.corrupt_file');
    expect(await code(() => readPdfText(randomBytes(20_000), 'random.pdf', LIMITS))).toBe('import.corrupt_file');
    const fake = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000)]);
    const error = await failure(() => readPdfText(fake, 'fake.pdf', LIMITS));
    expect(error).toBeInstanceOf(PacteError);
    expect(error instanceof PacteError && error.details).toMatchObject({ file: 'fake.pdf', format: 'pdf' });
    expect(error instanceof PacteError && error.code).toBe('import.corrupt_file');
  });

  it('says when a PDF needs a password', async () => {
    const pdf = handMadePdf(tablePages(), { encrypted: true });
    expect(await code(() => readPdfText(pdf, 'locked.pdf', LIMITS))).toBe('import.password_protected');
  });

  it('stops pdftotext when it takes too long', async () => {
    const pdf = handMadePdf(tablePages());
    const started = Date.now();
    const error = await failure(() => readPdfText(pdf, 'slow.pdf', { ...LIMITS, timeoutMs: 1 }));
    expect(error instanceof PacteError && error.code).toBe('import.timeout');
    expect(error instanceof PacteError && error.details).toMatchObject({ file: 'slow.pdf' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says which tool is missing and how to install it', async () => {
    const path = process.env.PATH;
    const empty = mkdtempSync(join(tmpdir(), 'pacte-empty-path-'));
    process.env.PATH = empty;
    try {
      const error = await failure(() => readPdfText(handMadePdf(tablePages()), 'any.pdf', LIMITS));
      expect(error instanceof PacteError && error.code).toBe('import.tool_missing');
      expect(error instanceof PacteError && error.details).toEqual({
        file: 'any.pdf',
        tool: 'pdftotext',
        install: 'apt-get install poppler-utils',
      });
    } finally {
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// PDFs made by LibreOffice from DOCX files.

const FR = Object.fromEntries(
  arab2021()
    .sections.flatMap((s) => s.questions)
    .map((q) => [q.id, q.text.fr ?? '']),
);
const SECTION_TITLES = Object.fromEntries(arab2021().sections.map((s) => [s.id, s.title.fr ?? '']));

const long = (n: number): string =>
  `Élément ${n} : le comité national a suivi la mise en œuvre des objectifs du Pacte mondial avec les ministères, les collectivités territoriales et les associations de migrants.`;

/**
 * A review as Word writes one: Wingdings and Symbol bullets (Private Use Area characters), a
 * « o » in Courier New at the second level, numbers and letters followed by a tab, a running
 * header and a « Page n / m » footer, and the table header row repeated on each page.
 */
const WORD_ANSWERS: Record<string, Block[]> = {
  'I.a': [
    {
      type: 'list',
      ordered: false,
      items: [
        {
          text: long(1),
          blocks: [
            {
              type: 'list',
              ordered: false,
              items: [
                { text: long(2), blocks: [] },
                {
                  text: long(3),
                  blocks: [
                    {
                      type: 'list',
                      ordered: true,
                      items: [
                        { text: 'Premier point ;', blocks: [] },
                        { text: 'Deuxième point.', blocks: [] },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { text: long(4), blocks: [] },
      ],
    },
  ],
  'I.b': [
    {
      type: 'list',
      ordered: false,
      items: [
        { text: long(5), blocks: [{ type: 'list', ordered: false, items: [{ text: long(6), blocks: [] }] }] },
        { text: long(7), blocks: [] },
      ],
    },
  ],
  'I.c': [
    { type: 'paragraph', text: long(8) },
    {
      type: 'list',
      ordered: true,
      items: Array.from({ length: 12 }, (_, i) => ({ text: long(10 + i), blocks: [] })),
    },
  ],
};

function wingdings(levels: [string, string][]): ILevelsOptions[] {
  return levels.map(([text, font], level) => ({
    level,
    format: text === '%3.' ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } },
      ...(font === '' ? {} : { run: { font } }),
    },
  }));
}

async function wordLikeDocx(): Promise<Buffer> {
  const reference = (id: string): string => (id === 'I.b' ? 'symbol' : 'wingdings');
  const paragraphs = (id: string, blocks: readonly Block[], level = 0): Paragraph[] =>
    blocks.flatMap((block) =>
      block.type === 'paragraph'
        ? [new Paragraph(block.text)]
        : block.items.flatMap((item) => [
            new Paragraph({
              text: item.text,
              numbering: { reference: block.ordered && level === 0 ? 'decimal' : reference(id), level },
            }),
            ...paragraphs(id, item.blocks, level + 1),
          ]),
    );
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA } });
  const row = (id: string, extra: Paragraph[] = []): TableRow =>
    new TableRow({
      children: [
        cell([new Paragraph(`${id.split('.')[1] ?? ''}) ${FR[id] ?? ''}`)], 3600),
        cell([...paragraphs(id, WORD_ANSWERS[id] ?? []), ...extra], 5400),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    children: [cell([new Paragraph('Questions')], 3600), cell([new Paragraph('Réponses')], 5400)],
  });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'wingdings',
          levels: wingdings([
            ['\uF0A7', 'Wingdings'],
            ['\uF0FC', 'Wingdings'],
            ['%3.', ''],
          ]),
        },
        {
          reference: 'symbol',
          levels: wingdings([
            ['\uF0B7', 'Symbol'],
            ['o', 'Courier New'],
          ]),
        },
        {
          reference: 'decimal',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({ children: [new Paragraph('Document de travail — version du 12 mars 2021')] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph('Examen national du Royaume de Test'),
          new Paragraph(`I.- ${SECTION_TITLES.I ?? ''}`),
          new Table({
            rows: [
              header,
              // A typed « c) » at the start of an answer's paragraph is not question I.c.
              row('I.a', [new Paragraph('c) les collectivités territoriales ont aussi été consultées.')]),
              row('I.b'),
              row('I.c'),
            ],
            width: { size: 9000, type: WidthType.DXA },
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe('readPdfText on PDFs made by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacte-import-pdf-'));
  const pdf = (docx: string): Buffer => readFileSync(join(dir, 'pdf', basename(docx).replace(/\.docx$/u, '.pdf')));
  const questionnaire = arab2021();
  const reviews = { fr: seedReview(), en: fixtureReview('en'), ar: fixtureReview('ar') };
  const files: Record<string, string> = {};

  beforeAll(async () => {
    for (const [language, review] of Object.entries(reviews))
      for (const layout of ['table', 'paragraphs'] as const) {
        files[`${language}.${layout}`] = await writeDocxFixture(review, layout, join(dir, 'docx'));
      }
    files.word = join(dir, 'docx', 'word-like.docx');
    writeFileSync(files.word, await wordLikeDocx());
    mkdirSync(join(dir, 'pdf'), { recursive: true });
    docxToPdf(Object.values(files), join(dir, 'pdf'));
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = (key: string): Promise<string> => readPdfText(pdf(files[key] ?? ''), `${key}.pdf`, LIMITS);

  it('reads the seed’s table as the text import reads the seed', async () => {
    const started = Date.now();
    const text = await read('fr.table');
    expect(Date.now() - started).toBeLessThan(10_000);
    const fromPdf = parseReviewText(text, questionnaire);
    const fromText = parseReviewText(readFileSync(SEED, 'utf8'), questionnaire);
    expect(fromPdf.questions.map((q) => q.id)).toEqual(fromText.questions.map((q) => q.id));
    expect(fromPdf.questions).toHaveLength(24);
    for (const [i, q] of fromText.questions.entries()) {
      const got = fromPdf.questions[i];
      expect(got?.sourceText, q.id).toBe(q.sourceText);
      expect(answerText(got?.blocks ?? []), q.id).toBe(answerText(q.blocks));
      expect(shape(got?.blocks ?? []), q.id).toBe(shape(q.blocks));
    }
    expect(fromPdf.title).toBe(fromText.title);
    expect(fromPdf.language).toBe('fr');
    expect(fromPdf.unmatched).toEqual([]);
    // No page number, footer or repeated header row is left in the text.
    expect(text).not.toMatch(/^(?:\d+|Questions|Réponses|Questions Réponses)$/mu);
  });

  it('reads the seed laid out as paragraphs', async () => {
    expectSameReview(parseReviewText(await read('fr.paragraphs'), questionnaire), reviews.fr);
  });

  it('reads the English review, in a table and as paragraphs', async () => {
    for (const layout of ['table', 'paragraphs']) {
      const doc = parseReviewText(await read(`en.${layout}`), questionnaire);
      expectSameReview(doc, reviews.en);
      expect(doc.language).toBe('en');
    }
  });

  it('reads the Arabic review right to left, in a table and as paragraphs', async () => {
    for (const layout of ['table', 'paragraphs']) {
      const text = await read(`ar.${layout}`);
      const doc = parseReviewText(text, questionnaire);
      expectSameReview(doc, reviews.ar);
      expect(doc.language).toBe('ar');
      // Visual order, detached marks and split words are all repaired.
      for (const needle of ['أُنشئت', 'مسؤولاً', 'ضمّت', 'وفّر', '١٣٣٬٢٧٤ مهاجراً في سنة 2020.', '٪٩٠', 'كوفيد-19', 'و/أو'])
        expect(text, needle).toContain(needle);
    }
  });

  it('reads a Word-like review: its bullets, numbers and levels, without header and footer', async () => {
    // Several pages, so that the header and the footer are running ones.
    expect(
      pdf(files.word ?? '')
        .toString('latin1')
        .match(/\/Type\s*\/Page(?!s)/gu)?.length,
    ).toBeGreaterThanOrEqual(2);
    const text = await read('word');
    expect(text).not.toMatch(/Document de travail|Page \d|^Questions$|^Réponses$/mu);
    const doc = parseReviewText(text, questionnaire);
    expect(doc.title).toBe('Examen national du Royaume de Test');
    expect(doc.unmatched).toEqual([]);
    expect(doc.questions.map((q) => [q.id, q.sourceText])).toEqual(
      ['I.a', 'I.b', 'I.c'].map((id) => [id, normalizeText(FR[id] ?? '')]),
    );
    const typed: Block = {
      type: 'list',
      ordered: false,
      items: [{ text: 'c) les collectivités territoriales ont aussi été consultées.', blocks: [] }],
    };
    const [first, ...rest] = WORD_ANSWERS['I.a'] ?? [];
    expect(doc.questions[0]?.blocks).toEqual([
      first?.type === 'list'
        ? { ...first, items: [...first.items, ...(typed.type === 'list' ? typed.items : [])] }
        : first,
      ...rest,
    ]);
    expect(doc.questions[1]?.blocks).toEqual(WORD_ANSWERS['I.b']);
    expect(doc.questions[2]?.blocks).toEqual(WORD_ANSWERS['I.c']);
  });
});
