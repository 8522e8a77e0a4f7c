import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

import type { Db } from '../../../db/connection.js';
import { getReview } from '../../../services/get-review.js';
import { exportReview } from '../../../services/export-review.js';
import { listReviews } from '../../../services/list-reviews.js';
import { requestLanguage } from '../../problem.js';
import { sendDownload } from '../../download.js';
import { presentReview, presentReviewSummary } from '../../presenters/reviews.js';
import type { ExportQueue } from '../exports/exports.js';
import { exportReviewSchema, getReviewSchema, listReviewsSchema } from './schema.js';

export function reviewRoutes(app: FastifyInstance, db: Db, exports?: ExportQueue) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/reviews', { schema: listReviewsSchema }, async (request) => ({
    reviews: (await listReviews(db, request.actor)).map(presentReviewSummary),
  }));

  api.get('/api/v1/reviews/:country/:cycle', { schema: getReviewSchema }, async (request) =>
    presentReview(await getReview(db, request.actor, request.params.country, request.params.cycle)),
  );

  api.get('/api/v1/reviews/:country/:cycle/export', { schema: exportReviewSchema }, async (request, reply) => {
    const { country, cycle } = request.params;
    const { format, layout, version } = request.query;
    // ?lang=, else Accept-Language when the client sends one, else the review's own language.
    const lang = request.query.lang ?? (request.headers['accept-language'] ? requestLanguage(request) : undefined);
    // A PDF takes seconds: it is made by a background job, and the answer is that job (202).
    if (format === 'pdf' && exports) {
      return exports.accept(request, reply, { country, cycle, format, lang, layout, version });
    }
    const file = await exportReview(db, request.actor, { country, cycle, format, lang, layout, version });
    return sendDownload(reply, file);
  });
}
