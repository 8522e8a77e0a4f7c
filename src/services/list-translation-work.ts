import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as reviews from '../db/queries/reviews.js';
import * as submissions from '../db/queries/submissions.js';
import * as translations from '../db/queries/translations.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Language, Multilingual } from '../domain/language.js';
import { can, type Actor } from '../domain/permissions.js';
import type { ReviewDocument } from '../domain/review.js';
import { answerOf, withOutdated } from './list-translations.js';

export interface TranslationWork {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  cycle: string;
  cycleTitle: Multilingual;
  number: number;
  answerLanguage: Language;
  /** Questions the submission answers. */
  answered: number;
  /** For each other language of the cycle, the answered questions without a current (not outdated) translation. */
  missing: { language: Language; questions: number }[];
}

/**
 * `GET /translations/work`: a translator's home (and its secretariat's view of the same). For
 * each open cycle of a region where the actor may translate, each country's latest submission,
 * with what is left to translate into each other language of the cycle. A translation outdated
 * by the latest submission counts as missing: the text it translated is no longer the answer.
 */
export async function listTranslationWork(
  db: Kysely<Database>,
  actor: Actor | null,
): Promise<{ work: TranslationWork[] }> {
  if (!actor) throw new PacteError('auth.required');
  const regions = [...new Set(actor.grants.map((g) => g.region).filter((r): r is string => r !== null))];
  const work: TranslationWork[] = [];
  for (const region of regions) {
    if (!can(actor, 'translation.write', { region })) continue;
    for (const cycle of await cycles.listCycles(db, { region, states: ['open'] })) {
      for (const sent of await submissions.listCycleSubmissions(db, cycle.id)) {
        const review = await reviews.findReview(db, sent.country, cycle.id);
        const found = review && (await submissions.findSubmission(db, review.id, sent.number));
        if (!review || !found) continue;
        const document = found.document as ReviewDocument;
        const answered = document.sections
          .flatMap((s) => s.questions)
          .filter((q) => answerOf(document, q.id).length > 0)
          .map((q) => q.id);
        const current = await withOutdated(db, review.id, await translations.listCurrent(db, review.id, sent.number));
        const missing = cycle.languages
          .filter((language) => language !== document.language)
          .map((language) => ({
            language,
            questions: answered.filter(
              (id) => !current.some((t) => t.questionId === id && t.language === language && !t.outdated),
            ).length,
          }))
          .filter((m) => m.questions > 0);
        if (missing.length === 0) continue;
        work.push({
          country: sent.country,
          countryName: sent.countryName,
          synthetic: sent.synthetic,
          cycle: cycle.id,
          cycleTitle: cycle.title,
          number: sent.number,
          answerLanguage: document.language,
          answered: answered.length,
          missing,
        });
      }
    }
  }
  return { work };
}
