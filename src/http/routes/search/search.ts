import type { FastifyInstance } from 'fastify';
import type { Language } from '../../../domain/language.js';
import { searchReviews } from '../../../services/search-reviews.js';
import type { Db } from '../../../services/storage.js';
import { searchSchema } from './schema.js';

interface SearchQuery {
  q: string;
  lang?: Language;
  country?: string;
  cycle?: string;
  section?: string;
  question?: string;
  objective?: number;
  limit?: number;
  offset?: number;
}

export function searchRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Querystring: SearchQuery }>('/api/v1/search', { schema: searchSchema }, async (request) => {
    const { question, ...query } = request.query;
    return searchReviews(db, request.actor, { ...query, questionId: question });
  });
}
