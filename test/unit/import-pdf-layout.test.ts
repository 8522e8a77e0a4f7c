import { describe, expect, it } from 'vitest';
import { pdfLayoutLines, type PdfPage, type PdfWord } from '../../src/documents/import-pdf.js';
import { parseReviewLines } from '../../src/documents/import-text.js';
import type { Block } from '../../src/domain/blocks.js';
import { questionnaire } from '../support/pdf-review.js';

// Issue 16's failure kinds, each on word boxes crafted as pdftotext -bbox-layout gives them (a PDF
// showing them would take pages): table rows that go on over a page break, lists typed without a
// tab, bullets on their own baseline, right-to-left indentation, bold questions.

const H = 12; // line height
const CHAR = 5; // width of a character
let pdftotextLine = 0;

/**
 * One pdftotext line: the words of `text` from x on, 3 points apart, or spread so that the last
 * ends at `right` (a justified line, which wrapped).
 */
function ltr(x: number, y: number, text: string, options: { right?: number; bold?: boolean } = {}): PdfWord[] {
  const parts = text.split(' ');
  const widths = parts.map((p) => CHAR * [...p].length);
  const total = widths.reduce((a, b) => a + b, 0);
  const gap = options.right !== undefined && parts.length > 1 ? (options.right - x - total) / (parts.length - 1) : 3;
  pdftotextLine++;
  let at = x;
  return parts.map((p, i) => {
    const w = widths[i] ?? 0;
    const word: PdfWord = { text: p, xMin: at, xMax: at + w, yMin: y, yMax: y + H, line: pdftotextLine };
    if (options.bold !== undefined) word.bold = options.bold;
    at += w + gap;
    return word;
  });
}

/** An Arabic line ending (on the left) at `left`, or from its right edge `right`: words in visual order. */
function rtl(right: number, y: number, text: string, options: { left?: number } = {}): PdfWord[] {
  const visual = text
    .split(' ')
    .map((w) => [...w].reverse().join(''))
    .reverse()
    .join(' ');
  const words = visual.split(' ');
  const width = CHAR * words.join('').length + 3 * (words.length - 1);
  if (options.left !== undefined) return ltr(options.left, y, visual, { right });
  return ltr(right - width, y, visual);
}

/** Parts that pdftotext gives as one line (a marker and its text on one baseline). */
function one(...parts: PdfWord[][]): PdfWord[] {
  pdftotextLine++;
  return parts.flat().map((w) => ({ ...w, line: pdftotextLine }));
}

/** A Wingdings bullet (U+F0A7), smaller than the text, alone on its pdftotext line. */
function glyph(x: number, y: number): PdfWord[] {
  pdftotextLine++;
  return [{ text: '\uF0A7', xMin: x, xMax: x + 5, yMin: y, yMax: y + 6, line: pdftotextLine }];
}

const page = (...lines: PdfWord[][]): PdfPage => ({ width: 595, height: 842, words: lines.flat() });

const sources = (pages: PdfPage[]) => pdfLayoutLines(pages).map((l) => l.source);

const english = questionnaire({
  I: [
    ['a', 'Was a coordination mechanism set up for the review?'],
    ['b', 'Who led the review?'],
    ['c', 'Which data were used?'],
  ],
});

const answers = (pages: PdfPage[]): Record<string, Block[]> =>
  Object.fromEntries(parseReviewLines(sources(pages), english).questions.map((q) => [q.id, q.blocks]));

const item = (text: string, blocks: Block[] = []) => ({ text, blocks });

/** A page of the table: the section heading across it, then rows (question left, answer right). */
const HEADING = 'I.- Questions on the methodology used in preparing the national review of the Compact';

