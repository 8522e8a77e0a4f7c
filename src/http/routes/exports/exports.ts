import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { downloadExportJob } from '../../../services/download-export-job.js';
import { getExportJob } from '../../../services/get-export-job.js';
import { requestExport } from '../../../services/request-export.js';
import { ExportWorker } from '../../../services/run-export-jobs.js';
import type { ExportRequest } from '../../../services/export-review.js';
import type { Db } from '../../../db/connection.js';
import { requestLanguage } from '../../problem.js';
import { sendDownload } from '../../download.js';
import { presentJob } from '../../presenters/exports.js';
import { createExportJobSchema, downloadExportJobSchema, getExportJobSchema } from './schema.js';

export interface ExportQueue {
  /** Queues `exportRequest` for the request's actor and answers 202 with the job. */
  accept(request: FastifyRequest, reply: FastifyReply, exportRequest: ExportRequest): Promise<FastifyReply>;
}

/**
 * Export jobs: POST /api/v1/exports queues one, GET /api/v1/jobs/{id} tells how it goes, GET
 * /api/v1/jobs/{id}/file gives the file. This process's worker (services/run-export-jobs.ts) is
 * started here and stopped when the server closes; `worker: false` leaves the jobs to others.
 */
export function exportRoutes(app: FastifyInstance, db: Db, options: { worker?: boolean } = {}): ExportQueue {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const worker =
    options.worker === false ? null : new ExportWorker(db, { log: (error) => app.log.error(error) }).start();
  app.addHook('onClose', async () => worker?.stop());

  const accept: ExportQueue['accept'] = async (request, reply, exportRequest) => {
    const job = await requestExport(db, request.actor, exportRequest);
    worker?.poke();
    const body = presentJob(job);
    return reply.code(202).header('location', body.links.self).header('cache-control', 'no-store').send(body);
  };

  api.post('/api/v1/exports', { schema: createExportJobSchema }, async (request, reply) => {
    const { country, cycle, format, layout, version } = request.body;
    // lang, else Accept-Language when the client sends one, else the review's own language.
    const lang = request.body.lang ?? (request.headers['accept-language'] ? requestLanguage(request) : undefined);
    return accept(request, reply, { country, cycle, format, lang, layout, version });
  });

  api.get('/api/v1/jobs/:id', { schema: getExportJobSchema }, async (request, reply) => {
    const job = await getExportJob(db, request.actor, request.params.id);
    return reply.header('cache-control', 'no-store').send(presentJob(job));
  });

  api.get('/api/v1/jobs/:id/file', { schema: downloadExportJobSchema }, async (request, reply) => {
    const file = await downloadExportJob(db, request.actor, request.params.id);
    return sendDownload(reply, file);
  });

  return { accept };
}
