import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { extractFacts } from '../../src/domain/facts.js';
import { findPhrase, locate, makePassage, passageHolds, quoteAt, textAt } from '../../src/domain/passage.js';

const blocks: Block[] = [
  { type: 'paragraph', text: 'Un comité ad hoc a été créé en 2020.' },
  {
    type: 'list',
    ordered: false,
    items: [
      { text: 'Société civile', blocks: [] },
      {
        text: 'Organisations internationales',
        blocks: [{ type: 'list', ordered: true, items: [{ text: 'OIM et HCR : 133 274 migrants', blocks: [] }] }],
      },
    ],
  },
];
const source = { kind: 'submission', country: 'XAA', cycle: 'demo-2', number: 1 } as const;

describe('passages', () => {
  it('finds every text by its path, nested lists included', () => {
    expect(locate(blocks).map((l) => l.block)).toEqual([[0], [1, 0], [1, 1], [1, 1, 0, 0]]);
    expect(textAt(blocks, [1, 1, 0, 0])).toBe('OIM et HCR : 133 274 migrants');
    expect(textAt(blocks, [1])).toBeNull(); // a list has no text of its own
    expect(textAt(blocks, [0, 0])).toBeNull();
    expect(textAt(blocks, [3])).toBeNull();
  });

  it('makes a passage from offsets, and refuses offsets outside the text', () => {
    expect(makePassage(blocks, source, 'I.a', { block: [0], start: 3, end: 16 })).toEqual({
      source,
      questionId: 'I.a',
      position: { block: [0], start: 3, end: 16 },
      text: 'comité ad hoc',
    });
    expect(makePassage(blocks, source, 'I.a', { block: [0], start: 3, end: 99 })).toBeNull();
    expect(quoteAt(blocks, { block: [0], start: 5, end: 5 })).toBeNull();
    expect(quoteAt(blocks, { block: [0], start: -1, end: 2 })).toBeNull();
  });

  it('tells whether a passage still quotes what it says', () => {
    const passage = makePassage(blocks, source, 'I.a', { block: [1, 0], start: 0, end: 7 })!;
    expect(passage.text).toBe('Société');
    expect(passageHolds(blocks, passage)).toBe(true);
    const edited: Block[] = [
      blocks[0]!,
      { type: 'list', ordered: false, items: [{ text: 'La société civile', blocks: [] }] },
    ];
    expect(passageHolds(edited, passage)).toBe(false);
    expect(passageHolds([], passage)).toBe(false);
  });

  it('finds a phrase wherever it is written, with a fold that keeps lengths', () => {
    const found = findPhrase(blocks, 'oim', (t) => t.toLowerCase());
    expect(found).toEqual([{ position: { block: [1, 1, 0, 0], start: 0, end: 3 }, text: 'OIM' }]);
    expect(findPhrase(blocks, 'ad hoc').map((q) => q.position)).toEqual([{ block: [0], start: 10, end: 16 }]);
    expect(findPhrase(blocks, 'absent')).toEqual([]);
    expect(() => findPhrase(blocks, 'x', (t) => t.replace(/é/gu, 'e\u0301'))).toThrow();
  });

  it('is how facts point at their figures', () => {
    const [fact] = extractFacts('I.c', blocks, 'fr');
    expect(fact?.position).toEqual({ block: [1, 1, 0, 0], start: 13, end: 20 });
    expect(passageHolds(blocks, { position: fact!.position, text: '133 274' })).toBe(true);
  });
});
