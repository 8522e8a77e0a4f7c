import type { FastifyInstance } from 'fastify';

import type { Db } from '../../../services/storage.js';
import { getReview } from '../../../services/get-review.js';
import { listReviews } from '../../../services/list-reviews.js';
import { getReviewSchema, listReviewsSchema } from './schema.js';

export function reviewRoutes(app: FastifyInstance, db: Db) {
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
}