describe('table rows that go on over a page break', () => {
  it('keeps numbered items apart when the number is followed by a plain space, on both pages', () => {
    const pages = [
      page(
        ltr(60, 50, HEADING),
        ltr(60, 90, 'a) Was a coordination mechanism'),
        ltr(60, 104, 'set up for the review?'),
        ltr(230, 90, 'The national committee was set up by decree:'),
        one(ltr(236, 110, '1.'), ltr(250, 110, 'it met twice in 2019 and twice in 2020 with all', { right: 540 })),
        ltr(250, 124, 'the ministries concerned;'),
        // « 2. », « 3. » and « 4. » followed by an ordinary space, as typed by hand.
        one(ltr(237, 138, '2.'), ltr(250, 138, 'the statistics office gave figures on foreign', { right: 540 })),
        ltr(250, 152, 'residents and refugees;'),
        one(ltr(237, 166, '3.'), ltr(250, 166, 'the regions sent their contributions on', { right: 540 })),
      ),
      page(
        ltr(250, 50, 'migrants in their territory;'),
        ltr(237, 64, '4. means came from the general budget.'),
        ltr(230, 84, 'The review was adopted in June.'),
        ltr(60, 110, 'b) Who led the review?'),
        ltr(230, 110, 'The Ministry of Labour.'),
      ),
    ];
    expect(answers(pages)['I.a']).toEqual([
      { type: 'paragraph', text: 'The national committee was set up by decree:' },
      {
        type: 'list',
        ordered: true,
        items: [
          item('it met twice in 2019 and twice in 2020 with all the ministries concerned;'),
          item('the statistics office gave figures on foreign residents and refugees;'),
          item('the regions sent their contributions on migrants in their territory;'),
          item('means came from the general budget.'),
        ],
      },
      // A paragraph after a list is a paragraph, not the end of the last item.
      { type: 'paragraph', text: 'The review was adopted in June.' },
    ]);
    expect(answers(pages)['I.b']).toEqual([{ type: 'paragraph', text: 'The Ministry of Labour.' }]);
  });

  it('keeps a bullet with its text on another baseline, and an item that opens a page', () => {
    const pages = [
      page(
        ltr(60, 50, HEADING),
        ltr(60, 90, 'a) Was a coordination mechanism'),
        ltr(60, 104, 'set up for the review?'),
        one(ltr(236, 90, '▪'), ltr(250, 90, 'Yes, a committee chaired by the Prime Minister', { right: 540 })),
        ltr(250, 104, 'met twice.'),
        // Glyphs on a baseline of their own, so pdftotext lines of their own: one lower than its
        // text, hardly overlapping it; one above its text, not overlapping it at all.
        glyph(236, 126),
        ltr(250, 116, 'Its secretariat is the Ministry of Labour.'),
        glyph(236, 133),
        ltr(250, 140, 'The national statistics office took part.'),
        one(ltr(236, 156, '▪'), ltr(250, 156, 'The ministries of the Interior, of Health and of', { right: 540 })),
      ),
      page(
        ltr(250, 50, 'Education took part.'),
        one(ltr(236, 64, '▪'), ltr(250, 64, 'The report was sent to Parliament.')),
        ltr(60, 90, 'b) Who led the review?'),
        ltr(230, 90, 'The Ministry of Labour.'),
      ),
    ];
    const list = answers(pages)['I.a'];
    expect(list).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          item('Yes, a committee chaired by the Prime Minister met twice.'),
          item('Its secretariat is the Ministry of Labour.'),
          item('The national statistics office took part.'),
          item('The ministries of the Interior, of Health and of Education took part.'),
          item('The report was sent to Parliament.'),
        ],
      },
    ]);
  });

  it('goes on with a row over a page that holds only its answer', () => {
    const rows = [
      ltr(60, 50, HEADING),
      ltr(60, 90, 'a) Was a coordination mechanism'),
      ltr(60, 104, 'set up for the review?'),
      one(ltr(236, 90, '▪'), ltr(250, 90, 'Yes, a committee chaired by the Prime Minister', { right: 540 })),
      ltr(250, 104, 'met twice.'),
      one(ltr(236, 118, '▪'), ltr(250, 118, 'The ministries of the Interior, of Health and of', { right: 540 })),
    ];
    const pages = [
      page(...rows),
      // Only the answer's column: the item goes on, then another starts.
      page(
        ltr(250, 50, 'Education, and the regions, which sent their', { right: 540 }),
        ltr(250, 64, 'contributions.'),
        one(ltr(236, 78, '▪'), ltr(250, 78, 'The report was sent to Parliament.')),
      ),
      page(ltr(60, 50, 'b) Who led the review?'), ltr(230, 50, 'The Ministry of Labour.')),
    ];
    expect(answers(pages)['I.a']).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          item('Yes, a committee chaired by the Prime Minister met twice.'),
          item(
            'The ministries of the Interior, of Health and of Education, and the regions, which sent their contributions.',
          ),
          item('The report was sent to Parliament.'),
        ],
      },
    ]);
  });

  it('does not mix a question going on over the page with its answer', () => {
    const pages = [
      page(
        ltr(60, 50, HEADING),
        ltr(60, 90, 'a) Was a coordination'),
        ltr(60, 104, 'mechanism set up'),
        ltr(230, 90, 'Yes: a committee was set up in 2019 by a decree', { right: 540 }),
        ltr(230, 104, 'of the Prime Minister, with all the ministries', { right: 540 }),
      ),
      page(
        ltr(60, 50, 'for the review?'),
        ltr(230, 50, 'concerned and the statistics office.'),
        ltr(60, 80, 'b) Who led the review?'),
        ltr(230, 80, 'The Ministry of Labour.'),
      ),
    ];
    const doc = parseReviewLines(sources(pages), english);
    expect(doc.questions.map((q) => [q.id, q.sourceText])).toEqual([
      ['I.a', 'Was a coordination mechanism set up for the review?'],
      ['I.b', 'Who led the review?'],
    ]);
    expect(doc.questions[0]?.blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Yes: a committee was set up in 2019 by a decree of the Prime Minister, with all the ministries concerned and the statistics office.',
      },
    ]);
  });

  it('finds the columns of each section’s table when two tables of different widths share a page', () => {
    const pages = [
      page(
        ltr(60, 50, 'I.- Methodology'),
        ltr(60, 80, 'a) Was a coordination'),
        ltr(60, 94, 'mechanism set up for'),
        ltr(60, 108, 'the review?'),
        ltr(290, 80, 'Yes, in 2019.'),
        ltr(290, 100, 'It met twice.'),
        ltr(60, 130, 'b) Who led the review?'),
        ltr(290, 130, 'The Ministry of Labour.'),
        ltr(60, 150, 'c) Which data were used?'),
        ltr(290, 150, 'The census of 2014.'),
        ltr(60, 170, 'II.- Policies'),
        // This table's question column is narrower: its answers start where the other's questions end.
        ltr(60, 200, 'a) What policies'),
        ltr(60, 214, 'were adopted?'),
        ltr(160, 200, 'A migration law and a labour agreement with three', { right: 540 }),
        ltr(160, 214, 'countries.'),
        ltr(160, 234, 'Both in 2020.'),
        ltr(60, 260, 'b) What else?'),
        ltr(160, 260, 'An agency for migration.'),
      ),
    ];
    const questions = questionnaire({
      I: [
        ['a', 'Was a coordination mechanism set up for the review?'],
        ['b', 'Who led the review?'],
        ['c', 'Which data were used?'],
      ],
      II: [
        ['a', 'What policies were adopted?'],
        ['b', 'What else?'],
      ],
    });
    const doc = parseReviewLines(sources(pages), questions);
    expect(doc.questions.map((q) => [q.id, q.sourceText, q.blocks])).toEqual([
      [
        'I.a',
        'Was a coordination mechanism set up for the review?',
        [
          { type: 'paragraph', text: 'Yes, in 2019.' },
          { type: 'paragraph', text: 'It met twice.' },
        ],
      ],
      ['I.b', 'Who led the review?', [{ type: 'paragraph', text: 'The Ministry of Labour.' }]],
      ['I.c', 'Which data were used?', [{ type: 'paragraph', text: 'The census of 2014.' }]],
      [
        'II.a',
        'What policies were adopted?',
        [
          { type: 'paragraph', text: 'A migration law and a labour agreement with three countries.' },
          { type: 'paragraph', text: 'Both in 2020.' },
        ],
      ],
      ['II.b', 'What else?', [{ type: 'paragraph', text: 'An agency for migration.' }]],
    ]);
  });
});

