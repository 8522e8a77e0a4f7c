import type { ErrorCode } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import type * as jobs from '../db/queries/export-jobs.js';

/**
 * Exports as background jobs (migrations/011_export_jobs.sql). Asking checks the request and
 * the right to read the review, stores a queued job and returns at once; a worker — in every
 * server process, or the CLI for its own job — takes it from the database, exports with the
 * requester's rights as they are then, and stores the file in the job. Only the requester sees
 * the job (an anonymous job: whoever has its random id). A job whose process died is taken
 * again when it has been silent for STALE_SECONDS, at most MAX_ATTEMPTS times, then failed
 * (`job.interrupted`). Finished jobs are deleted after KEEP_HOURS, by the workers.
 *
 * One use case per file: request-export.ts, get-export-job.ts, download-export-job.ts,
 * run-export-jobs.ts (the worker); this one holds what they share.
 */

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportJob {
  id: string;
  status: JobStatus;
  progress: number;
  error: ErrorCode | null;
  country: string;
  cycle: string;
  format: string;
  fileName: string | null;
}

export const exportJobView = (row: jobs.ExportJobRow): ExportJob => ({
  id: row.id,
  status: row.status,
  progress: row.progress,
  error: (row.error_code as ErrorCode | null) ?? null,
  // A synthesis's export (migration 036) is of no country.
  country: row.country_code?.trim() ?? '',
  cycle: row.cycle_id,
  format: row.format,
  fileName: row.file_name,
});

/** Who may follow a job: its requester (an anonymous job: whoever has its random id). */
export function visibleTo(row: jobs.ExportJobRow, actor: Actor | null): boolean {
  if (row.requester === 'anonymous') return true;
  if (row.requester === 'user') return actor !== null && actor.userId === row.user_id;
  return actor !== null && actor.userId === null; // the operator, at the command line
}
