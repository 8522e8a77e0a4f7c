import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { blocksRight, fidelity, flatten, type AnswerKey } from '../support/fidelity.js';

const p = (text: string): Block => ({ type: 'paragraph', text });
const list = (...items: [string, Block[]?][]): Block => ({
  type: 'list',
  ordered: false,
  items: items.map(([text, blocks]) => ({ text, blocks: blocks ?? [] })),
});

const key: AnswerKey = {
  language: 'fr',
  answered: {
    'I.a': [p('Intro'), list(['un', [list(['un.1'], ['un.2'])]], ['deux'])],
    'I.b': [p('Seul')],
  },
  facts: [17, 3.8, 1250000],
};

describe('the fidelity metric (issue 16)', () => {
  it('counts paragraphs and list items with the number of lists around them', () => {
    expect(flatten(key.answered['I.a'] ?? [])).toEqual([
      { depth: 0, text: 'Intro' },
      { depth: 1, text: 'un' },
      { depth: 2, text: 'un.1' },
      { depth: 2, text: 'un.2' },
      { depth: 1, text: 'deux' },
    ]);
  });

  it('gives 100 % to an import equal to the key, whitespace aside', () => {
    const answers = new Map([
      ['I.a', [p(' Intro '), list(['un', [list(['un.1'], ['un.2'])]], ['deux'])]],
      ['I.b', [p('Seul')]],
    ]);
    const f = fidelity(key, answers, [17, 3.8, 1250000, 99]);
    expect(f.blocks).toEqual({ matching: 6, key: 6, produced: 6 });
    expect(blocksRight(f)).toBe(1);
    expect(f.questions).toEqual({ found: 2, key: 2, missing: [] });
    expect(f.figures).toEqual({ found: 3, key: 3, missing: [] });
  });

  it('counts a missing block, a missing question and a missing figure against the import', () => {
    const answers = new Map([['I.a', [p('Intro'), list(['un', [list(['un.1'])]], ['deux'])]]]);
    const f = fidelity(key, answers, [17]);
    // 4 matching; key 6; produced 4 → 4 / 6.
    expect(f.blocks).toEqual({ matching: 4, key: 6, produced: 4 });
    expect(blocksRight(f)).toBeCloseTo(4 / 6);
    expect(f.questions).toEqual({ found: 1, key: 2, missing: ['I.b'] });
    expect(f.figures.missing).toEqual([3.8, 1250000]);
  });

  it('counts extra blocks, a block at the wrong depth and blocks under an unanswered question', () => {
    const answers = new Map([
      // « un.2 » one level too high, and an empty item produced by a detached bullet.
      ['I.a', [p('Intro'), list(['un', [list(['un.1'])]], ['un.2'], [''], ['deux'])]],
      ['I.b', [p('Seul')]],
      ['I.c', [p('Pas dans la clé')]],
    ]);
    const f = fidelity(key, answers, []);
    // Matching: Intro, un, un.1, deux, Seul = 5; key 6; produced 5 + 2 + 1 = 8 → 5 / 9.
    expect(f.blocks).toEqual({ matching: 5, key: 6, produced: 8 });
    expect(blocksRight(f)).toBeCloseTo(5 / 9);
    expect(f.questions.found).toBe(2);
  });

  it('matches in order: the same texts in another order do not all match', () => {
    const answers = new Map([
      ['I.a', [list(['deux']), p('Intro'), list(['un', [list(['un.1'], ['un.2'])]])]],
      ['I.b', [p('Seul')]],
    ]);
    expect(fidelity(key, answers, []).blocks.matching).toBe(5);
  });

  it('does not count an answer with no block as a question found', () => {
    const f = fidelity(key, new Map([['I.a', []]]), []);
    expect(f.questions.missing).toEqual(['I.a', 'I.b']);
    expect(blocksRight(f)).toBe(0);
  });
});
