import type { Kysely } from 'kysely';
import * as jobs from '../db/queries/export-jobs.js';
import type { Database } from '../db/schema.js';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { exportJobView as view, visibleTo, type ExportJob } from './export-jobs.js';

/** A job its requester asked for; anyone else gets `job.not_found`, as for an unknown id. */
export async function getExportJob(db: Kysely<Database>, actor: Actor | null, id: string): Promise<ExportJob> {
  const row = await jobs.findExportJob(db, id);
  if (!row || !visibleTo(row, actor)) throw new PacteError('job.not_found', { job: id });
  return view(row);
}
