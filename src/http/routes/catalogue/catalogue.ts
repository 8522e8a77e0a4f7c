import type { FastifyInstance } from 'fastify';

import type { Db } from '../../../services/storage.js';
import { getQuestionnaire } from '../../../services/get-questionnaire.js';
import { listCountries, listObjectives, listPrinciples } from '../../../services/list-catalogue.js';
import { countriesSchema, objectivesSchema, principlesSchema, questionnaireSchema } from './schema.js';

export function catalogueRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Params: { id: string }; Querystring: { version?: number } }>(
    '/api/v1/questionnaires/:id',
    { schema: questionnaireSchema },
    async (request) => getQuestionnaire(db, request.params.id, request.query.version),
  );
  app.get('/api/v1/objectives', { schema: objectivesSchema }, async () => ({ objectives: await listObjectives(db) }));
  app.get('/api/v1/principles', { schema: principlesSchema }, async () => ({ principles: await listPrinciples(db) }));
  app.get('/api/v1/countries', { schema: countriesSchema }, async () => ({ countries: await listCountries(db) }));
}
