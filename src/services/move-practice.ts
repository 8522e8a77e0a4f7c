import type { Kysely } from 'kysely';
import * as practices from '../db/queries/practices.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { PRACTICE_LIMITS, practiceMove, type Practice, type PracticeState } from '../domain/practices.js';
import { recordAudit } from './audit.js';
import { indexPractice, notifyPractice, openPractice } from './practice-access.js';
import { requireAllowed } from './require-allowed.js';
import { inTransaction } from './use-case.js';

/**
 * `POST /api/v1/practices/{id}/state`: a move along the practice's workflow (domain/practices.ts
 * PRACTICE_MOVES), and only those: the secretariat takes a proposed practice into review,
 * publishes it or returns it with a comment; the country proposes a returned one again. Each
 * move is recorded with who and when (practice_move, and the audit log), tells the other side,
 * and publishing makes the practice searchable by the public.
 */
export async function movePractice(
  db: Kysely<Database>,
  actor: Actor | null,
  id: number,
  request: { to: PracticeState; comment?: string | undefined; version?: number | undefined },
): Promise<Practice> {
  return inTransaction(db, async (trx) => {
    const practice = await openPractice(trx, actor, id, true);
    const move = practiceMove(practice.state, request.to);
    const scope = { country: practice.country, region: practice.region };
    // Who may move at all is asked first: someone who may only read learns nothing of the workflow.
    const who = requireAllowed(actor, move?.by === 'country' ? 'practice.propose' : 'practice.review', scope);
    if (!move) throw new PacteError('practice.not_in_state', { state: practice.state, to: request.to });
    if (request.version !== undefined && request.version !== practice.version) {
      throw new PacteError('practice.edit_conflict', { current: practice.version, base: request.version });
    }
    const comment = (request.comment ?? '').normalize('NFC').trim();
    if (request.to === 'returned' && comment === '') throw new PacteError('practice.comment_required');
    if ([...comment].length > PRACTICE_LIMITS.comment) {
      throw new PacteError('practice.too_long', { field: 'comment', max: PRACTICE_LIMITS.comment });
    }
    await practices.setState(trx, id, {
      from: practice.state,
      to: request.to,
      comment: comment === '' ? null : comment,
      by: who.name,
    });
    const moved = await openPractice(trx, who, id);
    await indexPractice(trx, moved);
    await recordAudit(trx, who, 'practice.move', {
      country: practice.country,
      cycle: practice.cycle,
      details: { practice: id, from: practice.state, to: request.to, ...(comment ? { comment } : {}) },
    });
    await notifyPractice(
      trx,
      moved,
      move.by === 'country' ? 'secretariat' : 'country',
      `practice_${request.to}`,
      comment ? { comment } : {},
    );
    return moved;
  });
}
