// Bulk answer moves (POST …/answers/status: moveAnswers) as a ratio to the same moves made one
// by one (POST …/answers/{id}/status: moveAnswer), measured in the same run on the same
// database: the seed review's 24 answers sent for review, then taken back to drafting — in two
// bulk calls, or in 48 single moves, as a focal point did before issue 12. Each side leaves the
// answers as it found them, so every round makes the same writes (revisions untouched, one audit
// event and the validators' notifications per answer moved).
// Runs on embedded PGlite, then on PostgreSQL when one answers on BENCH_PG_PORT (55432) — in a
// fresh database dropped at the end — or when BENCH_PG=start (a throwaway cluster).
// Run: npx tsx bench/bulk-moves.ts      Env: BENCH_RUNS (20), BENCH_PG_PORT, BENCH_PG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alternately, onEachEngine } from './measure.js';
import { ROOT } from '../src/config.js';
import type { Storage } from '../src/db/connection.js';
import { operator } from '../src/domain/permissions.js';
import { importReview } from '../src/services/import-review.js';
import { moveAnswer } from '../src/services/move-answer.js';
import { moveAnswers } from '../src/services/move-answers.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const target = { country: 'MAR', cycle: 'arab-2021' };
const actor = operator('bench');
const seed = readFileSync(join(ROOT, 'demo/morocco-arab-2021.fr.txt'));

async function measure(engine: string, storage: Storage) {
  const db = storage.db;
  await importReview(db, { bytes: seed, file: 'seed.txt', ...target, dryRun: false, actor });
  const questions = (
    await db
      .selectFrom('answer')
      .innerJoin('review', 'review.id', 'answer.review_id')
      .select('answer.question_id')
      .where('review.country_code', '=', target.country)
      .where('review.cycle_id', '=', target.cycle)
      .where('answer.status', '=', 'drafting')
      .execute()
  ).map((a) => a.question_id);
  if (questions.length === 0) throw new Error('the seed review has no drafted answer to move');
  const [bulk, single] = await alternately(
    RUNS,
    async () => {
      await moveAnswers(db, actor, target, { to: 'in_review', questions });
      await moveAnswers(db, actor, target, { to: 'drafting', questions });
    },
    async () => {
      for (const questionId of questions) await moveAnswer(db, actor, { ...target, questionId }, { to: 'in_review' });
      for (const questionId of questions) await moveAnswer(db, actor, { ...target, questionId }, { to: 'drafting' });
    },
  );
  console.log(
    `${engine}, ${questions.length} answers there and back: bulk ${bulk.toFixed(1)} ms, one by one ` +
      `${single.toFixed(1)} ms, bulk / one by one ${(bulk / single).toFixed(2)}×`,
  );
}

await onEachEngine('bulk_moves', measure);
