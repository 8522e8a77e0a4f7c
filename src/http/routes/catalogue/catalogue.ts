import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

import type { Db } from '../../../db/connection.js';
import { getQuestionnaire } from '../../../services/get-questionnaire.js';
import { listCountries, listObjectives, listPrinciples } from '../../../services/list-catalogue.js';
import { presentObjective } from '../../presenters/catalogue.js';
import { getQuestionnaireSchema, listCountriesSchema, listObjectivesSchema, listPrinciplesSchema } from './schema.js';

export function catalogueRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/questionnaires/:id', { schema: getQuestionnaireSchema }, async (request) =>
    getQuestionnaire(db, request.actor, request.params.id, request.query.version),
  );
  api.get('/api/v1/objectives', { schema: listObjectivesSchema }, async () => ({
    objectives: (await listObjectives(db)).map(presentObjective),
  }));
  api.get('/api/v1/principles', { schema: listPrinciplesSchema }, async () => ({
    principles: await listPrinciples(db),
  }));
  api.get('/api/v1/countries', { schema: listCountriesSchema }, async () => ({ countries: await listCountries(db) }));
}
