import type { Kysely } from 'kysely';
import * as codes from '../db/queries/codes.js';
import type { Database } from '../db/schema.js';
import { suggestCodeValues } from '../domain/code-suggestions.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { openCycle, requireCode } from './code-access.js';
import { inTransaction } from './use-case.js';

/** What one suggestion run did, country by country. */
export interface SuggestionRun {
  suggested: string[];
  /** Countries whose answer a person already decided on (confirmed or rejected): left as they are. */
  kept: string[];
}

/**
 * The suggestions of a code for every country of the cycle whose latest submission stands (not
 * returned): the values its answer's words suggest, with their passages, stored as `suggested`.
 * A coding a person confirmed or rejected for that same submission is kept; a later submission
 * is suggested afresh (the earlier decision stays in the audit log). One transaction, with the
 * code locked: two runs at once do not interleave.
 */
export async function suggestCodes(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; questionId: string },
): Promise<SuggestionRun> {
  const { actor: who, cycle } = await openCycle(db, actor, target.cycle, 'cycle.manage');
  return inTransaction(db, async (trx) => {
    const code = await requireCode(trx, cycle.id, target.questionId, true);
    const run: SuggestionRun = { suggested: [], kept: [] };
    for (const answer of await codes.submittedAnswers(trx, cycle.id, target.questionId)) {
      const suggestions = suggestCodeValues(answer.blocks, answer.language, code);
      const source = { kind: 'submission' as const, country: answer.country, cycle: cycle.id, number: answer.number };
      const stored = await codes.upsertSuggestion(trx, code.id, {
        country: answer.country,
        number: answer.number,
        values: suggestions.map((s) => s.key),
        evidence: suggestions.map((s) => ({
          value: s.key,
          passages: s.evidence.map((quote) => ({ source, questionId: code.questionId, ...quote })),
        })),
      });
      (stored ? run.suggested : run.kept).push(answer.country);
    }
    await recordAudit(trx, who, 'code.suggest', {
      cycle: cycle.id,
      questionId: target.questionId,
      details: { ...run },
    });
    return run;
  });
}
