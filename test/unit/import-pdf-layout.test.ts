import { describe, expect, it } from 'vitest';
import { parseReviewLines } from '../../src/documents/import-text.js';
import type { Block } from '../../src/domain/blocks.js';
import type { PdfPage, PdfWord } from '../../src/documents/import-pdf.js';
import { glyph, item, ltr, one, page, rtl, sources } from '../support/pdf-boxes.js';
import { questionnaire } from '../support/pdf-review.js';

// Issue 16's failure kinds on crafted word boxes (test/support/pdf-boxes.ts): table rows that go
// on over a page break, numbers typed without a tab, bullets on their own baseline, two tables on
// a page, right-to-left indentation.

const english = questionnaire({
  I: [
    ['a', 'Was a coordination mechanism set up for the review?'],
    ['b', 'Who led the review?'],
    ['c', 'Which data were used?'],
  ],
});

const answers = (pages: PdfPage[]): Record<string, Block[]> =>
  Object.fromEntries(parseReviewLines(sources(pages), english).questions.map((q) => [q.id, q.blocks]));

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
    // Bullets at x 522–527 (level 1) and 502–507 (level 2), their lines ending anywhere on the left;
    // indentations from the right margin (540).
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
      { text: 'إنشاء لجنة وطنية', paragraph: true, list: { level: 0, ordered: false }, indent: 13 },
      {
        text: 'تضم الوزارات المعنية كلها وممثلين عن البلديات والجمعيات',
        paragraph: true,
        list: { level: 1, ordered: false },
        indent: 33,
      },
      { text: 'وتجتمع مرتين', paragraph: true, list: { level: 1, ordered: false }, indent: 33 },
      {
        text: 'ونشر التقرير على الموقع الإلكتروني للوزارة في السنة نفسها',
        paragraph: true,
        list: { level: 0, ordered: false },
        indent: 13,
      },
    ]);
  });

  it('puts a detached tanween back on the word it stands over, not on a larger title just above', () => {
    // As in a LibreOffice PDF: the title's larger box reaches just below the mark's top; the mark
    // stands 2.3 points left of « أولا », over its last alef.
    const title = rtl(540, 107, 'نموذج إجابات الاستعراض الوطني').map((w) => ({ ...w, yMax: 143.4 }));
    const heading = rtl(540, 144.35, 'أولا - أسئلة حول المنهجية');
    const x = (heading[heading.length - 1]?.xMin ?? 0) - 2.3;
    const mark: PdfWord = { text: '\u064B', xMin: x, xMax: x, yMin: 142.45, yMax: 159.35, line: 999 };
    const text = sources([page(title, heading, [mark])])
      .map((l) => l.text)
      .join(' ');
    expect(text).toContain('نموذج إجابات الاستعراض الوطني');
    expect(text).toContain('أولاً - أسئلة حول المنهجية');
  });

  it('keeps a question going on over the page in its cell when the answer’s bullets stand in the gutter', () => {
    // As LibreOffice draws Pacte's Arabic export: each bullet on a baseline of its own at the
    // answer column's right edge (338–343), past the end of the answer's text (330) and short of
    // the question column (352); the middle of that empty stretch falls on the bullets.
    const bullet = (y: number) => ltr(338, y, '▪');
    const pages = [
      page(
        rtl(540, 60, 'ج) ما هي النجاحات والتحديات التي صادفتموها', { left: 352 }),
        bullet(60),
        rtl(330, 60, 'نجاح: انضمت شبكات كثيرة إلى الحملة.'),
        rtl(540, 76, 'في تحقيق أهداف الاتفاق؟', { left: 352 }),
        rtl(540, 92, 'وما هي المخاطر المحتملة؟', { left: 352 }),
      ),
      page(
        rtl(540, 50, 'وهل اتخذتم تدابير للتخفيف', { left: 352 }),
        bullet(50),
        rtl(330, 50, 'تحد: أبطأت الجائحة عمل المحاكم.'),
        rtl(540, 66, 'من أثرها؟'),
        bullet(80),
        rtl(330, 80, 'تحد: لا تزال الأموال غير كافية.'),
        rtl(540, 120, 'د) ما هي الممارسات الجيدة؟', { left: 352 }),
        rtl(330, 120, 'المرصد الوطني للهجرة.'),
      ),
    ];
    const topLevel = { level: 0, ordered: false };
    expect(sources(pages).map(({ text, list }) => (list ? { text, list } : { text }))).toEqual([
      {
        text: 'ج) ما هي النجاحات والتحديات التي صادفتموها في تحقيق أهداف الاتفاق؟ وما هي المخاطر المحتملة؟ وهل اتخذتم تدابير للتخفيف من أثرها؟',
      },
      { text: 'نجاح: انضمت شبكات كثيرة إلى الحملة.', list: topLevel },
      { text: 'تحد: أبطأت الجائحة عمل المحاكم.', list: topLevel },
      { text: 'تحد: لا تزال الأموال غير كافية.', list: topLevel },
      { text: 'د) ما هي الممارسات الجيدة؟' },
      { text: 'المرصد الوطني للهجرة.' },
    ]);
  });
});
