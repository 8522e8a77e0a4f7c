import type { Kysely } from 'kysely';
import * as reviews from '../db/queries/reviews.js';
import type { Database } from '../db/schema.js';
import { diffBlocks, type DiffLine } from '../domain/diff.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { openReview, questionOf, requireOnReview, type ReviewAccess } from './review-access.js';
import { inAnswerTransaction, writeAnswer, type SavedAnswer } from './save-answer.js';

/** The history of an answer: every revision, newest first, each with who, when and why. */
export async function listRevisions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
): Promise<reviews.RevisionRow[]> {
  const access = await readable(db, actor, target);
  return reviews.listRevisions(db, access.review.id, target.questionId);
}

export async function getRevision(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  revision: number,
) {
  const access = await readable(db, actor, target);
  return revisionOf(db, access, target.questionId, revision);
}

/** What changed from one revision to another (either may be older). */
export async function diffRevisions(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  from: number,
  to: number,
): Promise<{ from: number; to: number; lines: DiffLine[] }> {
  const access = await readable(db, actor, target);
  const [a, b] = await Promise.all([
    revisionOf(db, access, target.questionId, from),
    revisionOf(db, access, target.questionId, to),
  ]);
  return { from, to, lines: diffBlocks(a.blocks, b.blocks) };
}

/** Restores an old revision as a new one: the history keeps everything in between. */
export async function restoreRevision(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  revision: number,
  baseRevision: number,
): Promise<SavedAnswer> {
  const access = await readable(db, actor, target);
  const old = await revisionOf(db, access, target.questionId, revision);
  return inAnswerTransaction(db, access, target.questionId, baseRevision, (trx) =>
    writeAnswer(trx, actor, access, target.questionId, {
      blocks: old.blocks,
      baseRevision,
      origin: 'restore',
      note: `restored from revision ${revision}`,
    }),
  );
}

async function readable(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
): Promise<ReviewAccess> {
  const access = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'review.read', access); // authors' names are not public, even once published
  questionOf(access, target.questionId);
  return access;
}

async function revisionOf(db: Kysely<Database>, access: ReviewAccess, questionId: string, revision: number) {
  const row = await reviews.findRevision(db, access.review.id, questionId, revision);
  if (!row) throw new PacteError('revision.not_found', { question: questionId, revision });
  return row;
}
