import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as accounts from '../db/queries/accounts.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import type { ReadLimits } from '../domain/read-limits.js';
import { importReview, type ImportResult } from './import-review.js';

/**
 * Check first, then confirm: a file someone may import is kept after its preview, so that the
 * person can store exactly what they saw without uploading it again. Kept a day at most.
 */
export async function keepForConfirmation(
  db: Kysely<Database>,
  actor: Actor | null,
  upload: { bytes: Uint8Array; file: string; country: string; cycle: string },
): Promise<string | null> {
  if (!actor?.userId || !can(actor, 'review.import', { country: upload.country })) return null;
  const id = randomBytes(18).toString('base64url');
  await accounts.insertImportDraft(db, {
    id,
    userId: actor.userId,
    fileName: upload.file,
    bytes: upload.bytes,
    country: upload.country,
    cycle: upload.cycle,
  });
  return id;
}

/** Stores a kept file as its review; only the person who checked it may confirm it. */
export async function confirmImport(
  db: Kysely<Database>,
  actor: Actor | null,
  draftId: string,
  limits: ReadLimits,
): Promise<ImportResult> {
  if (!actor) throw new PacteError('auth.required');
  const draft = await accounts.findImportDraft(db, draftId);
  if (!draft || draft.user_id !== actor.userId) throw new PacteError('import.draft_not_found');
  const result = await importReview(db, {
    bytes: draft.bytes,
    file: draft.file_name,
    country: draft.country_code,
    cycle: draft.cycle_id,
    dryRun: false,
    actor, // importReview checks the right to import for the draft's country
    limits,
  });
  await accounts.deleteImportDraft(db, draftId);
  return result;
}
