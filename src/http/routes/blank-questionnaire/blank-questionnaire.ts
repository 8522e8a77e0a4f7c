import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { blankQuestionnaire } from '../../../services/blank-questionnaire.js';
import { sendDownload } from '../../download.js';
import { getBlankQuestionnaireSchema } from './schema.js';

/** GET /api/v1/cycles/{cycle}/questionnaire.docx: the blank questionnaire in Word. */
export function blankQuestionnaireRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/cycles/:cycle/questionnaire.docx', { schema: getBlankQuestionnaireSchema }, async (request, reply) =>
    sendDownload(reply, await blankQuestionnaire(db, request.actor, request.params.cycle, request.query.lang)),
  );
}
