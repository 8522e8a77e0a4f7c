import { describe, expect, it } from 'vitest';
import { parseReviewLines } from '../../src/documents/import-text.js';
import { boldBoxes, markBold } from '../../src/documents/pdf/bold.js';
import type { PdfWord } from '../../src/documents/import-pdf.js';
import { item, ltr, page, rtl, sources } from '../support/pdf-boxes.js';
import { questionnaire } from '../support/pdf-review.js';

// Issue 16 on crafted word boxes (test/support/pdf-boxes.ts): lists typed by hand in a PDF, nested
// by indentation, and bold paragraphs (how a question's wording is set apart from its answer).

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

  it('takes a paragraph indented as far as an item for that item’s second paragraph', () => {
    const pages = [
      page(
        ltr(60, 40, 'I.- Méthodologie'),
        ltr(60, 60, 'a) Quelles mesures ont été prises ?'),
        ltr(80, 80, '• les communes ont été consultées ;'),
        ltr(80, 96, '• les régions ont transmis leurs données.'),
        ltr(80, 112, 'Elles couvrent 2019 et 2020.'),
        ltr(60, 132, 'Trois ateliers ont suivi.'),
      ),
    ];
    expect(parseReviewLines(sources(pages), french).questions[0]?.blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          item('les communes ont été consultées ;'),
          item('les régions ont transmis leurs données.', [
            { type: 'paragraph', text: 'Elles couvrent 2019 et 2020.' },
          ]),
        ],
      },
      { type: 'paragraph', text: 'Trois ateliers ont suivi.' },
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

describe('notes', () => {
  /** A small raised mark (« ¹ »), as pdftotext gives a superscript: a word of its own. */
  const mark = (x: number, y: number, text: string, line: number): PdfWord => ({
    text,
    xMin: x,
    xMax: x + 3,
    yMin: y,
    yMax: y + 7,
    line,
  });

  it('leaves out note marks glued to a word, a footnote’s number alone at the foot and a note’s text', () => {
    const body = ltr(60, 100, 'Un comité a été institué par arrêté');
    const end = body[body.length - 1]?.xMax ?? 0;
    const line = body[0]?.line ?? 0;
    const after = ltr(end + 6, 100, 'et compte 17 membres.').map((w) => ({ ...w, line }));
    const annex = ltr(60, 120, 'La liste figure en annexe');
    const annexEnd = annex[annex.length - 1]?.xMax ?? 0;
    const annexLine = annex[0]?.line ?? 0;
    const dot = { ...(ltr(annexEnd + 2, 120, '.')[0] as PdfWord), line: annexLine };
    const lines = sources([
      page(
        [...body, mark(end, 100, '1', line), ...after],
        [...annex, mark(annexEnd, 120, 'i', annexLine), dot],
        [mark(60, 780, '1', 500)],
        // An endnote: its mark on a line of its own, glued to the start of its text.
        [mark(57, 700, 'i', 501)],
        ltr(60, 700, 'Liste complète en annexe 4.'),
      ),
    ]).map((l) => l.text);
    // (One paragraph: the second line's first word would not have fitted on the first.)
    expect(lines).toEqual(['Un comité a été institué par arrêté et compte 17 membres. La liste figure en annexe.']);
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

describe('bold text from pdftohtml', () => {
  const xml = [
    '<pdf2xml>',
    '<page number="1" position="absolute" top="0" left="0" height="842" width="595">',
    '<text top="60" left="60" width="300" height="12" font="1"><b>c) Which data were used?</b></text>',
    '<text top="60" left="362" width="5" height="12" font="2">)</text>',
    '<text top="80" left="60" width="200" height="12" font="0">The census of <b>2014</b>.</text>',
    '<text top="100" left="60" width="200" height="12" font="3"><i><b>Italic and bold.</b></i></text>',
    '</page>',
    '<page number="2" position="absolute" top="0" left="0" height="842" width="595">',
    '</page>',
    '</pdf2xml>',
  ].join('\n');

  it('keeps the pieces bold all through, page by page', () => {
    expect(boldBoxes(xml)).toEqual([
      [
        { top: 60, left: 60, bottom: 72, right: 360 },
        { top: 100, left: 60, bottom: 112, right: 260 },
      ],
      [],
    ]);
  });

  it('marks the words whose middle lies in a bold piece, and none without pdftohtml', () => {
    const pages = [page(ltr(60, 60, 'c) Which'), ltr(60, 80, 'The census'))];
    const marked = markBold(pages, xml)[0]?.words.map((w) => [w.text, w.bold]);
    expect(marked).toEqual([
      ['c)', true],
      ['Which', true],
      ['The', false],
      ['census', false],
    ]);
    expect(markBold(pages, null)[0]?.words.every((w) => w.bold === undefined)).toBe(true);
  });
});