describe('right-to-left pages', () => {
  it('measures indentation from the right margin: siblings at one right edge are one level', () => {
    // Bullets at x 520 (level 1) and 500 (level 2), their lines ending anywhere on the left.
    const pages = [
      page(
        rtl(540, 60, 'أجابت الحكومة بما يلي:'),
        ltr(522, 80, '▪'),
        rtl(512, 80, 'إنشاء لجنة وطنية'),
        ltr(502, 96, '◦'),
        rtl(492, 96, 'تضم الوزارات المعنية كلها وممثلين عن البلديات', { left: 70 }),
        rtl(492, 112, 'والجمعيات'),
        ltr(502, 128, '◦'),
        rtl(492, 128, 'وتجتمع مرتين'),
        ltr(522, 144, '▪'),
        rtl(512, 144, 'ونشر التقرير على الموقع الإلكتروني للوزارة في السنة نفسها'),
      ),
    ];
    const lines = sources(pages);
    expect(lines).toEqual([
      { text: 'أجابت الحكومة بما يلي:', paragraph: true, indent: 0 },
      { text: 'إنشاء لجنة وطنية', paragraph: true, list: { level: 0, ordered: false } },
      {
        text: 'تضم الوزارات المعنية كلها وممثلين عن البلديات والجمعيات',
        paragraph: true,
        list: { level: 1, ordered: false },
      },
      { text: 'وتجتمع مرتين', paragraph: true, list: { level: 1, ordered: false } },
      {
        text: 'ونشر التقرير على الموقع الإلكتروني للوزارة في السنة نفسها',
        paragraph: true,
        list: { level: 0, ordered: false },
      },
    ]);
  });
});

