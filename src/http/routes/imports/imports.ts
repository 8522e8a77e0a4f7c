import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PacteError } from '../../../domain/errors.js';
import type { ReadLimits } from '../../../domain/read-limits.js';
import { importReview, type ImportResult } from '../../../services/import-review.js';
import type { Db } from '../../../db/connection.js';
import { requestLanguage } from '../../problem.js';
import { readUpload, type Upload } from '../../upload.js';
import { presentImport } from '../../presenters/imports.js';
import { importReviewSchema } from './schema.js';

/** Reading a PDF runs pdftotext: a few at a time per instance, the others are asked to retry. */
const MAX_CONCURRENT = 2;

/**
 * Reading an uploaded review, for the API and the web page alike: a preview for anyone, stored
 * (`store=true`) only for someone who may import for the review's country.
 */
export async function importRoutes(app: FastifyInstance, db: Db, limits: ReadLimits) {
  await app.register(multipart, {
    limits: { fileSize: limits.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  let inFlight = 0;
  const read = async (request: FastifyRequest, upload: Upload, store: boolean): Promise<ImportResult> => {
    if (inFlight >= MAX_CONCURRENT) throw new PacteError('import.busy');
    inFlight++;
    try {
      return await importReview(db, {
        bytes: upload.bytes,
        file: upload.file,
        country: upload.fields.country || undefined,
        cycle: upload.fields.cycle || undefined,
        dryRun: !store,
        actor: request.actor ?? { userId: null, name: 'anonymous', grants: [] },
        messages: requestLanguage(request),
        limits,
      });
    } finally {
      inFlight--;
    }
  };

  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .post('/api/v1/imports', { schema: importReviewSchema }, async (request, reply) => {
      const upload = await readUpload(request, limits.maxBytes);
      const store = upload.fields.store === 'true';
      if (store && !request.actor) throw new PacteError('auth.required');
      const result = await read(request, upload, store);
      return reply.status(result.stored ? 201 : 200).send(presentImport(result));
    });
  return { read };
}
