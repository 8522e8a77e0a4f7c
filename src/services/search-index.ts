import type { Kysely } from 'kysely';
import * as search from '../db/queries/search.js';
import type { Database } from '../db/schema.js';
import { blockTexts, type Block } from '../domain/blocks.js';
import type { Language } from '../domain/language.js';
import type { ReviewDocument } from '../domain/review.js';
import { SEARCH_NORMALIZATION_VERSION, normalizeSearchText } from '../domain/search-text.js';
import { inTransaction } from './use-case.js';

/**
 * Keeping the search index (docs/database.md, "Search"): the services that write an answer or
 * publish a version index it in their own transaction; what older versions left unindexed is
 * indexed at start. Searching is search-reviews.ts.
 */

/** Writes the index row of one answer; call it in the transaction that writes the answer. */
export async function indexAnswer(
  trx: Kysely<Database>,
  answer: { reviewId: number; questionId: string; language: Language; blocks: readonly Block[] },
): Promise<void> {
  await search.upsertSearchDocument(trx, {
    reviewId: answer.reviewId,
    questionId: answer.questionId,
    language: answer.language,
    body: normalizeSearchText(blockTexts(answer.blocks).join('\n')),
    normalization: SEARCH_NORMALIZATION_VERSION,
  });
}

/**
 * Makes `document`, the review's version `version`, what the public searches for the review
 * (replacing the previous version's rows); call it in the transaction that publishes.
 */
export async function indexPublication(
  trx: Kysely<Database>,
  reviewId: number,
  version: number,
  document: ReviewDocument,
): Promise<void> {
  const docs = document.sections.flatMap((section) =>
    section.questions.map((question) => ({
      questionId: question.id,
      language: document.language,
      body: normalizeSearchText(blockTexts(question.answer.blocks).join('\n')),
      blocks: question.answer.blocks,
    })),
  );
  await search.replacePublishedSearchDocuments(trx, reviewId, version, docs, SEARCH_NORMALIZATION_VERSION);
}

/** Indexes latest versions published before search_publication existed, or by an older normalisation; at start. */
export async function indexStalePublications(db: Kysely<Database>): Promise<number> {
  const stale = await search.stalePublishedSearch(db, SEARCH_NORMALIZATION_VERSION);
  for (const { reviewId, version, document } of stale) {
    await inTransaction(db, (trx) => indexPublication(trx, reviewId, version, document as ReviewDocument));
  }
  return stale.length;
}

/** Indexes the answers stored before search existed, or by an older normalisation; at start. */
export async function indexStaleAnswers(db: Kysely<Database>): Promise<number> {
  const stale = await search.staleSearchDocuments(db, SEARCH_NORMALIZATION_VERSION);
  if (stale.length === 0) return 0;
  await inTransaction(db, async (trx) => {
    for (const answer of stale) await indexAnswer(trx, answer);
  });
  return stale.length;
}
