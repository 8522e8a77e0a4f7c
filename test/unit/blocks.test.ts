import { describe, expect, it } from 'vitest';
import { blockTexts, sameBlocks, type Block } from '../../src/domain/blocks.js';

const answer: Block[] = [
  { type: 'paragraph', text: 'Des ressources :' },
  { type: 'list', ordered: false, items: [{ text: 'Renforcer', blocks: [{ type: 'paragraph', text: 'x' }] }] },
];

describe('blocks', () => {
  it('are the same whatever the order of their keys (jsonb reorders them)', () => {
    const fromDatabase = JSON.parse(
      '[{"text":"Des ressources :","type":"paragraph"},{"items":[{"blocks":[{"text":"x","type":"paragraph"}],"text":"Renforcer"}],"type":"list","ordered":false}]',
    ) as Block[];
    expect(sameBlocks(answer, fromDatabase)).toBe(true);
  });

  it('differ when one word, the nesting or the list kind differs', () => {
    const changed = structuredClone(answer);
    (changed[1] as Extract<Block, { type: 'list' }>).ordered = true;
    expect(sameBlocks(answer, changed)).toBe(false);
    expect(sameBlocks(answer, [{ type: 'paragraph', text: 'Des ressources !' }, answer[1]!])).toBe(false);
    expect(sameBlocks(answer, answer.slice(0, 1))).toBe(false);
  });

  it('give their texts in reading order, nested items included', () => {
    expect(blockTexts(answer)).toEqual(['Des ressources :', 'Renforcer', 'x']);
  });
});
