import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { PacteError } from '../../../domain/errors.js';
import type { ReadLimits } from '../../../services/import-review.js';
import { importReview } from '../../../services/import-review.js';
import type { Db } from '../../../services/storage.js';
import { requestLanguage } from '../../problem.js';
import { previewImportSchema } from './schema.js';

/** Reading a PDF runs pdftotext: a few at a time per instance, the others are asked to retry. */
const MAX_CONCURRENT = 2;

export async function importRoutes(app: FastifyInstance, db: Db, limits: ReadLimits) {
  await app.register(multipart, {
    limits: { fileSize: limits.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  let inFlight = 0;

  app.post('/api/v1/imports', { schema: previewImportSchema }, async (request) => {
    if (!request.isMultipart()) {
      throw new PacteError('request.invalid', { problem: 'send multipart/form-data with a "file" part' });
    }
    if (inFlight >= MAX_CONCURRENT) throw new PacteError('import.busy');
    inFlight++;
    try {
      let bytes: Buffer | null = null;
      let file = 'upload';
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          file = part.filename || file;
          try {
            bytes = await part.toBuffer();
          } catch (error) {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
              throw new PacteError('import.file_too_large', {
                file,
                limit: `${Math.round(limits.maxBytes / 1048576)} MB`,
              });
            }
            throw error;
          }
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!bytes) throw new PacteError('request.invalid', { problem: 'the "file" part is missing' });
      const result = await importReview(db, {
        bytes,
        file,
        country: fields.country || undefined,
        cycle: fields.cycle || undefined,
        dryRun: true,
        actor: 'api',
        messages: requestLanguage(request),
        limits,
      });
      return result.review;
    } finally {
      inFlight--;
    }
  });
}
