/**
 * Starting a review from the country's review of an earlier cycle: its answers are copied as the
 * first revisions of the new one (origin `copied`, naming the cycle they come from), question by
 * question through the mapping of the two questionnaires — the same id by default. Answers to
 * questions the new questionnaire does not have are reported, never dropped silently.
 */
import type { Kysely } from 'kysely';
import * as cycles from '../db/queries/cycles.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import type { Block } from '../domain/blocks.js';
import type { Cycle } from '../domain/cycles.js';
import { PacteError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { canSeeReview, type Actor } from '../domain/permissions.js';
import { indexAnswer } from './search-index.js';

export interface CopyReport {
  /** The cycle of the review the answers come from. */
  from: string;
  /** The questions whose answer was copied, in the new questionnaire's order. */
  questions: string[];
  /** Questions answered in the earlier review that the new questionnaire does not have. */
  notInQuestionnaire: string[];
}

interface Source {
  reviewId: number;
  cycle: string;
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
  return { reviewId: review.id, cycle: cycleId };
}

/** Copies the source's non-empty answers into the new review (created in the same transaction). */
export async function copyAnswers(
  trx: Kysely<Database>,
  actor: Actor,
  target: { id: number; language: Language; cycle: Cycle },
  source: Source,
  /** Earlier question id → new question id, where they differ. */
  mapping: Readonly<Record<string, string>> = {},
): Promise<CopyReport> {
  const answers = await reviews.findAnswers(trx, source.reviewId);
  const targetIds = await cycles.questionIds(trx, target.cycle.questionnaireId, target.cycle.questionnaireVersion);
  const known = new Set(targetIds);
  const invalid = (question: string) => new PacteError('review.invalid_mapping', { cycle: target.cycle.id, question });
  // Each new question gets the answer of the earlier question mapped to it (the same id by default).
  const incoming = new Map<string, Block[]>();
  const notInQuestionnaire: string[] = [];
  for (const [id, answer] of answers) {
    if (answer.blocks.length === 0) continue;
    const to = Object.hasOwn(mapping, id) ? mapping[id]! : id;
    if (!known.has(to)) {
      if (Object.hasOwn(mapping, id)) throw invalid(to);
      notInQuestionnaire.push(id);
    } else if (incoming.has(to)) throw invalid(to);
    else incoming.set(to, answer.blocks);
  }
  const questions: string[] = [];
  for (const questionId of targetIds) {
    const blocks = incoming.get(questionId);
    if (!blocks) continue;
    await reviews.saveAnswerRevision(trx, {
      reviewId: target.id,
      questionId,
      revision: 1,
      blocks,
      author: actor.name,
      origin: 'copied',
      sourceSha256: null,
      copiedFromCycle: source.cycle,
    });
    await indexAnswer(trx, { reviewId: target.id, questionId, language: target.language, blocks });
    questions.push(questionId);
  }
  return { from: source.cycle, questions, notInQuestionnaire: notInQuestionnaire.sort() };
}
