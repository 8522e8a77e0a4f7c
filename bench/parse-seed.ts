// How long parsing the seed review takes, as a ratio to reading the same file and splitting it
// into lines, both measured in this run (machines here are noisy: only the ratio means much).
// Run: npm run bench
import { readFileSync } from 'node:fs';
import { parseReviewText } from '../src/documents/import-text.js';
import type { Questionnaire } from '../src/domain/questionnaire.js';

const ROOT = new URL('..', import.meta.url);
const SEED = new URL('demo/morocco-arab-2021.fr.txt', ROOT);
const questionnaire = JSON.parse(
  readFileSync(new URL('catalogue/questionnaires/arab-2021.json', ROOT), 'utf8'),
) as Questionnaire;

/** Median time of one call, in ms, after warming up. */
function median(work: () => unknown, runs = 200): number {
  for (let i = 0; i < 20; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const baseline = median(() => readFileSync(SEED, 'utf8').split('\n').length);
const parse = median(() => parseReviewText(readFileSync(SEED, 'utf8'), questionnaire).questions.length);

console.log(`read + split lines (baseline): ${baseline.toFixed(3)} ms`);
console.log(`read + parse seed:             ${parse.toFixed(3)} ms`);
console.log(`parse-seed ratio: ${(parse / baseline).toFixed(1)}× the baseline`);
