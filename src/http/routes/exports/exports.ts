import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../../domain/language.js';
import {
  ExportWorker,
  downloadExportJob,
  getExportJob,
  requestExport,
  type ExportJob,
} from '../../../services/export-jobs.js';
import type { ExportRequest } from '../../../services/export-review.js';
import type { Db } from '../../../services/storage.js';
import { printableReview } from '../../pages/export-page.js';
import { requestLanguage } from '../../problem.js';
import { sendDownload } from '../../download.js';
import { createExportSchema, getJobFileSchema, getJobSchema } from './schema.js';

/** The JSON of a job: what it is at, and where to look again and fetch the file. */
export function presentJob(job: ExportJob) {
  const self = `/api/v1/jobs/${job.id}`;
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    ...(job.error ? { error: job.error } : {}),
    links: { self, ...(job.status === 'done' ? { download: `${self}/file` } : {}) },
  };
}

export interface ExportQueue {
  /** Queues `exportRequest` for the request's actor and answers 202 with the job. */
  accept(request: FastifyRequest, reply: FastifyReply, exportRequest: ExportRequest): Promise<FastifyReply>;
}

/**
 * Export jobs: POST /api/v1/exports queues one, GET /api/v1/jobs/{id} tells how it goes, GET
 * /api/v1/jobs/{id}/file gives the file. This process's worker (services/export-jobs.ts) is
 * started here and stopped when the server closes; `worker: false` leaves the jobs to others.
 */
export function exportRoutes(app: FastifyInstance, db: Db, options: { worker?: boolean } = {}): ExportQueue {
  const worker =
    options.worker === false
      ? null
      : new ExportWorker(db, printableReview, { log: (error) => app.log.error(error) }).start();
  app.addHook('onClose', async () => worker?.stop());

  const accept: ExportQueue['accept'] = async (request, reply, exportRequest) => {
    const job = await requestExport(db, request.actor, exportRequest);
    worker?.poke();
    const body = presentJob(job);
    return reply.code(202).header('location', body.links.self).header('cache-control', 'no-store').send(body);
  };

  app.post<{
    Body: { country: string; cycle: string; format: string; lang?: Language; layout?: string; version?: number };
  }>('/api/v1/exports', { schema: createExportSchema }, async (request, reply) => {
    const { country, cycle, format, layout, version } = request.body;
    // lang, else Accept-Language when the client sends one, else the review's own language.
    const lang = request.body.lang ?? (request.headers['accept-language'] ? requestLanguage(request) : undefined);
    return accept(request, reply, { country, cycle, format, lang, layout, version });
  });

  app.get<{ Params: { id: string } }>('/api/v1/jobs/:id', { schema: getJobSchema }, async (request, reply) => {
    const job = await getExportJob(db, request.actor, request.params.id);
    return reply.header('cache-control', 'no-store').send(presentJob(job));
  });

  app.get<{ Params: { id: string } }>('/api/v1/jobs/:id/file', { schema: getJobFileSchema }, async (request, reply) => {
    const file = await downloadExportJob(db, request.actor, request.params.id);
    return sendDownload(reply, file);
  });

  return { accept };
}
