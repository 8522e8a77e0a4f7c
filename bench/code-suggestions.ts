// How good and how fast the suggestions of codes are (issue 13, item 4).
// Quality: precision and recall of the suggested values against the truth, per code and overall:
// on the generated demo region (22 fictional countries, 18 submitted: the generator knows the
// values its answers to I.a, II.a and V.a express, demoTruth), and on Morocco's real answers
// coded by hand (test/fixtures/coding/morocco-arab-2021.json).
// Speed: suggesting the cycle's three codes (suggestCodes: read the submissions, suggest, store)
// as a ratio to reading the same submissions with one plain SELECT, measured in turn
// (alternately) in the same run. On embedded PGlite, then on PostgreSQL when one answers on
// BENCH_PG_PORT (55432) or BENCH_PG=start.
// Run: npx tsx bench/code-suggestions.ts      Env: BENCH_RUNS (15), BENCH_PG_PORT, BENCH_PG.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { alternately, onEachEngine } from './measure.js';
import { parseReviewText } from '../src/documents/import-text.js';
import * as codes from '../src/db/queries/codes.js';
import { suggestCodeValues } from '../src/domain/code-suggestions.js';
import { checkCode } from '../src/domain/codes.js';
import { CODED_QUESTIONS } from '../src/domain/demo-coding.js';
import { operator } from '../src/domain/permissions.js';
import type { Questionnaire } from '../src/domain/questionnaire.js';
import { defaultCodes } from '../src/services/default-codes.js';
import { demoTruth, generateDemoRegion } from '../src/services/generate-demo-region.js';
import { suggestCodes } from '../src/services/suggest-codes.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROOT = new URL('..', import.meta.url);
const actor = operator('bench');

/** True and false positives and false negatives, per code. */
type Counts = Record<string, { tp: number; fp: number; fn: number }>;

function count(counts: Counts, question: string, truth: string[], suggested: string[]): void {
  const c = (counts[question] ??= { tp: 0, fp: 0, fn: 0 });
  const hits = suggested.filter((v) => truth.includes(v)).length;
  c.tp += hits;
  c.fp += suggested.length - hits;
  c.fn += truth.length - hits;
}

function report(title: string, counts: Counts): void {
  const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));
  const all = Object.values(counts).reduce((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  console.log(title);
  for (const [question, c] of [...Object.entries(counts), ['overall', all] as const]) {
    console.log(
      `  ${question.padEnd(8)} precision ${ratio(c.tp, c.tp + c.fp)}  recall ${ratio(c.tp, c.tp + c.fn)}` +
        `  (${c.tp} right, ${c.fp} wrong, ${c.fn} missed)`,
    );
  }
}

/** Morocco's seed, parsed as an import reads it, against the hand coding. */
function morocco(): void {
  const questionnaire = JSON.parse(
    readFileSync(new URL('catalogue/questionnaires/arab-2021.json', ROOT), 'utf8'),
  ) as Questionnaire;
  const parsed = parseReviewText(readFileSync(new URL('demo/morocco-arab-2021.fr.txt', ROOT), 'utf8'), questionnaire);
  const fixture = JSON.parse(readFileSync(new URL('test/fixtures/coding/morocco-arab-2021.json', ROOT), 'utf8')) as {
    codes: Record<string, { values: Record<string, string> }>;
  };
  const counts: Counts = {};
  for (const { questionId, ...input } of defaultCodes()) {
    const blocks = parsed.questions.find((q) => q.id === questionId)?.blocks ?? [];
    const suggested = suggestCodeValues(blocks, 'fr', checkCode(input)).map((s) => s.key);
    count(counts, questionId, Object.keys(fixture.codes[questionId]?.values ?? {}), suggested);
  }
  report('Morocco (arab-2021, coded by hand):', counts);
}

morocco();
await onEachEngine('code-suggestions', async (engine, storage) => {
  const db = storage.db;
  const region = await generateDemoRegion(db, { id: 'bench', countries: 22, submitted: 18, cycles: 1 });
  const cycle = region.cycles[0]!.id;
  const counts: Counts = {};
  for (const questionId of CODED_QUESTIONS) {
    await suggestCodes(db, actor, { cycle, questionId });
    const code = (await codes.findCode(db, cycle, questionId))!;
    for (const coded of await codes.listCodedAnswers(db, code.id)) {
      count(counts, questionId, demoTruth(region, coded.country)?.[questionId] ?? [], coded.values);
    }
  }
  report(`${engine}: the generated region (${region.countries.length} countries, 18 submitted):`, counts);

  const [suggesting, select] = await alternately(
    RUNS,
    async () => {
      for (const questionId of CODED_QUESTIONS) await suggestCodes(db, actor, { cycle, questionId });
    },
    () =>
      sql`select s.document from review_submission s join review r on r.id = s.review_id
        where r.cycle_id = ${cycle}`.execute(db),
  );
  console.log(
    `${engine}: suggesting the cycle's 3 codes ${suggesting.toFixed(1)} ms, ` +
      `one SELECT of its submissions ${select.toFixed(1)} ms: ratio ${(suggesting / select).toFixed(1)}×`,
  );
});
