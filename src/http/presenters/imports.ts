import type { Static } from '@sinclair/typebox';
import type { ImportResult } from '../../services/import-review.js';
import type { importReviewSchema } from '../routes/imports/schema.js';

/** What an import answers: the review JSON of the file, its report, and what was stored. */
export function presentImport(result: ImportResult): Static<(typeof importReviewSchema.response)[200]> {
  const { review, stored, created, changed, unchanged, conflicts } = result;
  return {
    country: review.country,
    cycle: review.cycle,
    language: review.language,
    title: review.title,
    sections: review.sections,
    facts: review.facts,
    objectives: review.objectives,
    report: review.report,
    outcome: { stored, created, changed, unchanged, conflicts },
  };
}
