import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/blocks.js';
import { blocksToText, textToBlocks } from '../../src/web/lib/text-blocks.js';

const item = (text: string, blocks: Block[] = []) => ({ text, blocks });
const bullets = (...items: ReturnType<typeof item>[]): Block => ({ type: 'list', ordered: false, items });
const numbered = (...items: ReturnType<typeof item>[]): Block => ({ type: 'list', ordered: true, items });
const para = (text: string): Block => ({ type: 'paragraph', text });

/** An answer shaped like the seed's: a paragraph, then lists nested three levels deep. */
const nested: Block[] = [
  para('Le Maroc a mis en place :'),
  bullets(
    item('un comité interministériel', [
      numbered(item('présidé par le Chef du gouvernement'), item('réuni deux fois par an', [bullets(item('en 2019'))])),
    ]),
    item('un comité de pilotage'),
  ),
  para('Ces instances suivent la stratégie.'),
];

describe('the block editor text', () => {
  it('reads lines as paragraphs, "- " as bullets and "1. " as numbered items, nested by two spaces', () => {
    const text = [
      'Le Maroc a mis en place :',
      '- un comité interministériel',
      '  1. présidé par le Chef du gouvernement',
      '  2. réuni deux fois par an',
      '    - en 2019',
      '- un comité de pilotage',
      'Ces instances suivent la stratégie.',
    ].join('\n');
    expect(textToBlocks(text)).toEqual(nested);
  });

  it('gives back the same blocks after a round trip through the text, nested lists included', () => {
    expect(textToBlocks(blocksToText(nested))).toEqual(nested);
    const text = blocksToText(nested);
    expect(blocksToText(textToBlocks(text))).toBe(text);
  });

  it('keeps two lists one after the other apart, and a paragraph inside an item', () => {
    const blocks: Block[] = [
      bullets(item('a', [para('suite de a'), bullets(item('a.1'))])),
      bullets(item('b')),
      numbered(item('un')),
    ];
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
  });

  it('keeps a paragraph that starts like an item a paragraph', () => {
    const blocks: Block[] = [para('2020. Une année de pandémie'), para('- pas une liste'), para('\\ barre')];
    expect(blocksToText(blocks)).toBe('\\2020. Une année de pandémie\n\\- pas une liste\n\\\\ barre');
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
  });

  it('reads Arabic text, "*" and "1)" markers, tabs, and ignores blank lines and trailing spaces', () => {
    expect(textToBlocks('\n* بند أول  \n\t1) فرعي\n\n')).toEqual([bullets(item('بند أول', [numbered(item('فرعي'))]))]);
  });

  it('switches list kind at the same depth, and reads an empty text as no blocks', () => {
    expect(textToBlocks('- a\n1. b')).toEqual([bullets(item('a')), numbered(item('b'))]);
    expect(textToBlocks('')).toEqual([]);
    expect(textToBlocks('   \n')).toEqual([]);
  });
});
