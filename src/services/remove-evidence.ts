import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockEvidenceContribution, type ContributionKey, type EvidenceView } from './contribution-access.js';
import { inTransaction } from './use-case.js';

type Locked = Pick<Awaited<ReturnType<typeof lockEvidenceContribution>>, 'access' | 'writer' | 'row'>;

/**
 * Removes an evidence file from an entity's draft contribution (issue 12, item 5: a file
 * uploaded by mistake could not be taken back). The same rights as uploading it: whoever may
 * write the contribution, while the review is open and the contribution a draft (after
 * submission, contribution.submitted; merged, contribution.closed). A file that is not one of
 * this contribution's is evidence.not_found. One transaction with the audit event.
 */
export async function removeEvidence(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
  evidenceId: number,
): Promise<EvidenceView> {
  return inTransaction(db, async (trx) => {
    const locked = await lockEvidenceContribution(trx, actor, key);
    return removeLockedEvidence(trx, locked, key, evidenceId);
  });
}

/**
 * The removal itself, inside a transaction that has locked the contribution for its evidence
 * (also how addEvidence replaces a file): deleted and audited `evidence.remove`.
 */
export async function removeLockedEvidence(
  trx: Kysely<Database>,
  { access, writer, row }: Locked,
  key: ContributionKey,
  evidenceId: number,
): Promise<EvidenceView> {
  const removed = await contributions.deleteEvidence(trx, row.id, evidenceId);
  if (!removed) throw new PacteError('evidence.not_found', { evidence: evidenceId });
  await recordAudit(trx, writer, 'evidence.remove', {
    country: access.review.country,
    cycle: access.review.cycle,
    questionId: key.questionId,
    details: {
      contribution: row.id,
      entity: key.entityId,
      evidence: removed.id,
      fileName: removed.fileName,
      mediaType: removed.mediaType,
      sha256: removed.sha256,
    },
  });
  return { id: removed.id, fileName: removed.fileName, mediaType: removed.mediaType, size: removed.size };
}
