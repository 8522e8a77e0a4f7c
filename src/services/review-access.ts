import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as reviews from '../db/queries/reviews.js';
import * as submissions from '../db/queries/submissions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, canSeeReview, entitiesOf, type Action, type Actor, type Scope } from '../domain/permissions.js';
import type { Question, Questionnaire, QuestionnaireSection } from '../domain/questionnaire.js';
import { OPEN_REVIEW } from '../domain/workflow.js';

/**
 * A review as the workspace services see it: its row, its questionnaire, and the scope every
 * permission check of it needs (country, the cycle's region, status). The one place that
 * decides whether a review is visible: a review someone may not see is `review.not_found`
 * for them, as if it did not exist.
 */
export interface ReviewAccess {
  review: reviews.ReviewRow;
  questionnaire: Questionnaire;
  scope: Required<Pick<Scope, 'country' | 'region' | 'status'>>;
}

/**
 * Opens a review for `actor`. `participant: true` also admits the contributors and
 * stakeholders of the country's entities, whose access is then narrowed question by question;
 * `submissions: true`, the region's secretariat once the review was submitted, which then reads
 * its submissions only (services/submission-access.ts).
 */
export async function openReview(
  db: Kysely<Database>,
  actor: Actor | null,
  country: string,
  cycleId: string,
  options: { participant?: boolean; submissions?: boolean } = {},
): Promise<ReviewAccess> {
  const code = country.toUpperCase();
  const notFound = () => new PacteError('review.not_found', { country, cycle: cycleId });
  const review = await reviews.findReview(db, code, cycleId);
  if (!review) throw notFound();
  const cycle = await catalogue.findCycle(db, review.cycle);
  if (!cycle) throw notFound();
  const scope = { country: review.country, region: cycle.regionId, status: review.status };
  const visible =
    canSeeReview(actor, scope) ||
    (options.participant === true && (await takesPart(db, actor, review))) ||
    (options.submissions === true && (await readsSubmissions(db, actor, review.id, scope)));
  if (!visible) throw notFound();
  const questionnaire = await questionnaireOf(db, cycle);
  if (!questionnaire) throw new PacteError('questionnaire.not_found', { questionnaire: cycle.questionnaireId });
  return { review, questionnaire, scope };
}

/**
 * Whether the actor may read what the country submitted (the region's secretariat), once it did:
 * a review never submitted stays unknown to the secretariat (migration 015).
 */
async function readsSubmissions(db: Kysely<Database>, actor: Actor | null, reviewId: number, scope: Scope) {
  return can(actor, 'submission.read', scope) && (await submissions.latestNumber(db, reviewId)) > 0;
}

/**
 * Whether a member of an entity takes part in the review: a question is given to their entity,
 * their entity has written something for it, or (stakeholders) the consultation is open.
 * Anyone else does not learn that the unpublished review exists.
 */
export async function takesPart(
  db: Kysely<Database>,
  actor: Actor | null,
  review: Pick<reviews.ReviewRow, 'id' | 'country' | 'status'>,
): Promise<boolean> {
  const entities = entitiesOf(actor, review.country);
  if (entities.length === 0) return false;
  const consulting =
    review.status === 'in_consultation' &&
    (actor?.grants ?? []).some((g) => g.role === 'stakeholder' && g.country === review.country);
  return consulting || (await reviews.entitiesTakePart(db, review.id, entities));
}

/**
 * Every workspace request needs the review's questionnaire version, so each process keeps the
 * versions it read, per database. A version's content changes while no answer uses it (its
 * secretariat edits it, marks a wording official): the database raises its edition then
 * (migration 039), which the cycle's row brings, so a version kept is the current one, whichever
 * instance changed it. One edition a version is kept.
 */
const questionnaires = new WeakMap<
  object,
  Map<string, { edition: number; found: Promise<Questionnaire | undefined> }>
>();
function questionnaireOf(db: Kysely<Database>, cycle: catalogue.CycleRow) {
  const cache =
    questionnaires.get(db) ?? new Map<string, { edition: number; found: Promise<Questionnaire | undefined> }>();
  questionnaires.set(db, cache);
  const key = `${cycle.questionnaireId}@${cycle.questionnaireVersion}`;
  const kept = cache.get(key);
  if (kept?.edition === cycle.questionnaireEdition) return kept.found;
  const found = catalogue.findQuestionnaire(db, cycle.questionnaireId, cycle.questionnaireVersion);
  const entry = { edition: cycle.questionnaireEdition, found };
  cache.set(key, entry);
  // Only hits stay (and only the latest read of a version).
  const forget = () => cache.get(key) === entry && cache.delete(key);
  found.then((q) => q ?? forget()).catch(forget);
  return found;
}

/** The question of the review's questionnaire, with its section; `question.not_found` otherwise. */
export function questionOf(
  access: ReviewAccess,
  questionId: string,
): { section: QuestionnaireSection; question: Question } {
  for (const section of access.questionnaire.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return { section, question };
  }
  throw new PacteError('question.not_found', { question: questionId });
}

/** Throws `auth.forbidden` unless the actor may do `action` on this review. */
export function requireOnReview(actor: Actor | null, action: Action, access: ReviewAccess, entity?: number): Actor {
  if (!actor) throw new PacteError('auth.required');
  const scope = entity === undefined ? access.scope : { ...access.scope, entity };
  if (!can(actor, action, scope)) throw new PacteError('auth.forbidden', { action, country: access.scope.country });
  return actor;
}

/**
 * The review re-read inside the transaction that writes, its row locked (reviews.lockReview),
 * so that the state a write decides on — the status, for a move or for `requireOpen` — is the
 * one it commits with. `openReview` may come first, outside, for the 404 and 403 answers; the
 * decision is made again on what this returns. Lock order: the review first, then the answer,
 * then contributions, in every use case, so two of them never wait for each other.
 */
export async function lockReview(
  trx: Kysely<Database>,
  access: ReviewAccess,
  mode: 'update' | 'share',
): Promise<LockedReview> {
  if (!trx.isTransaction) throw new Error('lockReview runs in the transaction that writes (inTransaction)');
  const review = await reviews.lockReview(trx, access.review.id, mode);
  if (!review) throw new PacteError('review.not_found', { country: access.review.country, cycle: access.review.cycle });
  return { ...access, review, scope: { ...access.scope, status: review.status }, locked: mode };
}

/**
 * A review read under its lock (lockReview): what a write decides the review's state on. The
 * checks of the state take only this, so the compiler refuses one made on an earlier read.
 */
export type LockedReview = ReviewAccess & { readonly locked: 'update' | 'share' };

/** Answers and contributions change only while the review is draft or in consultation. */
export function requireOpen(access: LockedReview): void {
  if (!OPEN_REVIEW.has(access.review.status)) {
    throw new PacteError('review.not_in_state', { status: access.review.status, expected: 'draft, in_consultation' });
  }
}