describe('lists typed by hand', () => {
  const french = questionnaire({ I: [['a', 'Quelles mesures ont été prises ?']] });
  const arabic = questionnaire({ I: [['a', 'ما هي التدابير المتخذة؟']] });

  it('nests « - » and « a. » items by their indentation', () => {
    const pages = [
      page(
        ltr(60, 40, 'I.- Méthodologie'),
        ltr(60, 60, 'a) Quelles mesures ont été prises ?'),
        ltr(60, 80, 'Les mesures suivantes ont été prises :'),
        ltr(80, 96, '- la création d’un comité ;'),
        ltr(100, 112, 'a. une loi ;'),
        ltr(100, 128, 'b. un décret ;'),
        ltr(80, 144, '- l’ouverture de centres.'),
      ),
    ];
    expect(parseReviewLines(sources(pages), french).questions[0]?.blocks).toEqual([
      { type: 'paragraph', text: 'Les mesures suivantes ont été prises :' },
      {
        type: 'list',
        ordered: false,
        items: [
          item('la création d’un comité ;', [
            { type: 'list', ordered: true, items: [item('une loi ;'), item('un décret ;')] },
          ]),
          item('l’ouverture de centres.'),
        ],
      },
    ]);
  });

  it('nests « ١. » and « أ- » items by their indentation from the right margin', () => {
    const pages = [
      page(
        rtl(540, 40, 'أولاً - المنهجية'),
        rtl(540, 60, 'أ) ما هي التدابير المتخذة؟'),
        rtl(540, 80, 'اتخذت الحكومة بعد التشاور مع جميع الوزارات المعنية والبلديات والجمعيات', { left: 60 }),
        rtl(540, 94, 'ما يلي:'),
        rtl(520, 112, '١. إنشاء لجنة وطنية؛'),
        rtl(500, 128, 'أ- تضم الوزارات؛'),
        rtl(500, 144, 'ب- والبلديات؛'),
        rtl(520, 160, '٢. ونشر التقرير.'),
      ),
    ];
    expect(parseReviewLines(sources(pages), arabic).questions[0]?.blocks).toEqual([
      { type: 'paragraph', text: 'اتخذت الحكومة بعد التشاور مع جميع الوزارات المعنية والبلديات والجمعيات ما يلي:' },
      {
        type: 'list',
        ordered: true,
        items: [
          item('إنشاء لجنة وطنية؛', [
            { type: 'list', ordered: true, items: [item('تضم الوزارات؛'), item('والبلديات؛')] },
          ]),
          item('ونشر التقرير.'),
        ],
      },
    ]);
  });
});

describe('bold paragraphs', () => {
  it('says which paragraphs are bold all through, when the fonts are known', () => {
    const lines = sources([
      page(
        ltr(60, 60, 'c) Which data were used for the review of the Compact, and from which offices? (please give', {
          bold: true,
        }),
        // A bracket from another font, not bold, does not make the line plain.
        [...ltr(60, 74, 'their sources', { bold: true }), ...ltr(131, 74, ')', { bold: false })],
        ltr(60, 100, 'The census of 2014.', { bold: false }),
      ),
    ]);
    expect(lines).toEqual([
      {
        text: 'c) Which data were used for the review of the Compact, and from which offices? (please give their sources )',
        paragraph: true,
        indent: 0,
        strong: true,
      },
      { text: 'The census of 2014.', paragraph: true, indent: 0, strong: false },
    ]);
    // Without fonts, nothing is said.
    expect(sources([page(ltr(60, 60, 'The census of 2014.'))])).toEqual([
      { text: 'The census of 2014.', paragraph: true, indent: 0 },
    ]);
  });
});
