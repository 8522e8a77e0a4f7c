import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { searchReviews } from '../../../services/search-reviews.js';
import type { Db } from '../../../db/connection.js';
import { searchReviewsSchema } from './schema.js';

export function searchRoutes(app: FastifyInstance, db: Db) {
  // The service answers the JSON of the API as it is (hits and total): no presenter needed.
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .get('/api/v1/search', { schema: searchReviewsSchema }, async (request) => {
      const { question, ...query } = request.query;
      return searchReviews(db, request.actor, { ...query, questionId: question });
    });
}
