import type { Kysely } from 'kysely';
import * as codes from '../db/queries/codes.js';
import type { Database } from '../db/schema.js';
import { checkValues } from '../domain/codes.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { openCycle, requireCode } from './code-access.js';
import { inTransaction } from './use-case.js';

export type Decision = { state: 'confirmed'; values: string[] } | { state: 'rejected' };

/**
 * `PUT /cycles/{cycle}/codes/{question}/countries/{country}`: a person decides how a country's
 * answer is coded: confirmed with the values they set (the suggestion's, accepted, or others,
 * corrected), or rejected (none of the code's values fits). Who and when are kept on the coding
 * and in the audit log, with what was suggested, so a correction can be told from an acceptance.
 */
export async function confirmCode(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; questionId: string; country: string },
  decision: Decision,
): Promise<codes.CodedAnswerRow> {
  const { actor: who, cycle } = await openCycle(db, actor, target.cycle, 'cycle.manage');
  return inTransaction(db, async (trx) => {
    const code = await requireCode(trx, cycle.id, target.questionId, true);
    const values = decision.state === 'confirmed' ? checkValues(code, decision.values) : [];
    const before = await codes.findCodedAnswer(trx, code.id, target.country);
    if (!before) throw new PacteError('coded_answer.not_found', { country: target.country });
    await codes.decide(trx, code.id, target.country, { state: decision.state, values, by: who.name });
    const suggested = before.state === 'suggested' ? before.values : null;
    await recordAudit(trx, who, `code.${decision.state === 'confirmed' ? 'confirm' : 'reject'}`, {
      cycle: cycle.id,
      country: target.country,
      questionId: target.questionId,
      details: {
        submission: before.submissionNumber,
        values,
        previous: before.values,
        previousState: before.state,
        suggested,
      },
    });
    return (await codes.findCodedAnswer(trx, code.id, target.country))!;
  });
}
