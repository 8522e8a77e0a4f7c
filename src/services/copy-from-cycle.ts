/**
 * Starting a review from the country's review of an earlier cycle: its answers are copied as the
 * first revisions of the new one (origin `copied`, naming the cycle they come from), through the
 * stored mapping of the two cycles' questionnaire versions (docs/questionnaires.md « Mapping »:
 * the same id by default, splits, merges, questions with no successor), typed values included
 * where they still fit. The request's own mapping overrides the stored one for the questions it
 * names. Answers that go nowhere, and values that could not follow, are reported, never dropped
 * silently.
 */
import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as cycles from '../db/queries/cycles.js';
import { findMappingRows, type VersionKey } from '../db/queries/question-mappings.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { canSeeReview, type Actor } from '../domain/permissions.js';
import { carryAnswers, resolveMapping, type MappingRow, type QuestionMap } from '../domain/question-mapping.js';
import { questionsOf, type Questionnaire } from '../domain/questionnaire.js';
import { indexAnswer } from './search-index.js';

export interface CopyReport {
  /** The cycle of the review the answers come from. */
  from: string;
  /** The questions whose answer was copied, in the new questionnaire's order. */
  questions: string[];
  /** Questions answered in the earlier review that the new questionnaire does not have. */
  notInQuestionnaire: string[];
  /** Earlier questions whose answer was copied to several new ones, for the focal point to trim. */
  split: { from: string; to: string[] }[];
  /** New questions that received the answers of several earlier ones, one after the other. */
  merged: { from: string[]; to: string }[];
  /** New questions that received an earlier answer's text but not its typed value (kinds or options differ, or a merge). */
  valuesNotCarried: string[];
}

interface Source {
  reviewId: number;
  cycle: string;
  questionnaire: VersionKey;
}

/** The earlier review, if the actor may read it; review.not_found otherwise (as for any review). */
export async function copySource(
  trx: Kysely<Database>,
  actor: Actor,
  country: string,
  cycleId: string,
): Promise<Source> {
  const review = await reviews.findReview(trx, country, cycleId);
  const cycle = review && (await cycles.findCycle(trx, cycleId));
  if (!review || !cycle || !canSeeReview(actor, { country, region: cycle.regionId, status: review.status })) {
    throw new PacteError('review.not_found', { country, cycle: cycleId });
  }
  return {
    reviewId: review.id,
    cycle: cycleId,
    questionnaire: { id: cycle.questionnaireId, version: cycle.questionnaireVersion },
  };
}

/**
 * The map from the earlier version's questions to the later one's: the stored rows, except for
 * the earlier questions the request names (`explicit`: earlier id → later id), which go where it
 * says. A request naming a question neither version has is `review.invalid_mapping`.
 */
function questionMap(
  earlier: Questionnaire,
  later: Questionnaire,
  stored: readonly MappingRow[],
  explicit: Readonly<Record<string, string>>,
  cycle: string,
): QuestionMap {
  const earlierIds = new Set(questionsOf(earlier).map((q) => q.id));
  const laterIds = new Set(questionsOf(later).map((q) => q.id));
  for (const [from, to] of Object.entries(explicit)) {
    if (!laterIds.has(to)) throw new PacteError('review.invalid_mapping', { cycle, question: to });
    if (!earlierIds.has(from)) throw new PacteError('review.invalid_mapping', { cycle, question: from });
  }
  const rows = [
    ...stored.filter((row) => !Object.hasOwn(explicit, row.from)),
    ...Object.entries(explicit).map(([from, to]) => ({ from, to })),
  ];
  return resolveMapping(earlier, later, rows);
}

/** Copies the source's non-empty answers into the new review (created in the same transaction). */
export async function copyAnswers(
  trx: Kysely<Database>,
  actor: Actor,
  target: { id: number; language: Language; cycle: Cycle },
  source: Source,
  /** Earlier question id → new question id, overriding the stored mapping for those questions. */
  mapping: Readonly<Record<string, string>> = {},
): Promise<CopyReport> {
  const laterKey = { id: target.cycle.questionnaireId, version: target.cycle.questionnaireVersion };
  const earlier = await catalogue.findQuestionnaire(trx, source.questionnaire.id, source.questionnaire.version);
  const later = await catalogue.findQuestionnaire(trx, laterKey.id, laterKey.version);
  // Both cycles name a version that exists (foreign keys); a missing one is a broken database.
  if (!earlier || !later) throw new Error(`questionnaire of cycle ${source.cycle} or ${target.cycle.id} missing`);
  const stored = await findMappingRows(trx, source.questionnaire, laterKey);
  const map = questionMap(earlier, later, stored, mapping, target.cycle.id);
  const answers = await reviews.findAnswers(trx, source.reviewId);
  const carried = carryAnswers(earlier, later, map, answers);
  const questions: string[] = [];
  for (const [questionId, answer] of carried.answers) {
    await reviews.saveAnswerRevision(trx, {
      reviewId: target.id,
      questionId,
      revision: 1,
      blocks: answer.blocks,
      value: answer.value,
      author: actor.name,
      origin: 'copied',
      sourceSha256: null,
      copiedFromCycle: source.cycle,
    });
    await indexAnswer(trx, { reviewId: target.id, questionId, language: target.language, blocks: answer.blocks });
    questions.push(questionId);
  }
  // Splits and merges as they happened to this review's answers (not the whole map's).
  const answered = (id: string) => {
    const answer = answers.get(id);
    return !!answer && (answer.blocks.length > 0 || !!answer.value);
  };
  const split = [...map]
    .filter(([from, to]) => to.length > 1 && answered(from))
    .map(([from, to]) => ({ from, to: [...to] }));
  const merged = questions.flatMap((to) => {
    const from = [...map].filter(([f, targets]) => targets.includes(to) && answered(f)).map(([f]) => f);
    return from.length > 1 ? [{ from, to }] : [];
  });
  return {
    from: source.cycle,
    questions,
    notInQuestionnaire: carried.notInQuestionnaire.sort(),
    split,
    merged,
    valuesNotCarried: carried.valuesNotCarried,
  };
}
