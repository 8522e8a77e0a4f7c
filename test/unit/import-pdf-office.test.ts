// PDFs made by LibreOffice from Word files: the seed, the en/ar fixtures, Word-like bullets.
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
import { parseReviewText } from '../../src/documents/import-text.js';
import { normalizeText, type Block } from '../../src/domain/blocks.js';
import { arab2021, docxToPdf, fixtureReview, seedReview, writeDocxFixture } from '../support/fixtures.js';
import { SEED } from '../support/pacte.js';
import { LIMITS, answerText, expectSameReview, shape } from '../support/pdf-review.js';

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
