import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import type { ContributionKey } from './contribution-access.js';
import { lockReview, openReview, questionOf, requireOnReview, requireOpen } from './review-access.js';
import { inTransaction } from './use-case.js';

/** Responses are at most this long (characters). */
export const MAX_RESPONSE = 10_000;

/**
 * The focal point's response to a stakeholder's input: how it was taken into account. The
 * stakeholder sees it with the input. Needs `answer.edit` and an open review; in one
 * transaction with the audit event.
 */
export async function respondToInput(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
  text: string,
): Promise<{ id: number; response: string }> {
  const response = text.normalize('NFC').trim();
  if (response.length === 0 || response.length > MAX_RESPONSE) {
    throw new PacteError('request.invalid', { problem: `a response of 1 to ${MAX_RESPONSE} characters` });
  }
  const seen = await openReview(db, actor, key.country, key.cycle);
  questionOf(seen, key.questionId);
  requireOnReview(actor, 'answer.edit', seen);
  return inTransaction(db, async (trx) => {
    // The review first (share: it must stay open until this commits), then the input.
    const access = await lockReview(trx, seen, 'share');
    const editor = requireOnReview(actor, 'answer.edit', access);
    requireOpen(access);
    const row = await contributions.findContribution(
      trx,
      { reviewId: access.review.id, questionId: key.questionId, entityId: key.entityId },
      true,
    );
    if (!row) throw new PacteError('contribution.not_found', { question: key.questionId, entity: key.entityId });
    if (row.kind !== 'input') {
      throw new PacteError('request.invalid', { problem: 'only a stakeholder input takes a response' });
    }
    await contributions.setResponse(trx, row.id, response);
    await recordAudit(trx, editor, 'contribution.respond', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId: key.questionId,
      details: { contribution: row.id, entity: key.entityId },
    });
    return { id: row.id, response };
  });
}
