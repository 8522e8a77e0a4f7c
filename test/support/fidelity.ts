import type { Block } from '../../src/domain/blocks.js';

/**
 * How faithfully an import rebuilt a document, against its answer key (issue 16). Pure, so that
 * `npm run fidelity` and test/unit/fidelity.test.ts count the same way.
 *
 * - Blocks right: every paragraph and every list item is a block, known by its text (whitespace
 *   collapsed, Unicode NFC) and its depth (the number of lists around it). Per question, the
 *   blocks of the key and of the import are matched in order (longest common subsequence); the
 *   score is matching ÷ (key + produced − matching), so a missing block and an extra block both
 *   count against it. Questions the import answers but the key does not give extra blocks only.
 * - Questions: the questions the key answers that the import answers too (with any block).
 * - Figures: the key's figures whose value is among the values of the import's facts.
 */

export interface AnswerKey {
  language: string;
  /** Question id → its answer, only for the questions answered. */
  answered: Record<string, Block[]>;
  facts: number[];
}

export interface Fidelity {
  blocks: { matching: number; key: number; produced: number };
  questions: { found: number; key: number; missing: string[] };
  figures: { found: number; key: number; missing: number[] };
}

/** A block as compared: depth and text. */
export interface FlatBlock {
  depth: number;
  text: string;
}

const clean = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Paragraphs and list items in reading order, with the number of lists around each. */
export function flatten(blocks: readonly Block[], depth = 0): FlatBlock[] {
  return blocks.flatMap((block): FlatBlock[] =>
    block.type === 'paragraph'
      ? [{ depth, text: clean(block.text) }]
      : block.items.flatMap((item) => [
          { depth: depth + 1, text: clean(item.text) },
          ...flatten(item.blocks, depth + 1),
        ]),
  );
}

/** Length of the longest common subsequence of two block sequences. */
export function matchingBlocks(a: readonly FlatBlock[], b: readonly FlatBlock[]): number {
  const same = (x: FlatBlock, y: FlatBlock) => x.depth === y.depth && x.text === y.text;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (const [j, y] of b.entries()) {
      row.push(same(x, y) ? (previous[j] ?? 0) + 1 : Math.max(previous[j + 1] ?? 0, row[j] ?? 0));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The import's answers (question id → blocks) and the values of its facts, against the key. */
export function fidelity(
  key: AnswerKey,
  answers: ReadonlyMap<string, readonly Block[]>,
  factValues: readonly number[],
): Fidelity {
  let [matching, keyCount, produced] = [0, 0, 0];
  const ids = new Set([...Object.keys(key.answered), ...answers.keys()]);
  for (const id of ids) {
    const expected = flatten(key.answered[id] ?? []);
    const got = flatten(answers.get(id) ?? []);
    matching += matchingBlocks(expected, got);
    keyCount += expected.length;
    produced += got.length;
  }
  const missingQuestions = Object.keys(key.answered).filter((id) => (answers.get(id)?.length ?? 0) === 0);
  const values = new Set(factValues);
  const missingFigures = key.facts.filter((value) => !values.has(value));
  return {
    blocks: { matching, key: keyCount, produced },
    questions: {
      found: Object.keys(key.answered).length - missingQuestions.length,
      key: Object.keys(key.answered).length,
      missing: missingQuestions,
    },
    figures: { found: key.facts.length - missingFigures.length, key: key.facts.length, missing: missingFigures },
  };
}

/** Blocks right, 0 to 1 (1 when both key and import are empty). */
export function blocksRight(f: Fidelity): number {
  const { matching, key, produced } = f.blocks;
  const union = key + produced - matching;
  return union === 0 ? 1 : matching / union;
}
