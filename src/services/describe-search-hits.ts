import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import type { Language, Multilingual } from '../domain/language.js';
import type { Question, Questionnaire } from '../domain/questionnaire.js';
import type { SearchHit } from './search-reviews.js';

/** A search hit as a reader sees it: the country, the cycle and the question, named. */
export interface DescribedHit extends SearchHit {
  countryName: Multilingual;
  cycleTitle: Multilingual;
  /** The question's wording in each language, and which are unofficial translations. */
  question: Pick<Question, 'text' | 'textStatus'> | null;
  /** The language the answers of the review are written in. */
  language: Language | null;
}

/**
 * Names what search hits point at (the search page shows the question's wording). The hits come
 * from `searchReviews`, which already kept only what the reader may see: this adds catalogue
 * names, read once per country and cycle of the page.
 */
export async function describeSearchHits(db: Kysely<Database>, hits: readonly SearchHit[]): Promise<DescribedHit[]> {
  const countries = new Map<string, Promise<catalogue.CountryRow | undefined>>();
  const cycles = new Map<string, Promise<{ cycle: catalogue.CycleRow; questionnaire: Questionnaire } | undefined>>();
  const languages = new Map<string, Promise<Language | null>>();
  const once = <T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    const known = map.get(key);
    if (known) return known;
    const loading = load();
    map.set(key, loading);
    return loading;
  };
  const out: DescribedHit[] = [];
  // One after the other: PGlite is one session, and a page has few distinct reviews.
  for (const hit of hits) {
    const country = await once(countries, hit.country, () => catalogue.findCountry(db, hit.country));
    const cycle = await once(cycles, hit.cycle, async () => {
      const row = await catalogue.findCycle(db, hit.cycle);
      const questionnaire =
        row && (await catalogue.findQuestionnaire(db, row.questionnaireId, row.questionnaireVersion));
      return row && questionnaire ? { cycle: row, questionnaire } : undefined;
    });
    const language = await once(languages, `${hit.country}/${hit.cycle}`, async () => {
      const review = await reviews.findReview(db, hit.country, hit.cycle);
      return review ? review.language : null;
    });
    const question = cycle?.questionnaire.sections
      .flatMap((section) => section.questions)
      .find((q) => q.id === hit.questionId);
    out.push({
      ...hit,
      countryName: country?.name ?? { en: hit.country },
      cycleTitle: cycle?.cycle.title ?? { en: hit.cycle },
      question: question ? { text: question.text, textStatus: question.textStatus } : null,
      language,
    });
  }
  return out;
}
