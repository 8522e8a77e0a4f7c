import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { PacteError } from '../../../domain/errors.js';
import { importReview, type ReadLimits } from '../../../services/import-review.js';
import type { Db } from '../../../services/storage.js';
import { requestLanguage } from '../../problem.js';
import { readUpload, type Upload } from '../../upload.js';
import { previewImportSchema } from './schema.js';

/** Reading a PDF runs pdftotext: a few at a time per instance, the others are asked to retry. */
const MAX_CONCURRENT = 2;

/**
 * Reading an uploaded review without storing it, for the API and the web page alike. Storing
 * through HTTP comes with accounts (who may import for which country); until then: the CLI.
 */
export async function importRoutes(app: FastifyInstance, db: Db, limits: ReadLimits) {
  await app.register(multipart, {
    limits: { fileSize: limits.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  let inFlight = 0;
  const preview = async (upload: Upload, language: ReturnType<typeof requestLanguage>) => {
    if (inFlight >= MAX_CONCURRENT) throw new PacteError('import.busy');
    inFlight++;
    try {
      const result = await importReview(db, {
        bytes: upload.bytes,
        file: upload.file,
        country: upload.fields.country || undefined,
        cycle: upload.fields.cycle || undefined,
        dryRun: true,
        actor: 'preview',
        messages: language,
        limits,
      });
      return result.review;
    } finally {
      inFlight--;
    }
  };

  app.post('/api/v1/imports', { schema: previewImportSchema }, async (request) =>
    preview(await readUpload(request, limits.maxBytes), requestLanguage(request)),
  );
  return { preview };
}
