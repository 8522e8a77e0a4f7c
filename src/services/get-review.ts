import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as factQueries from '../db/queries/facts.js';
import * as publications from '../db/queries/publications.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError, isPacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import type { Questionnaire } from '../domain/questionnaire.js';
import { buildReviewDocument, type ReviewDocument } from '../domain/review.js';
import { openReview, type ReviewAccess } from './review-access.js';

/** A stored review: the review JSON with its facts and the objectives suggested or confirmed. */
export interface StoredReview extends ReviewDocument {
  objectives: Record<string, factQueries.AnswerObjective[]>;
  /** The review of a fictional country (the demo region): every text in it is generated. */
  synthetic?: true;
}

export interface ReviewInContext {
  review: StoredReview;
  status: string;
  questionnaire: Questionnaire;
  cycle: catalogue.CycleRow;
  country: catalogue.CountryRow;
  /** The published version shown; null when it is the working copy of an unpublished review. */
  publication: publications.VersionRow | null;
  /** Every published version, newest first. */
  versions: publications.VersionRow[];
}

/**
 * A review with what a reader needs around it: its questionnaire, cycle and country. Those who
 * may read the working copy get it; anyone else gets the latest published version (a review
 * being corrected stays readable as it was published); `version` asks for one version.
 */
export async function getReviewInContext(
  db: Kysely<Database>,
  actor: Actor | null,
  countryCode: string,
  cycleId: string,
  options: { version?: number | undefined } = {},
): Promise<ReviewInContext> {
  const access = await openIfAllowed(db, actor, countryCode, cycleId);
  const row = access?.review ?? (await reviews.findReview(db, countryCode.toUpperCase(), cycleId));
  const versions = row ? await publications.listVersions(db, row.id) : [];
  if (!row || (!access && versions.length === 0)) {
    throw new PacteError('review.not_found', { country: countryCode, cycle: cycleId });
  }
  const cycle = await catalogue.findCycle(db, row.cycle);
  const country = await catalogue.findCountry(db, row.country);
  const questionnaire =
    cycle && (await catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion));
  if (!cycle || !country || !questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: cycleId });
  const context = { questionnaire, cycle, country, versions };
  if (options.version !== undefined || !access) {
    const found = await publications.findVersion(db, row.id, options.version);
    if (!found) {
      throw new PacteError('review.version_not_found', {
        country: row.country,
        cycle: row.cycle,
        version: options.version,
      });
    }
    const publication = { version: found.version, publishedAt: found.publishedAt };
    return { ...context, review: found.document as StoredReview, status: 'published', publication };
  }
  const publication = row.status === 'published' ? (versions[0] ?? null) : null;
  return { ...context, review: await storedReview(db, row, questionnaire), status: row.status, publication };
}

/** The review's working copy if `actor` may read it; undefined if they may not (or it does not exist). */
async function openIfAllowed(
  db: Kysely<Database>,
  actor: Actor | null,
  country: string,
  cycleId: string,
): Promise<ReviewAccess | undefined> {
  try {
    return await openReview(db, actor, country, cycleId);
  } catch (error) {
    if (isPacteError(error) && error.code === 'review.not_found') return undefined;
    throw error;
  }
}

/** The review JSON of a review as stored now: answers with their revisions, facts, objectives. */
export async function storedReview(
  db: Kysely<Database>,
  row: reviews.ReviewRow,
  questionnaire: Questionnaire,
): Promise<StoredReview> {
  const answers = await reviews.findAnswers(db, row.id);
  const header = { country: row.country, cycle: row.cycle, language: row.language, title: row.title };
  const facts = await factQueries.findFacts(db, row.id);
  const objectives = Object.fromEntries(await factQueries.findObjectives(db, row.id));
  // Kept in the document itself, so that its published versions and submissions say so too.
  const synthetic = row.synthetic ? { synthetic: true as const } : {};
  return { ...buildReviewDocument(questionnaire, header, answers, true), facts, objectives, ...synthetic };
}

/** One review in the review JSON, with each answer's revision (`version`: one published version). */
export async function getReview(
  db: Kysely<Database>,
  actor: Actor | null,
  country: string,
  cycleId: string,
  version?: number,
): Promise<StoredReview> {
  return (await getReviewInContext(db, actor, country, cycleId, { version })).review;
}
