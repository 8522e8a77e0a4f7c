import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PacteError, isPacteError } from '../../domain/errors.js';
import { isLanguage, type Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { translate } from '../../i18n/index.js';
import { describeSearchHits } from '../../services/describe-search-hits.js';
import type { ExportJob } from '../../services/export-jobs.js';
import { getExportJob } from '../../services/get-export-job.js';
import { requestExport } from '../../services/request-export.js';
import { OPEN_DATA_LICENCE } from '../../services/export-open-data.js';
import { listOpenData } from '../../services/list-open-data.js';
import { listPublications } from '../../services/list-publications.js';
import { MAX_LIMIT, searchReviews } from '../../services/search-reviews.js';
import type { Db } from '../../db/connection.js';
import { requestLanguage, toProblem } from '../problem.js';
import { exportJobPage } from './export-job-page.js';
import { html } from '../../domain/html.js';
import { layout } from './html.js';
import { notFoundPage } from './home-page.js';
import { comparePage } from './compare-page.js';
import { compareAnswers, firstQuestion } from '../../services/compare-answers.js';
import { openDataPage } from './open-data-page.js';
import { figuresPage } from './figures-page.js';
import { getPortalFigures } from '../../services/get-portal-figures.js';
import { sendPage } from './send-page.js';
import { practicePortalRoutes } from './practices-routes.js';
import { publicCycleRoutes } from './public-cycle-page.js';
import {
  SEARCH_PAGE_SIZE,
  searchPage,
  type SearchForm,
  type SearchOptions,
  type SearchOutcome,
} from './search-page.js';

const COUNTRY = /^[A-Za-z]{3}$/;
const CYCLE = /^[a-z0-9-]{1,64}$/;
const JOB_ID = /^[0-9a-f-]{36}$/i;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The search form as asked; what is not a valid filter is dropped (the form shows "all"). */
function searchForm(query: Record<string, unknown>): SearchForm {
  const language = text(query.language);
  const country = text(query.country)?.toUpperCase();
  const cycle = text(query.cycle);
  const offset = Number(text(query.offset) ?? 0);
  const limit = Number(text(query.limit) ?? SEARCH_PAGE_SIZE);
  return {
    q: text(query.q),
    language: isLanguage(language) ? language : undefined,
    country: country && COUNTRY.test(country) ? country : undefined,
    cycle: cycle && CYCLE.test(cycle) ? cycle : undefined,
    offset: Number.isInteger(offset) && offset >= 0 && offset <= 10_000 ? offset : 0,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT ? limit : SEARCH_PAGE_SIZE,
  };
}

/** How long a request waits for an export job to end; a job nobody has taken yet is not waited for long. */
const JOB_WAIT = { totalMs: 8000, queuedMs: 2500, pollMs: 400 };

/**
 * The job once it has ended, or as it is after a short wait: a worker (every server process runs
 * one) takes a job within its poll interval, and a PDF takes a few seconds.
 */
async function waitForJob(db: Db, actor: Actor | null, id: string): Promise<ExportJob> {
  const start = Date.now();
  for (;;) {
    const job = await getExportJob(db, actor, id);
    const elapsed = Date.now() - start;
    if (job.status === 'done' || job.status === 'failed') return job;
    if (elapsed >= JOB_WAIT.totalMs || (job.status === 'queued' && elapsed >= JOB_WAIT.queuedMs)) return job;
    await new Promise((resolve) => setTimeout(resolve, JOB_WAIT.pollMs));
  }
}

/** Countries and cycles of the filters: those with published reviews. */
async function searchOptions(db: Db): Promise<SearchOptions> {
  const countries = new Map<string, SearchOptions['countries'][number]>();
  const cycles = new Map<string, SearchOptions['cycles'][number]>();
  for (const row of await listPublications(db)) {
    countries.set(row.country, { code: row.country, name: row.countryName });
    cycles.set(row.cycle, { id: row.cycle, title: row.cycleTitle });
  }
  return {
    countries: [...countries.values()].sort((a, b) => a.code.localeCompare(b.code)),
    cycles: [...cycles.values()],
  };
}

/** A page saying what went wrong, in the reader's language, with the error's status. */
function problemPage(reply: FastifyReply, error: PacteError, language: Language, request: FastifyRequest) {
  const { message } = toProblem(error, language);
  const title = translate(language, 'ui', 'import.error_summary');
  const main = html`<h1>${title}</h1>
    <div class="notice" role="alert"><p>${message}</p></div>
    <p><a href="/?lang=${language}">${translate(language, 'ui', 'error.back')}</a></p>`;
  return sendPage(
    reply,
    error.status,
    layout({ language, path: request.url.split('?')[0] ?? '/', title, main, actor: request.actor }),
  );
}

/**
 * The public's pages around the reviews: search, open data, and the PDF of a review for pages
 * without script (a form that queues the export job, then the job's page: its progress, a link
 * to look again or, if asked, a page that reloads itself, and the file when it is ready). Writes go through the same cross-site check as every form (auth.ts).
 */
export function portalPageRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Querystring: Record<string, unknown> }>('/search', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    const form = searchForm(request.query);
    const options = await searchOptions(db);
    // A filter on a review that is not published (someone signed in may search theirs) stays shown.
    if (form.country && !options.countries.some((c) => c.code === form.country)) {
      options.countries.push({ code: form.country, name: { en: form.country } });
    }
    if (form.cycle && !options.cycles.some((c) => c.id === form.cycle)) {
      options.cycles.push({ id: form.cycle, title: { en: form.cycle } });
    }
    let outcome: SearchOutcome = { kind: 'form' };
    let status = 200;
    if (form.q !== undefined) {
      try {
        const result = await searchReviews(db, request.actor, {
          q: form.q,
          lang: form.language,
          country: form.country,
          cycle: form.cycle,
          limit: form.limit,
          offset: form.offset,
        });
        const hits = await describeSearchHits(db, result.hits);
        outcome = { kind: 'results', hits, total: result.total };
      } catch (error) {
        if (!isPacteError(error) || error.status >= 500) throw error;
        outcome = { kind: 'error', message: toProblem(error, language).message };
        status = error.status;
      }
    }
    return sendPage(reply, status, searchPage(form, options, outcome, language, request.actor));
  });

  // « Comparer les réponses »: one question's published answers, country beside country.
  app.get<{ Params: { cycle: string } }>(
    '/cycles/:cycle/questions',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      try {
        const first = await firstQuestion(db, null, request.params.cycle);
        return reply.redirect(
          `/cycles/${encodeURIComponent(request.params.cycle)}/questions/${first}?lang=${language}`,
          302,
        );
      } catch (error) {
        if (!isPacteError(error) || error.status !== 404) throw error;
        return sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
      }
    },
  );
  app.get<{ Params: { cycle: string; questionId: string } }>(
    '/cycles/:cycle/questions/:questionId',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const { cycle, questionId } = request.params;
      try {
        // No actor: the portal shows what is published, whoever reads it.
        const comparison = await compareAnswers(db, null, cycle, questionId, {}, language);
        return sendPage(reply, 200, comparePage(comparison, language, request.actor));
      } catch (error) {
        if (!isPacteError(error) || error.status >= 500) throw error;
        if (error.status === 404) return sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
        return problemPage(reply, error, language, request);
      }
    },
  );

  // « Chiffres du cycle »: every code's counts of published answers, and the objectives matrix.
  app.get<{ Params: { cycle: string } }>(
    '/cycles/:cycle/figures',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      try {
        // No actor: the portal counts what is published, whoever reads it.
        const figures = await getPortalFigures(db, request.params.cycle, language);
        return sendPage(reply, 200, figuresPage(figures, language, request.actor));
      } catch (error) {
        if (!isPacteError(error) || error.status >= 500) throw error;
        if (error.status === 404) return sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
        return problemPage(reply, error, language, request);
      }
    },
  );

  // « Pratiques »: the published practices, their pages and exports (practices-routes.ts).
  practicePortalRoutes(app, db);
  // A cycle's public page: participation, figures, its published synthesis (public-cycle-page.ts).
  publicCycleRoutes(app, db);

  app.get('/open-data', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    return sendPage(reply, 200, openDataPage(await listOpenData(db), OPEN_DATA_LICENCE, language, request.actor));
  });

  type PdfRequest = FastifyRequest<{ Params: { country: string; cycle: string; version?: string } }>;
  /** The PDF of the page shown: the latest version (or the working copy), or one version. */
  const askPdf = async (request: PdfRequest, reply: FastifyReply) => {
    const language = requestLanguage(request);
    const { country, cycle } = request.params;
    const notFound = () => sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
    if (request.params.version !== undefined && !/^[1-9]\d{0,5}$/.test(request.params.version)) return notFound();
    const version = request.params.version === undefined ? undefined : Number(request.params.version);
    try {
      const job = await requestExport(db, request.actor, { country, cycle, format: 'pdf', lang: language, version });
      // A PDF takes a few seconds: most are ready when the job's page first shows.
      await waitForJob(db, request.actor, job.id);
      return reply.redirect(`/exports/${job.id}?lang=${language}`, 303);
    } catch (error) {
      if (!isPacteError(error) || error.status >= 500) throw error;
      if (error.status === 404) return notFound();
      return problemPage(reply, error, language, request);
    }
  };
  app.post('/reviews/:country/:cycle/pdf', { schema: { hide: true } }, askPdf);
  app.post('/reviews/:country/:cycle/versions/:version/pdf', { schema: { hide: true } }, askPdf);

  app.get<{ Params: { id: string }; Querystring: { follow?: string } }>(
    '/exports/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const follow = request.query.follow === '1';
      const notFound = () => sendPage(reply, 404, notFoundPage(language, request.url.split('?')[0] ?? '/'));
      if (!JOB_ID.test(request.params.id)) return notFound();
      try {
        // Asked to look again: wait a little for the end rather than answer "still running" at once.
        const job = follow
          ? await getExportJob(db, request.actor, request.params.id)
          : await waitForJob(db, request.actor, request.params.id);
        const failure =
          job.status === 'failed'
            ? toProblem(
                new PacteError(job.error ?? 'internal.error', { country: job.country, cycle: job.cycle, job: job.id }),
                language,
              ).message
            : null;
        reply.header('cache-control', 'no-store');
        return sendPage(reply, 200, exportJobPage(job, failure, language, request.actor, follow));
      } catch (error) {
        if (isPacteError(error) && error.status === 404) return notFound();
        throw error;
      }
    },
  );
}
