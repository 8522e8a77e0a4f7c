// Comparing two revisions of an answer of 2,000 lines (the most blocks.ts allows), as a ratio to
// flattening both into lines (work any comparison must do), measured in this run. The
// comparison before issue 10, a longest-common-subsequence table of n·m cells, is kept here to
// show what the `diff` package (Myers, cost growing with the change) replaced.
// Run: npx tsx bench/diff.ts
import type { Block } from '../src/domain/blocks.js';
import { answerLines, diffBlocks } from '../src/domain/diff.js';
import { median } from './measure.js';

const LINES = 2000;
const answer = (changed: (i: number) => boolean): Block[] => [
  {
    type: 'list',
    ordered: false,
    items: Array.from({ length: LINES }, (_, i) => ({
      text: `${changed(i) ? 'Révisé : ' : ''}Mesure ${i} de la stratégie nationale d’immigration et d’asile`,
      blocks: [],
    })),
  },
];

/** The hand-written comparison Pacte had before: an LCS table over the two lists of lines. */
function lcsDiff(from: readonly Block[], to: readonly Block[]) {
  const key = (l: { depth: number; marker: string; text: string }) => `${l.depth}\u0000${l.marker}\u0000${l.text}`;
  const ka = answerLines(from).map(key);
  const kb = answerLines(to).map(key);
  const lcs = Array.from({ length: ka.length + 1 }, () => new Array<number>(kb.length + 1).fill(0));
  for (let i = ka.length - 1; i >= 0; i--) {
    for (let j = kb.length - 1; j >= 0; j--) {
      lcs[i]![j] = ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  return lcs[0]![0]!;
}

const before = answer(() => false);
for (const [name, after] of [
  ['one line changed', answer((i) => i === 1000)],
  ['one line in ten changed', answer((i) => i % 10 === 0)],
] as const) {
  const baseline = await median(() => answerLines(before).length + answerLines(after).length, 30);
  const now = await median(() => diffBlocks(before, after).length, 30);
  const old = await median(() => lcsDiff(before, after), 5, 1);
  console.log(
    `${name}: flatten (baseline) ${baseline.toFixed(2)} ms; diff package ${now.toFixed(2)} ms = ` +
      `${(now / baseline).toFixed(1)}×; former LCS table ${old.toFixed(0)} ms = ${(old / baseline).toFixed(0)}×`,
  );
}
