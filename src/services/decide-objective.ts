import type { Kysely } from 'kysely';
import * as catalogue from '../db/queries/catalogue.js';
import * as factQueries from '../db/queries/facts.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockReview, openReview, questionOf, requireOnReview, requireOpen } from './review-access.js';
import { inTransaction } from './use-case.js';

/**
 * `PUT …/answers/{questionId}/objectives/{n}`: the focal point confirms a suggested GCM
 * objective (or adds one) or removes it. Confirmed objectives are the tags search and regional
 * views use; a removal survives re-imports.
 */
export async function decideObjective(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { country: string; cycle: string; questionId: string; objective: number },
  status: 'confirmed' | 'removed',
): Promise<{ objective: number; status: string }> {
  const seen = await openReview(db, actor, target.country, target.cycle);
  requireOnReview(actor, 'answer.edit', seen);
  questionOf(seen, target.questionId);
  const known = (await catalogue.listObjectives(db)).some((o) => o.number === target.objective);
  if (!known) throw new PacteError('objective.not_found', { objective: target.objective });
  await inTransaction(db, async (trx) => {
    const access = await lockReview(trx, seen, 'share'); // open until this commits
    const who = requireOnReview(actor, 'answer.edit', access);
    requireOpen(access);
    await factQueries.setObjectiveStatus(trx, access.review.id, target.questionId, target.objective, status);
    await recordAudit(trx, who, 'objective.decide', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId: target.questionId,
      details: { objective: target.objective, status },
    });
  });
  return { objective: target.objective, status };
}
