import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as search from '../db/queries/search.js';
import type { Database } from '../db/schema.js';
import type { AnswerValue } from '../domain/answer-value.js';
import { valueLabels } from '../domain/answer-value-text.js';
import { blockTexts, type Block } from '../domain/blocks.js';
import type { Language } from '../domain/language.js';
import { questionsOf, type Question, type Questionnaire } from '../domain/questionnaire.js';
import type { ReviewDocument } from '../domain/review.js';
import { NO_NAMES } from '../domain/value-text.js';
import { SEARCH_NORMALIZATION_VERSION, normalizeSearchText } from '../domain/search-text.js';
import { inTransaction } from './use-case.js';
import { valueNames } from './value-names.js';

/**
 * Keeping the search index (docs/database.md, "Search"): the services that write an answer or
 * publish a version index it in their own transaction; what older versions left unindexed is
 * indexed at start. Searching is search-reviews.ts.
 */

/**
 * What is searched of an answer: the words of its typed value (choice labels, objective and
 * principle titles, the number with its unit, in the review's language; issue 15) then its text.
 */
const bodyOf = (blocks: readonly Block[], labels: string[]) =>
  normalizeSearchText([...labels, ...blockTexts(blocks)].join('\n'));

/** Writes the index row of one answer; call it in the transaction that writes the answer. */
export async function indexAnswer(
  trx: Kysely<Database>,
  answer: {
    reviewId: number;
    questionId: string;
    language: Language;
    blocks: readonly Block[];
    value?: AnswerValue | null;
    question?: Pick<Question, 'choices' | 'unit'>;
  },
): Promise<void> {
  const labels =
    answer.value && answer.question
      ? valueLabels(answer.question, answer.value, answer.language, await valueNames(trx))
      : [];
  await search.upsertSearchDocument(trx, {
    reviewId: answer.reviewId,
    questionId: answer.questionId,
    language: answer.language,
    body: bodyOf(answer.blocks, labels),
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
  const typed = document.sections.some((s) => s.questions.some((q) => q.answer.value));
  const titles = typed ? await valueNames(trx) : NO_NAMES;
  const docs = document.sections.flatMap((section) =>
    section.questions.map((question) => {
      // The document's choices and unit are already in its language; valueLabels picks them as such.
      const asked = {
        ...(question.choices
          ? { choices: question.choices.map((c) => ({ id: c.id, label: { [document.language]: c.label } })) }
          : {}),
        ...(question.unit ? { unit: { [document.language]: question.unit } } : {}),
      };
      return {
        questionId: question.id,
        language: document.language,
        body: bodyOf(question.answer.blocks, valueLabels(asked, question.answer.value, document.language, titles)),
        blocks: question.answer.blocks,
      };
    }),
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
  const versions = new Map<string, Promise<Questionnaire | undefined>>();
  const questionOf = async (answer: (typeof stale)[number]) => {
    if (!answer.value) return undefined;
    const key = `${answer.questionnaire.id}@${answer.questionnaire.version}`;
    if (!versions.has(key))
      versions.set(key, catalogue.findQuestionnaire(db, answer.questionnaire.id, answer.questionnaire.version));
    const questionnaire = await versions.get(key)!;
    return questionnaire ? questionsOf(questionnaire).find((q) => q.id === answer.questionId) : undefined;
  };
  await inTransaction(db, async (trx) => {
    for (const answer of stale) {
      const question = await questionOf(answer);
      await indexAnswer(trx, { ...answer, ...(question ? { question } : {}) });
    }
  });
  return stale.length;
}
