import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as contributions from '../db/queries/contributions.js';
import type { Database } from '../db/schema.js';
import { detectEvidenceType } from '../documents/evidence-type.js';
import { safeFileName } from '../domain/contributions.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import { lockEvidenceContribution, type ContributionKey, type EvidenceView } from './contribution-access.js';
import { removeLockedEvidence } from './remove-evidence.js';
import { inTransaction } from './use-case.js';

/** Evidence files are at most this large unless configured (PACTE_EVIDENCE_MAX_BYTES). */
export const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface EvidenceUpload {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Attaches an evidence file to an entity's draft contribution (after submission,
 * contribution.submitted). The rights are checked before the file is received (`receive` reads
 * the upload, refusing it with evidence.too_large as soon as it passes `maxBytes`); the type is
 * read from the content (PDF, DOCX, ODT, ODS, XLSX or CSV, else evidence.unsupported_type); the
 * bytes are stored with their SHA-256, in one transaction with the audit event. With `replaces`,
 * that file of the contribution is removed in the same transaction (« Remplacer »): either the
 * new file is there and the old one gone, or nothing changed (evidence.not_found when it is not
 * one of the contribution's files).
 */
export async function addEvidence(
  db: Kysely<Database>,
  actor: Actor | null,
  key: ContributionKey,
  receive: () => Promise<EvidenceUpload>,
  maxBytes: number = DEFAULT_EVIDENCE_MAX_BYTES,
  replaces?: number,
): Promise<EvidenceView> {
  // Refused before the upload is read, whoever may not write; checked again when it is stored.
  await inTransaction(db, (trx) => lockEvidenceContribution(trx, actor, key));
  const upload = await receive();
  const fileName = safeFileName(upload.fileName);
  if (upload.bytes.byteLength > maxBytes) {
    throw new PacteError('evidence.too_large', { file: fileName, limitBytes: maxBytes });
  }
  const mediaType = await detectEvidenceType(upload.bytes);
  if (!mediaType) throw new PacteError('evidence.unsupported_type', { file: fileName });
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  return inTransaction(db, async (trx) => {
    const { access, writer, row } = await lockEvidenceContribution(trx, actor, key);
    // The old file first: a replacement of a file that is not there stores nothing.
    const replaced =
      replaces === undefined ? null : await removeLockedEvidence(trx, { access, writer, row }, key, replaces);
    const stored = await contributions.insertEvidence(trx, {
      contributionId: row.id,
      fileName,
      mediaType,
      bytes: upload.bytes,
      sha256,
      uploadedBy: writer.name,
    });
    await recordAudit(trx, writer, 'evidence.add', {
      country: access.review.country,
      cycle: access.review.cycle,
      questionId: key.questionId,
      details: {
        contribution: row.id,
        entity: key.entityId,
        evidence: stored.id,
        fileName,
        mediaType,
        sha256,
        ...(replaced ? { replaces: replaced.id } : {}),
      },
    });
    return {
      id: stored.id,
      fileName: stored.fileName,
      mediaType: stored.mediaType,
      size: stored.size,
    };
  });
}
