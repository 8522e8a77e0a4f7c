import type { Static } from '@sinclair/typebox';
import type { Comparison } from '../../services/compare-answers.js';
import type { compareAnswersSchema } from '../routes/side-by-side/schema.js';
import { presentTranslation } from './translations.js';

/** The side-by-side view as the API answers it (dates as ISO strings, translators by name). */
export function presentComparison(
  c: Comparison,
  nameOf: (author: string) => string,
): Static<(typeof compareAnswersSchema.response)[200]> {
  return {
    cycle: c.cycle.id,
    region: c.cycle.regionId,
    title: c.cycle.title,
    synthetic: c.cycle.synthetic,
    question: c.question,
    options: c.options,
    sections: c.sections,
    answers: c.answers.map((a) => ({
      ...a,
      source: { ...a.source, at: a.source.at.toISOString() },
      translation: a.translation && presentTranslation(a.translation, nameOf),
    })),
  };
}
