import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { parseReviewLines, parseReviewText, type ParsedDocument } from '../../src/documents/import-text.js';
import type { SourceLine } from '../../src/documents/source-lines.js';
import { questionnaire } from '../support/fixtures.js';

/**
 * Lists typed by hand (issue 16, item 3): « - », « • », « o », « ▪ », « 1) », « a. », « ١. »,
 * « أ- » at the start of a line are list items, ordered for numbers and letters; nested by
 * indentation when the reader knows it (Word, OpenDocument), else by marker kind (text, PDF).
 * A question's letter, a year or a number starting a sentence are not list items.
 */
const english = questionnaire({
  I: [
    ['a', 'Was a coordination mechanism set up?'],
    ['b', 'Who led the review?'],
    ['c', 'Which government entities took part?'],
  ],
});
const arabic = questionnaire({
  I: [
    ['a', 'هل تم إنشاء آلية لتنسيق الاستعراض؟'],
    ['b', 'من كان مسؤولاً عن الاستعراض؟'],
  ],
});

const item = (text: string, ...blocks: Block[]) => ({ text, blocks });
const list = (ordered: boolean, ...items: (string | { text: string; blocks: Block[] })[]): Block => ({
  type: 'list',
  ordered,
  items: items.map((i) => (typeof i === 'string' ? item(i) : i)),
});
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

function answers(doc: ParsedDocument): Record<string, Block[]> {
  return Object.fromEntries(doc.questions.map((q) => [q.id, q.blocks]));
}

describe('lists typed by hand in plain text', () => {
  it('reads « - » with « o » inside, and « 1) » with « a. » inside, without taking « b. » for question b', () => {
    const text = [
      'I.- Methodology',
      'a) Was a coordination mechanism set up?',
      'Yes. The committee gathers:',
      '- the ministries, with:',
      'o Labour;',
      'o Interior;',
      '- the regions.',
      'b) Who led the review?',
      '1) Preparation by 6 officials, who:',
      'a. gathered the data;',
      'b. wrote the draft;',
      'c. consulted the regions;',
      '2) Validation by the council.',
      'c) Which government entities took part?',
      'The Ministry of Labour.',
    ].join('\n');
    expect(answers(parseReviewText(text, english))).toEqual({
      'I.a': [
        paragraph('Yes. The committee gathers:'),
        list(false, item('the ministries, with:', list(false, 'Labour;', 'Interior;')), 'the regions.'),
      ],
      'I.b': [
        list(
          true,
          item(
            'Preparation by 6 officials, who:',
            list(true, 'gathered the data;', 'wrote the draft;', 'consulted the regions;'),
          ),
          'Validation by the council.',
        ),
      ],
      'I.c': [paragraph('The Ministry of Labour.')],
    });
  });

  it('reads Eastern-digit and abjad-letter lists in Arabic, question letters staying questions', () => {
    const text = [
      'أولاً - المنهجية',
      'أ) هل تم إنشاء آلية لتنسيق الاستعراض؟',
      '١. وزارة الداخلية، ومنها:',
      'أ- مديرية الجوازات؛',
      'ب- مديرية الهجرة؛',
      '٢. وزارة العمل.',
      'ب) من كان مسؤولاً عن الاستعراض؟',
      'وزارة الخارجية.',
    ].join('\n');
    expect(answers(parseReviewText(text, arabic))).toEqual({
      'I.a': [
        list(true, item('وزارة الداخلية، ومنها:', list(true, 'مديرية الجوازات؛', 'مديرية الهجرة؛')), 'وزارة العمل.'),
      ],
      'I.b': [paragraph('وزارة الخارجية.')],
    });
  });

  it('keeps a line that starts with a year, a number or a number out of sequence as text', () => {
    const text = [
      'I.- Methodology',
      'a) Was a coordination mechanism set up?',
      '2021: the report was published.',
      '-5 % of requests were refused.',
      '12 municipalities answered.',
      '3. Not a list: no item 1 or 2 before it.',
    ].join('\n');
    const [only] = parseReviewText(text, english).questions;
    expect(only?.blocks.every((b) => b.type === 'paragraph')).toBe(true);
  });
});

describe('lists typed by hand in paragraphs whose indentation is known', () => {
  const p = (text: string, indent = 0, extra: Partial<SourceLine> = {}): SourceLine => ({
    text,
    paragraph: true,
    indent,
    ...extra,
  });
  const head = [p('I.- Methodology'), p('a) Was a coordination mechanism set up?', 0, { strong: true })];

  it('nests by indentation, not by marker kind, and a new kind at one indentation is a new list', () => {
    const lines = [
      ...head,
      p('- the ministries:', 18),
      p('- Labour;', 36),
      p('- Interior;', 36),
      p('- the regions;', 18),
      p('1) first step;', 18),
      p('2) second step.', 18),
      p('•glued to its text,', 18),
      p('They met 9 times.'),
    ];
    expect(answers(parseReviewLines(lines, english))).toEqual({
      'I.a': [
        list(false, item('the ministries:', list(false, 'Labour;', 'Interior;')), 'the regions;'),
        list(true, 'first step;', 'second step.'),
        list(false, 'glued to its text,'),
        paragraph('They met 9 times.'),
      ],
    });
  });

  it('gives an item a paragraph indented as far as its text, and keeps the list going after it', () => {
    const lines = [
      ...head,
      p('1) first step;', 18),
      p('- detail;', 36),
      p('Its explanation.', 18),
      p('2) second step.', 18),
      p('Not indented: after the list.'),
    ];
    expect(answers(parseReviewLines(lines, english))['I.a']).toEqual([
      list(true, item('first step;', list(false, 'detail;'), paragraph('Its explanation.')), 'second step.'),
      paragraph('Not indented: after the list.'),
    ]);
  });

  it('nests a typed item under an item of Word numbering indented less', () => {
    const lines = [
      ...head,
      p('the ministries:', 36, { list: { level: 0, ordered: false } }),
      p('• Labour;', 54),
      p('the regions.', 36, { list: { level: 0, ordered: false } }),
    ];
    expect(answers(parseReviewLines(lines, english))['I.a']).toEqual([
      list(false, item('the ministries:', list(false, 'Labour;')), 'the regions.'),
    ]);
  });

  it('ends a bold question worded otherwise at the first plain paragraph', () => {
    const lines = [
      p('I.- Methodology'),
      p('a) Has a mechanism been created to coordinate the review? (Please describe it)', 0, { strong: true }),
      p('Yes, in 2020.', 0, { strong: false }),
    ];
    const [only] = parseReviewLines(lines, english).questions;
    expect(only?.blocks).toEqual([paragraph('Yes, in 2020.')]);
    // The same without boldness: the paragraph goes on the wording (the document's wording differs).
    const plain = parseReviewLines(
      lines.map(({ strong: _strong, ...line }) => line),
      english,
    );
    expect(plain.questions[0]?.blocks).toEqual([]);
  });
});
