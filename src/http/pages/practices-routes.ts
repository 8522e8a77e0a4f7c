import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.js';
import { isPacteError } from '../../domain/errors.js';
import { isLanguage, type Language } from '../../domain/language.js';
import { getPractice, listPractices, practiceCountryNames, practiceFilters } from '../../services/list-practices.js';
import { practicesCsv, practicesJson } from '../../services/practices-export.js';
import { requestLanguage, toProblem } from '../problem.js';
import { notFoundPage } from './home-page.js';
import { practicePage, practicesPage, type PracticesCatalogue, type PracticesForm } from './practices-page.js';
import { sendPage } from './send-page.js';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The filters as asked; what is not a valid filter is dropped (the form shows « all »). */
function practicesForm(query: Record<string, unknown>): PracticesForm {
  const objective = Number(text(query.objective));
  const country = text(query.country)?.toUpperCase();
  const principle = text(query.principle);
  const searchLanguage = text(query.searchLanguage);
  return {
    objective: Number.isInteger(objective) && objective >= 1 && objective <= 23 ? objective : undefined,
    principle: principle && /^[a-z-]{1,64}$/u.test(principle) ? principle : undefined,
    country: country && /^[A-Z]{3}$/u.test(country) ? country : undefined,
    q: text(query.q),
    searchLanguage: isLanguage(searchLanguage) ? searchLanguage : undefined,
  };
}

/** Objectives, principles and the countries of published practices, and every country's name. */
const practicesCatalogue = (db: Db): Promise<PracticesCatalogue> => practiceFilters(db);

/**
 * The public's practices (docs/practices.md): `/practices`, `/practices/{id}`, and the same list
 * as `/practices.csv` and `/practices.json`. No actor is passed to the services: the portal shows
 * what is published, whoever reads it (the signed-in use the app and the API).
 */
export function practicePortalRoutes(app: FastifyInstance, db: Db) {
  const find = (form: PracticesForm) =>
    listPractices(db, null, {
      objective: form.objective,
      principle: form.principle,
      country: form.country,
      q: form.q,
      lang: form.searchLanguage,
    });
  type ListRequest = FastifyRequest<{ Querystring: Record<string, unknown> }>;

  app.get('/practices', { schema: { hide: true } }, async (request: ListRequest, reply) => {
    const language = requestLanguage(request);
    const form = practicesForm(request.query);
    const known = await practicesCatalogue(db);
    try {
      const list = await find(form);
      return sendPage(reply, 200, practicesPage(form, list, known, null, language, request.actor));
    } catch (error) {
      if (!isPacteError(error) || error.status >= 500) throw error;
      const message = toProblem(error, language).message;
      return sendPage(reply, error.status, practicesPage(form, [], known, message, language, request.actor));
    }
  });

  const exported = (format: 'csv' | 'json') => async (request: ListRequest, reply: FastifyReply) => {
    const list = await find(practicesForm(request.query));
    const nameOf = await practiceCountryNames(
      db,
      list.flatMap((p) => p.countries),
    );
    reply.header('cache-control', 'no-store');
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(practicesJson(list, nameOf, ''));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="practices.csv"')
      .send(practicesCsv(list, nameOf, requestLanguage(request), ''));
  };
  app.get('/practices.csv', { schema: { hide: true } }, exported('csv'));
  app.get('/practices.json', { schema: { hide: true } }, exported('json'));

  app.get<{ Params: { id: string }; Querystring: { text?: string } }>(
    '/practices/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const notFound = () => sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
      if (!/^[1-9]\d{0,8}$/u.test(request.params.id)) return notFound();
      try {
        const practice = await getPractice(db, null, Number(request.params.id));
        const textLanguage: Language = isLanguage(request.query.text) ? request.query.text : practice.language;
        const known = await practicesCatalogue(db);
        return sendPage(reply, 200, practicePage(practice, known, textLanguage, language, request.actor));
      } catch (error) {
        if (isPacteError(error) && error.status === 404) return notFound();
        throw error;
      }
    },
  );
}
