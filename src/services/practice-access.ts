import type { Kysely } from 'kysely';
import * as notifications from '../db/queries/notifications.js';
import * as practices from '../db/queries/practices.js';
import * as publications from '../db/queries/publications.js';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { passageHolds } from '../domain/passage.js';
import { can, type Actor } from '../domain/permissions.js';
import { isEditable, movesFrom, practiceSearchText, type Practice, type PracticeState } from '../domain/practices.js';
import type { ReviewDocument } from '../domain/review.js';
import { normalizeSearchText } from '../domain/search-text.js';
import { answerOf } from './list-translations.js';

/**
 * Who sees which practice (docs/practices.md): everyone the published ones; a country's team
 * (focal points, validators) its country's in any state; a region's secretariat its region's.
 * Anyone else is told a practice does not exist (404), whether or not it does.
 */
export function visibilityOf(actor: Actor | null): practices.PracticeVisibility {
  const grants = actor?.grants ?? [];
  return {
    all: grants.some((g) => g.role === 'admin'),
    countries: grants
      .filter((g) => (g.role === 'focal_point' || g.role === 'validator') && g.country !== null)
      .map((g) => g.country!),
    regions: grants.filter((g) => g.role === 'secretariat' && g.region !== null).map((g) => g.region!),
  };
}

/** Whether the actor may read the practice as it stands (the same rule as `visibilityOf`, through `can`). */
export function canSeePractice(actor: Actor | null, practice: Practice): boolean {
  return (
    practice.state === 'published' ||
    can(actor, 'practice.read', { country: practice.country, region: practice.region })
  );
}

export const practiceNotFound = (id: number | string) => new PacteError('practice.not_found', { id: String(id) });

/** The practice, when the actor may see it; `practice.not_found` otherwise (nothing said of it). */
export async function openPractice(
  db: Kysely<Database>,
  actor: Actor | null,
  id: number,
  lock = false,
): Promise<Practice> {
  const practice = await practices.findPractice(db, id, lock);
  if (!practice || !canSeePractice(actor, practice)) throw practiceNotFound(id);
  return practice;
}

/**
 * Makes the practice what the public finds by its words, in its own language and each
 * translation's, when it is published; removes it from the index otherwise. Call it in the
 * transaction that publishes it or translates it.
 */
export async function indexPractice(trx: Kysely<Database>, practice: Practice): Promise<void> {
  if (practice.state !== 'published') {
    await practices.replaceSearchRows(trx, practice.id, []);
    return;
  }
  const names = [...practice.implementing, ...practice.partners];
  const translations = await practices.listTranslations(trx, [practice.id]);
  const docs = [
    { language: practice.language, body: normalizeSearchText(practiceSearchText(practice, names)) },
    ...translations
      .filter((t) => t.language !== practice.language)
      .map((t) => ({ language: t.language, body: normalizeSearchText(practiceSearchText(t.fields, names)) })),
  ];
  await practices.replaceSearchRows(trx, practice.id, docs);
}

/**
 * Tells the other side of a move: the region's secretariat when the country proposes, the
 * country's focal points when the secretariat moves (notifications are per country and cycle).
 */
export async function notifyPractice(
  trx: Kysely<Database>,
  practice: Practice,
  to: 'secretariat' | 'country',
  kind: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const users =
    to === 'secretariat'
      ? await practices.secretariatUsers(trx, practice.region)
      : await notifications.findUsersWithRole(trx, ['focal_point'], { country: practice.country });
  await notifications.insertNotifications(trx, users, {
    kind,
    country: practice.country,
    cycle: practice.cycle,
    questionId: null,
    details: { practice: practice.id, title: practice.title, ...details },
  });
}

/**
 * Where the public may read the passage a practice cites: the country's published review, when
 * its latest published version still says those words at that place; null otherwise (the
 * passage is then quoted, never linked to the unpublished submission).
 */
export async function publishedSourceOf(
  db: Kysely<Database>,
  practice: Practice,
): Promise<{ country: string; cycle: string; version: number } | null> {
  const source = practice.source;
  if (!source || source.source.kind !== 'submission') return null;
  const review = await reviews.findReview(db, source.source.country, source.source.cycle);
  if (!review) return null;
  const version = await publications.findVersion(db, review.id);
  if (!version) return null;
  const blocks = answerOf(version.document as ReviewDocument, source.questionId);
  if (!passageHolds(blocks, source)) return null;
  return { country: source.source.country, cycle: source.source.cycle, version: version.version };
}

/** The moves the actor may make now (what the pages offer as buttons). */
export function offeredMoves(actor: Actor | null, practice: Practice): PracticeState[] {
  const scope = { country: practice.country, region: practice.region };
  return (['country', 'secretariat'] as const)
    .filter((side) => can(actor, side === 'country' ? 'practice.propose' : 'practice.review', scope))
    .flatMap((side) => movesFrom(practice.state, side));
}

/** Whether the actor may rewrite the practice now. */
export function mayEdit(actor: Actor | null, practice: Practice): boolean {
  return (
    isEditable(practice.state) && can(actor, 'practice.propose', { country: practice.country, region: practice.region })
  );
}
