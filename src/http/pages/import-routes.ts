import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPacteError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import { confirmImport, keepForConfirmation } from '../../services/import-drafts.js';
import type { ReadLimits } from '../../domain/read-limits.js';
import type { ImportResult } from '../../services/import-review.js';
import { listObjectives } from '../../services/list-catalogue.js';
import { listCycles } from '../../services/list-cycles.js';
import { isolate, pick, type Language } from '../../domain/language.js';
import type { PacteError } from '../../domain/errors.js';
import type { Db } from '../../db/connection.js';
import { requestLanguage, toProblem } from '../problem.js';
import { readUpload, type Upload } from '../upload.js';
import { importFormPage, importPreviewPage, type ImportFormState } from './import-page.js';
import { sendPage } from './send-page.js';

type Read = (request: FastifyRequest, upload: Upload, store: boolean) => Promise<ImportResult>;

/**
 * Check a review file, then (for someone who may import for its country) confirm to store it.
 * Errors come back as the form, saying what is wrong, in the reader's language.
 */
export function importPageRoutes(app: FastifyInstance, db: Db, read: Read, limits: ReadLimits) {
  /** The cycles offered: the open ones the reader may see, else the closed ones (an earlier round). */
  const cyclesFor = async (request: FastifyRequest, language: Language) => {
    const seen = (await listCycles(db, request.actor)).map((s) => s.cycle);
    const open = seen.filter((c) => c.state === 'open');
    const offered = open.length > 0 ? open : seen.filter((c) => c.state === 'closed');
    return offered.map((c) => {
      const title = pick(c.title, language);
      // The id tells apart cycles of like titles, unless the title already says it.
      return { id: c.id, title: title.includes(c.id) ? title : `${title} (${isolate(c.id)})` };
    });
  };
  /** The form again, with what was sent and the error under the field it is about. */
  const formWithError = async (request: FastifyRequest, error: PacteError, fields: Record<string, string>) => {
    const language = requestLanguage(request);
    const state: ImportFormState = {
      cycles: await cyclesFor(request, language),
      ...(fields.country ? { country: fields.country } : {}),
      ...(fields.cycle ? { cycle: fields.cycle } : {}),
      error: { message: toProblem(error, language).message, field: fieldOf(error.code) },
    };
    return importFormPage(language, limits.maxBytes, request.actor, state);
  };

  app.get('/imports/new', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    const cycles = await cyclesFor(request, language);
    return sendPage(reply, 200, importFormPage(language, limits.maxBytes, request.actor, { cycles }));
  });

  app.post('/imports/new', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    let fields: Record<string, string> = {};
    try {
      const upload = await readUpload(request, limits.maxBytes);
      fields = upload.fields;
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
      return sendPage(reply, error.status, await formWithError(request, error, fields));
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
      return sendPage(reply, error.status, await formWithError(request, error, {}));
    }
  });
}

/** The form's field an import's refusal is about: the country and cycle have theirs, the rest is the file's. */
function fieldOf(code: string): 'file' | 'country' | 'cycle' {
  if (code === 'import.country_unknown' || code.startsWith('country.')) return 'country';
  return code.startsWith('cycle.') ? 'cycle' : 'file';
}
