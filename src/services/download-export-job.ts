import type { Kysely } from 'kysely';
import * as jobs from '../db/queries/export-jobs.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { getExportJob } from './get-export-job.js';

/** The file of a finished job (`job.not_ready` before, `job.failed` if it failed). */
export async function downloadExportJob(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  const job = await getExportJob(db, actor, id);
  if (job.status === 'failed') throw new PacteError('job.failed', { job: id, error: job.error });
  const file = job.status === 'done' ? await jobs.findExportJobFile(db, id) : undefined;
  if (!file?.bytes || !file.file_name || !file.media_type) {
    throw new PacteError('job.not_ready', { job: id, status: job.status, progress: job.progress });
  }
  return { bytes: Buffer.from(file.bytes), fileName: file.file_name, mediaType: file.media_type };
}
