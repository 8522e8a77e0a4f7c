import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as factQueries from '../db/queries/facts.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import { buildReviewDocument, type ReviewDocument } from '../domain/review.js';
import { openReview } from './review-access.js';

/** A stored review: the review JSON with its facts and the objectives suggested or confirmed. */
export interface StoredReview extends ReviewDocument {
  objectives: Record<string, factQueries.AnswerObjective[]>;
}

export interface ReviewInContext {
  review: StoredReview;
  status: string;
  questionnaire: Questionnaire;
  cycle: catalogue.CycleRow;
  country: catalogue.CountryRow;
}

/** A review with what a reader needs around it: its questionnaire, cycle and country. */
export async function getReviewInContext(
  db: Kysely<Database>,
  actor: Actor | null,
  countryCode: string,
  cycleId: string,
): Promise<ReviewInContext> {
  const { review: row } = await openReview(db, actor, countryCode, cycleId); // 404 unless visible
  const cycle = await catalogue.findCycle(db, row.cycle);
  const country = await catalogue.findCountry(db, row.country);
  const questionnaire =
    cycle && (await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion));
  if (!cycle || !country || !questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: cycleId });
  const answers = await reviews.findAnswers(db, row.id);
  const header = { country: row.country, cycle: row.cycle, language: row.language, title: row.title };
  const facts = await factQueries.findFacts(db, row.id);
  const objectives = Object.fromEntries(await factQueries.findObjectives(db, row.id));
  return {
    review: { ...buildReviewDocument(questionnaire, header, answers, true), facts, objectives },
    status: row.status,
    questionnaire,
    cycle,
    country,
  };
}

/** One review in the review JSON, with each answer's revision. */
export async function getReview(
  db: Kysely<Database>,
  actor: Actor | null,
  country: string,
  cycleId: string,
): Promise<StoredReview> {
  return (await getReviewInContext(db, actor, country, cycleId)).review;
}
