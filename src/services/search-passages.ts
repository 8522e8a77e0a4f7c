import type { Kysely } from 'kysely';
import * as citations from '../db/queries/citations.js';
import type { Database } from '../db/schema.js';
import { searchTerms, sentencesWith, type SubmittedPassage } from '../domain/citation.js';
import { PacteError } from '../domain/errors.js';
import type { Language, Multilingual } from '../domain/language.js';
import type { Actor } from '../domain/permissions.js';
import type { ReviewDocument } from '../domain/review.js';
import { openSyntheses } from './synthesis-access.js';

export interface PassageFound {
  country: string;
  countryName: Multilingual;
  synthetic: boolean;
  submittedAt: Date;
  language: Language;
  /** Ready to post as a citation (`POST …/citations` with `{passage}`). */
  passage: SubmittedPassage;
}

/** At most this many passages are returned, in country, question and reading order. */
export const PASSAGE_SEARCH_LIMIT = 100;

/**
 * `GET /cycles/{cycle}/passages?q=…`: the sentences of the region's latest submissions (every
 * question, every country of the cycle) holding every word of `q`, as passages to cite. Words are
 * compared as the search index folds them (src/domain/search-text.ts: case, Latin accents, Arabic
 * letter variants and و/ال prefixes), a word of `q` matching a word it begins, in fr, en and ar
 * alike. The answers are read whole from the submissions (the search index covers working answers
 * and published reviews, not submissions): one query, then the sentences are scanned here — a
 * cycle holds at most a few hundred submissions.
 */
export async function searchPassages(
  db: Kysely<Database>,
  actor: Actor | null,
  cycleId: string,
  query: string,
): Promise<{ cycle: string; total: number; passages: PassageFound[] }> {
  const { cycle } = await openSyntheses(db, actor, cycleId, 'synthesis.read');
  const terms = searchTerms(query);
  if (terms.length === 0) throw new PacteError('search.invalid_query', { max: 200 });
  const found: PassageFound[] = [];
  let total = 0;
  for (const submission of await citations.latestSubmissions(db, cycle.id)) {
    const document = submission.document as ReviewDocument;
    for (const question of document.sections.flatMap((s) => s.questions)) {
      for (const quote of sentencesWith(question.answer.blocks, terms)) {
        total++;
        if (found.length >= PASSAGE_SEARCH_LIMIT) continue;
        found.push({
          country: submission.country,
          countryName: submission.countryName,
          synthetic: submission.synthetic,
          submittedAt: submission.submittedAt,
          language: document.language,
          passage: {
            source: { kind: 'submission', country: submission.country, cycle: cycle.id, number: submission.number },
            questionId: question.id,
            position: { block: quote.block, start: quote.start, end: quote.end },
            text: quote.text,
          },
        });
      }
    }
  }
  return { cycle: cycle.id, total, passages: found };
}
