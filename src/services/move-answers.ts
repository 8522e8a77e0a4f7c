import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isPacteError, PacteError, type ErrorCode, type ErrorDetails } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import type { AnswerStatus } from '../domain/workflow.js';
import {
  applyAnswerMove,
  decideAnswerMove,
  requireSomeMoveToward,
  waiverFor,
  type AnswerMoveRequest,
  type DecidedAnswerMove,
} from './move-answer.js';
import { lockReview, openReview, requireOpen, type ReviewAccess } from './review-access.js';
import { inTransaction } from './use-case.js';

/** Why one answer of a bulk move could not move: the code its single move would have answered. */
export interface RefusedAnswer {
  questionId: string;
  code: ErrorCode;
  details: ErrorDetails;
}

/**
 * `POST …/answers/status`: moves several answers to the same status in one transaction, all or
 * nothing (issue 12, item 8: 23 answers sent for review, then approved, one by one). Each answer
 * is decided exactly as moveAnswer decides one (decideAnswerMove: the move from its status, the
 * right, the separation of duties, the comment or reason); if any cannot move, nothing is written
 * and `answers.not_moved` lists each refused question with its own code. Each moved answer gets
 * its audit event and its notifications, as a single move does (per answer: the notifications
 * name their question, notify.ts has no grouped kind).
 */
export async function moveAnswers(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string },
  request: AnswerMoveRequest & { questions: string[] },
): Promise<{ answers: { questionId: string; from: AnswerStatus; status: AnswerStatus }[] }> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  requireSomeMoveToward(actor, seen, request.to);
  const questions = checkQuestions(seen, request.questions);
  return inTransaction(db, async (trx) => {
    // Lock order as everywhere (review-access.ts): the review, then the answers — here in the
    // questionnaire's order, so two bulk moves over overlapping answers never wait for each other.
    const access = await lockReview(trx, seen, 'share');
    requireOpen(access);
    const waived = await waiverFor(trx, access, request);
    const decided: DecidedAnswerMove[] = [];
    const refused: RefusedAnswer[] = [];
    for (const questionId of questions) {
      try {
        decided.push(await decideAnswerMove(trx, actor, access, questionId, request, waived));
      } catch (error) {
        if (!isPacteError(error)) throw error;
        refused.push({ questionId, code: error.code, details: error.details });
      }
    }
    if (refused.length > 0)
      throw new PacteError('answers.not_moved', {
        count: refused.length,
        questions: refused.map((r) => r.questionId).join(', '),
        refused,
      });
    for (const move of decided) await applyAnswerMove(trx, access, move);
    return { answers: decided.map((d) => ({ questionId: d.questionId, from: d.from, status: d.to })) };
  });
}

/**
 * The questions named, checked before anything is locked: at least one, each once, each a
 * question of the review's questionnaire. Returns them in the questionnaire's order (the lock
 * order).
 */
function checkQuestions(access: ReviewAccess, named: string[]): string[] {
  if (named.length === 0) throw new PacteError('answers.none_named');
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const q of named) (seen.has(q) ? twice : seen).add(q);
  if (twice.size > 0) throw new PacteError('answers.duplicate_questions', { questions: [...twice].join(', ') });
  const order = access.questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
  const unknown = named.filter((q) => !order.includes(q));
  if (unknown.length > 0) throw new PacteError('answers.unknown_questions', { questions: unknown.join(', ') });
  return order.filter((q) => seen.has(q));
}
