import { diffArrays } from 'diff';
import type { Block } from './blocks.js';

/** How a line changed between two revisions (the history page names each). */
export const DIFF_OPS = ['same', 'added', 'removed'] as const;

/**
 * What changed between two revisions of an answer, line by line: each paragraph and each list
 * item is a line with its nesting depth. The comparison is the `diff` package's (Myers' O(ND)
 * algorithm: its cost grows with the size of the change, not with the product of the two
 * lengths, which matters at the 2,000 lines an answer may hold).
 */
export interface DiffLine {
  op: (typeof DIFF_OPS)[number];
  depth: number;
  /** '' for a paragraph, '•' for a bullet item, '1.' for a numbered item (its number). */
  marker: string;
  text: string;
}

type Line = Omit<DiffLine, 'op'>;

export function answerLines(blocks: readonly Block[], depth = 0): Line[] {
  const lines: Line[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') lines.push({ depth, marker: '', text: block.text });
    else
      block.items.forEach((item, i) => {
        lines.push({ depth, marker: block.ordered ? `${i + 1}.` : '•', text: item.text });
        lines.push(...answerLines(item.blocks, depth + 1));
      });
  }
  return lines;
}

/** Two lines are the same when their text, marker and depth are: a line moved in or out of a list changed. */
const sameLine = (a: Line, b: Line) => a.depth === b.depth && a.marker === b.marker && a.text === b.text;

export function diffBlocks(from: readonly Block[], to: readonly Block[]): DiffLine[] {
  return diffArrays(answerLines(from), answerLines(to), { comparator: sameLine }).flatMap((change) => {
    const op: DiffLine['op'] = change.added ? 'added' : change.removed ? 'removed' : 'same';
    return change.value.map((line) => ({ op, ...line }));
  });
}
