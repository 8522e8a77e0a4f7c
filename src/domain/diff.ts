import type { Block } from './blocks.js';

/**
 * What changed between two revisions of an answer, line by line: each paragraph and each list
 * item is a line with its nesting depth. A longest-common-subsequence over lines is exact and
 * fast enough: answers have at most a few hundred lines.
 */
export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  depth: number;
  /** '' for a paragraph, '•' for a bullet item, '1.' for a numbered item (its number). */
  marker: string;
  text: string;
}

export function answerLines(blocks: readonly Block[], depth = 0): Omit<DiffLine, 'op'>[] {
  const lines: Omit<DiffLine, 'op'>[] = [];
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

export function diffBlocks(from: readonly Block[], to: readonly Block[]): DiffLine[] {
  const a = answerLines(from);
  const b = answerLines(to);
  const key = (l: Omit<DiffLine, 'op'>) => `${l.depth}\u0000${l.marker}\u0000${l.text}`;
  const ka = a.map(key);
  const kb = b.map(key);
  // lcs[i][j]: length of the longest common subsequence of ka[i..] and kb[j..]
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (ka[i] === kb[j]) {
      out.push({ op: 'same', ...a[i++]! });
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'removed', ...a[i++]! });
    else out.push({ op: 'added', ...b[j++]! });
  }
  while (i < a.length) out.push({ op: 'removed', ...a[i++]! });
  while (j < b.length) out.push({ op: 'added', ...b[j++]! });
  return out;
}
