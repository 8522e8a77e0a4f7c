import type { Static } from '@sinclair/typebox';
import type { ExportJob } from '../../services/export-jobs.js';
import type { ExportJob as ExportJobSchema } from '../routes/exports/schema.js';

/** The JSON of a job: what it is at, and where to look again and fetch the file. */
export function presentJob(job: ExportJob): Static<typeof ExportJobSchema> {
  const self = `/api/v1/jobs/${job.id}`;
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    ...(job.error ? { error: job.error } : {}),
    links: { self, ...(job.status === 'done' ? { download: `${self}/file` } : {}) },
  };
}
