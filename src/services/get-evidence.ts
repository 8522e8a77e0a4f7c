import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { openContribution, type ContributionKey } from './contribution-access.js';

export interface EvidenceFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
}

/** An evidence file's bytes, for whoever may read the contribution it is attached to. */
export async function getEvidence(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
  evidenceId: number,
): Promise<EvidenceFile> {
  const { access } = await openContribution(db, actor, key, 'contribution.read');
  const notFound = () => new PacteError('evidence.not_found', { evidence: evidenceId });
  const row = await contributions.findContribution(db, {
    reviewId: access.review.id,
    questionId: key.questionId,
    entityId: key.entityId,
  });
  if (!row) throw notFound();
  const file = await contributions.findEvidence(db, row.id, evidenceId);
  if (!file) throw notFound();
  return { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes, sha256: file.sha256 };
}
