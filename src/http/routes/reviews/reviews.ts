import type { FastifyInstance } from 'fastify';

import type { Db } from '../../../services/storage.js';
import { getReview } from '../../../services/get-review.js';
import { exportReview } from '../../../services/export-review.js';
import { listReviews } from '../../../services/list-reviews.js';
import type { Language } from '../../../domain/language.js';
import { printableReview } from '../../pages/export-page.js';
import { requestLanguage } from '../../problem.js';
import { sendDownload } from '../../download.js';
import type { ExportQueue } from '../exports/exports.js';
import { exportReviewSchema, getReviewSchema, listReviewsSchema } from './schema.js';

export function reviewRoutes(app: FastifyInstance, db: Db, exports?: ExportQueue) {
  app.get('/api/v1/reviews', { schema: listReviewsSchema }, async (request) => ({
    reviews: (await listReviews(db, request.actor)).map((review) => ({
      country: review.country,
      cycle: review.cycle,
      language: review.language,
      title: review.title,
      status: review.status,
      answered: review.answered,
      updatedAt: review.updatedAt.toISOString(),
      url: `/api/v1/reviews/${review.country}/${review.cycle}`,
    })),
  }));

  app.get<{ Params: { country: string; cycle: string } }>(
    '/api/v1/reviews/:country/:cycle',
    { schema: getReviewSchema },
    async (request) => getReview(db, request.actor, request.params.country, request.params.cycle),
  );

  app.get<{
    Params: { country: string; cycle: string };
    Querystring: { format: string; lang?: Language; layout?: string; version?: number };
  }>('/api/v1/reviews/:country/:cycle/export', { schema: exportReviewSchema }, async (request, reply) => {
    const { format, layout, version } = request.query;
    // ?lang=, else Accept-Language when the client sends one, else the review's own language.
    const lang = request.query.lang ?? (request.headers['accept-language'] ? requestLanguage(request) : undefined);
    // A PDF takes seconds: it is made by a background job, and the answer is that job (202).
    if (format === 'pdf' && exports) {
      return exports.accept(request, reply, {
        country: request.params.country,
        cycle: request.params.cycle,
        format,
        lang,
        layout,
        version,
      });
    }
    const file = await exportReview(
      db,
      request.actor,
      { country: request.params.country, cycle: request.params.cycle, format, lang, layout, version },
      printableReview,
    );
    return sendDownload(reply, file);
  });
}
