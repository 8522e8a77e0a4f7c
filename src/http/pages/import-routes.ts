import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPacteError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import { confirmImport, keepForConfirmation } from '../../services/import-drafts.js';
import type { ReadLimits } from '../../domain/read-limits.js';
import type { ImportResult } from '../../services/import-review.js';
import { listObjectives } from '../../services/list-catalogue.js';
import type { Db } from '../../db/connection.js';
import { requestLanguage, toProblem } from '../problem.js';
import { readUpload, type Upload } from '../upload.js';
import { importFormPage, importPreviewPage } from './import-page.js';
import { sendPage } from './send-page.js';

type Read = (request: FastifyRequest, upload: Upload, store: boolean) => Promise<ImportResult>;

/**
 * Check a review file, then (for someone who may import for its country) confirm to store it.
 * Errors come back as the form, saying what is wrong, in the reader's language.
 */
export function importPageRoutes(app: FastifyInstance, db: Db, read: Read, limits: ReadLimits) {
  app.get('/imports/new', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, 200, importFormPage(requestLanguage(request), limits.maxBytes, request.actor)),
  );

  app.post('/imports/new', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    try {
      const upload = await readUpload(request, limits.maxBytes);
      const { review } = await read(request, upload, false);
      const draft = await keepForConfirmation(db, request.actor, {
        ...upload,
        country: review.country,
        cycle: review.cycle,
      });
      const names = new Map((await listObjectives(db)).map((o) => [o.number, o.shortName]));
      const mayStore = draft !== null && can(request.actor, 'review.import', { country: review.country });
      return sendPage(reply, 200, importPreviewPage(review, language, names, mayStore ? draft : null, request.actor));
    } catch (error) {
      if (!isPacteError(error) || error.status >= 500) throw error;
      const message = toProblem(error, language).message;
      return sendPage(reply, error.status, importFormPage(language, limits.maxBytes, request.actor, { message }));
    }
  });

  app.post<{ Params: { id: string } }>('/imports/drafts/:id', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    try {
      const result = await confirmImport(db, request.actor, request.params.id, limits);
      const { country, cycle } = result.review;
      return reply.redirect(`/reviews/${country}/${cycle}?lang=${language}`, 303);
    } catch (error) {
      if (!isPacteError(error) || error.status >= 500) throw error;
      const message = toProblem(error, language).message;
      return sendPage(reply, error.status, importFormPage(language, limits.maxBytes, request.actor, { message }));
    }
  });
}
