import '@fastify/swagger'; // its `schema.hide` keeps pages out of the API document
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPacteError } from '../../domain/errors.js';
import { isLanguage } from '../../domain/language.js';
import { getReviewInContext } from '../../services/get-review.js';
import { valueNames } from '../../services/value-names.js';
import { listPublications } from '../../services/list-publications.js';
import { listReviews } from '../../services/list-reviews.js';
import type { Db } from '../../db/connection.js';
import { requestLanguage } from '../problem.js';
import { homePage, notFoundPage } from './home-page.js';
import { portalPageRoutes } from './portal-routes.js';
import { reviewPage } from './review-page.js';
import { sendPage } from './send-page.js';

const require = createRequire(import.meta.url);
const CSS = readFileSync(new URL('../../../src/http/pages/pacte.css', import.meta.url));
const FONT_DIRS = ['@fontsource/noto-sans', '@fontsource/noto-naskh-arabic'].map(
  (pkg) => `${dirname(require.resolve(`${pkg}/package.json`))}/files`,
);

/** The server-rendered pages: the public portal, each review (and each of its versions), search, open data. */
export function pageRoutes(app: FastifyInstance, db: Db) {
  app.get('/assets/pacte.css', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS),
  );
  app.get<{ Params: { file: string } }>('/assets/fonts/:file', { schema: { hide: true } }, (request, reply) => {
    const { file } = request.params;
    const dir = /^noto-[a-z-]+-\d00-normal\.woff2$/.test(file) && FONT_DIRS.find((d) => existsSync(`${d}/${file}`));
    if (!dir) return sendPage(reply, 404, notFoundPage('en', request.url));
    return reply
      .type('font/woff2')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(readFileSync(`${dir}/${file}`));
  });

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    const published = await listPublications(db);
    // Someone signed in also sees the reviews they work on, in whatever state.
    const rows = request.actor?.userId ? await listReviews(db, request.actor) : [];
    return sendPage(reply, 200, homePage(published, rows, language, request.actor));
  });

  type ReviewRequest = FastifyRequest<{
    Params: { country: string; cycle: string; version?: string };
    Querystring: { lang?: string };
  }>;
  /** A review as a page: the latest version (or the working copy, for those who may read it), or one version. */
  const showReview = async (request: ReviewRequest, reply: FastifyReply) => {
    const { country, cycle: cycleId, version } = request.params;
    const notFound = () =>
      sendPage(reply, 404, notFoundPage(requestLanguage(request), request.url.split('?')[0] ?? '/'));
    if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) return notFound();
    try {
      const context = await getReviewInContext(db, request.actor, country, cycleId, {
        version: version === undefined ? undefined : Number(version),
      });
      const { review, status, questionnaire, cycle, country: countryRow, publication, versions } = context;
      // The page speaks the reader's choice, else the review's own language.
      const language = isLanguage(request.query.lang) ? request.query.lang : review.language;
      const path = `/reviews/${review.country}/${review.cycle}${version === undefined ? '' : `/versions/${version}`}`;
      const page = reviewPage(
        {
          review: { ...review, status },
          questionnaire,
          countryName: countryRow.name,
          cycleTitle: cycle.title,
          names: await valueNames(db),
          publication,
          versions,
        },
        language,
        path,
        request.actor,
      );
      return sendPage(reply, 200, page);
    } catch (error) {
      if (isPacteError(error) && error.status === 404) return notFound();
      throw error;
    }
  };
  app.get('/reviews/:country/:cycle', { schema: { hide: true } }, showReview);
  app.get('/reviews/:country/:cycle/versions/:version', { schema: { hide: true } }, showReview);
  portalPageRoutes(app, db);
}
