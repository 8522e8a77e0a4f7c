import type { Kysely } from 'kysely';
import * as answerDrafts from '../db/queries/answer-drafts.js';
import * as catalogue from '../db/queries/catalogue.js';
import * as factQueries from '../db/queries/facts.js';
import * as reviews from '../db/queries/reviews.js';
import { isUniqueViolation } from '../db/constraints.js';
import type { Database } from '../db/schema.js';
import { checkValue, sameValue, type AnswerValue } from '../domain/answer-value.js';
import { BLOCK_LIMITS, cleanBlocks, sameBlocks, type Block } from '../domain/blocks.js';
import { strictBlocks } from '../domain/contributions.js';
import { PacteError } from '../domain/errors.js';
import { extractFacts } from '../domain/facts.js';
import { suggestObjectives } from '../domain/objective-suggestions.js';
import type { Actor } from '../domain/permissions.js';
import type { RevisionOrigin } from '../domain/review.js';
import { isLocked } from '../domain/workflow.js';
import { recordAudit } from './audit.js';
import { indexAnswer } from './search-index.js';
import {
  lockReview,
  openReview,
  questionOf,
  requireOnReview,
  requireOpen,
  type ReviewAccess,
} from './review-access.js';
import { inTransaction } from './use-case.js';

export interface SavedAnswer {
  questionId: string;
  revision: number;
  status: string;
  blocks: Block[];
  /** Present for a question that asks for a typed value (null: none given). */
  value?: AnswerValue | null;
  /** False when the text and value were those of the current revision: nothing was written. */
  changed?: boolean;
}

export interface AnswerChange {
  blocks: Block[];
  /**
   * The typed value, checked against the question (answer.value_invalid otherwise). Absent: the
   * current value stays (a client that only knows text cannot wipe it); null: no value.
   */
  value?: unknown;
  /** The revision the writer started from (0 for an answer not yet written). */
  baseRevision: number;
  /** What made the change: 'edit', 'merge', 'restore'. */
  origin: RevisionOrigin;
  /** The contributions the new text came from (merging). */
  contributionIds?: number[];
  note?: string | null;
}

/** `PUT …/answers/{questionId}`: the focal point writes the consolidated answer. */
export async function saveAnswer(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string },
  change: Omit<AnswerChange, 'origin'> & { origin?: RevisionOrigin },
): Promise<SavedAnswer> {
  const access = await openReview(db, actor, target.country, target.cycle);
  return inAnswerTransaction(db, access, target.questionId, change.baseRevision, (trx) =>
    writeAnswer(trx, actor, access, target.questionId, { ...change, origin: change.origin ?? 'edit' }),
  );
}

/**
 * Runs `work` (which calls writeAnswer) in a transaction. Two first saves of an answer that did
 * not exist have no row to lock: the second one's insert then hits the primary key, which is
 * the same edit conflict as a stale revision, and is answered as one.
 */
export async function inAnswerTransaction<T>(
  db: Kysely<Database>,
  access: ReviewAccess,
  questionId: string,
  baseRevision: number,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(db, work);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw editConflict(questionId, await reviews.findAnswer(db, access.review.id, questionId), baseRevision);
  }
}

function editConflict(questionId: string, current: reviews.AnswerRow | undefined, baseRevision: number) {
  return new PacteError('answer.edit_conflict', {
    question: questionId,
    currentRevision: current?.revision ?? 0,
    baseRevision,
    blocks: current?.blocks ?? [],
    author: current?.updatedBy ?? null,
  });
}

/**
 * Writes a new revision of an answer inside the caller's transaction, after every check: the
 * right to edit, an open review, the question, the lock of approved answers and optimistic
 * concurrency. The review row is share-locked first, so the review cannot be validated,
 * submitted or published between the check that it is open and the commit; then the answer row,
 * so two saves from the same base cannot both pass. Facts and objective suggestions are
 * recomputed from the new text.
 */
export async function writeAnswer(
  trx: Kysely<Database>,
  actor: Actor | null,
  seen: ReviewAccess,
  questionId: string,
  change: AnswerChange,
): Promise<SavedAnswer> {
  const access = await lockReview(trx, seen, 'share');
  const who = requireOnReview(actor, 'answer.edit', access);
  requireOpen(access);
  const { question } = questionOf(access, questionId);
  const blocks = cleanBlocks(strictBlocks(change.blocks)); // the service's own check, whatever the front door
  if (!blocks) throw new PacteError('blocks.too_large', { ...BLOCK_LIMITS });
  const reviewId = access.review.id;
  const current = await reviews.findAnswer(trx, reviewId, questionId, true);
  const currentRevision = current?.revision ?? 0;
  if (currentRevision !== change.baseRevision) throw editConflict(questionId, current, change.baseRevision);
  if (current && isLocked(current.status)) throw new PacteError('answer.locked', { question: questionId });
  const value =
    change.value === undefined
      ? (current?.value ?? null)
      : checkValue(
          question,
          change.value,
          (await catalogue.listPrinciples(trx)).map((p) => p.key),
        );
  const typed = (question.kind ?? 'text') !== 'text' ? { value } : {};
  // Saving what is already there writes no revision (nor an audit event): the history lists
  // changes. The author's draft of it has nothing left to keep.
  if (current && change.origin === 'edit' && sameBlocks(current.blocks, blocks) && sameValue(current.value, value)) {
    await answerDrafts.deleteAnswerDraft(trx, { reviewId, questionId, author: who.name });
    return { questionId, revision: currentRevision, status: current.status, blocks, ...typed, changed: false };
  }
  const revision = currentRevision + 1;
  await reviews.saveAnswerRevision(trx, {
    reviewId,
    questionId,
    revision,
    blocks,
    value,
    author: who.name,
    origin: change.origin,
    sourceSha256: null,
    ...(current ? {} : { status: 'drafting' }),
    contributionIds: change.contributionIds ?? [],
    note: change.note ?? null,
  });
  // The author's autosaved draft (save-answer-draft.ts) has become this revision: it goes with
  // the same commit, so a reload never offers again a text already saved (nor loses one, if the
  // save is refused). Only an edit by its author: a merge or a restore is another text.
  if (change.origin === 'edit') {
    await answerDrafts.deleteAnswerDraft(trx, { reviewId, questionId, author: who.name });
  }
  const language = access.review.language;
  await factQueries.replaceFacts(trx, reviewId, questionId, extractFacts(questionId, blocks, language));
  await factQueries.replaceSuggestions(
    trx,
    reviewId,
    questionId,
    suggestObjectives(blocks, language, await catalogue.listObjectives(trx)),
  );
  await indexAnswer(trx, { reviewId, questionId, language, blocks, value, question });
  await recordAudit(trx, who, `answer.${change.origin}`, {
    country: access.review.country,
    cycle: access.review.cycle,
    questionId,
    details: { revision, ...(change.contributionIds?.length ? { contributionIds: change.contributionIds } : {}) },
  });
  return { questionId, revision, status: current?.status ?? 'drafting', blocks, ...typed, changed: true };
}
