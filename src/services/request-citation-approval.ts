import type { Kysely } from 'kysely';
import * as requests from '../db/queries/citation-requests.js';
import type { Database } from '../db/schema.js';
import { isUniqueViolation } from '../db/constraints.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { requireCitation } from './get-citation.js';
import { notifyCountry } from './notify.js';
import { openSyntheses, requireSynthesis } from './synthesis-access.js';
import { inTransaction } from './use-case.js';

/**
 * `POST …/citations/{citation}/approval-request`: the secretariat asks the country's focal points
 * whether the public may read the citation's passage. The request is about the passage as it is
 * now; one pending request per citation (`citation_request.pending`). The focal points are
 * notified in the same transaction. Audited.
 */
export async function requestCitationApproval(
  db: Kysely<Database>,
  actor: Actor | null,
  target: { cycle: string; id: number; citation: number },
): Promise<requests.CitationRequestRow> {
  const { actor: who, cycle } = await openSyntheses(db, actor, target.cycle, 'synthesis.write');
  try {
    return await inTransaction(db, async (trx) => {
      const synthesis = await requireSynthesis(trx, cycle.id, target.id);
      const citation = await requireCitation(trx, synthesis.id, target.citation, true);
      const id = await requests.insertRequest(trx, citation.id, citation.passage, who.name);
      const where = { country: citation.country, cycle: cycle.id, questionId: citation.questionId };
      const details = { synthesis: synthesis.id, citation: citation.id, request: id };
      await recordAudit(trx, who, 'citation.request_approval', { ...where, details });
      await notifyCountry(trx, citation.country, ['focal_point'], {
        kind: 'citation_approval_requested',
        ...where,
        details: { ...details, title: synthesis.title },
      });
      const row = await requests.findRequest(trx, id);
      if (!row) throw new Error('a request just made is read back');
      return row;
    });
  } catch (error) {
    // The partial unique index: a request is already waiting (two clicks, or two people at once).
    if (isUniqueViolation(error)) throw new PacteError('citation_request.pending');
    throw error;
  }
}
