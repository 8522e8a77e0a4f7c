import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import type { CycleState } from '../../../domain/cycles.js';
import { copyQuestionnaire } from '../../../services/copy-questionnaire.js';
import { editQuestionnaire } from '../../../services/edit-questionnaire.js';
import { listQuestionnaires } from '../../../services/list-questionnaires.js';
import { markWording } from '../../../services/mark-wording.js';
import { getQuestionMapping, saveQuestionMapping } from '../../../services/save-question-mapping.js';
import {
  copyQuestionnaireSchema,
  editQuestionnaireSchema,
  getMappingSchema,
  listQuestionnairesSchema,
  markWordingSchema,
  saveMappingSchema,
} from './schema.js';

/** Questionnaire versions: list, copy, edit, official wording, mapping (docs/questionnaires.md « API »). */
export function questionnaireRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/questionnaires', { schema: listQuestionnairesSchema }, async (request) => ({
    versions: (await listQuestionnaires(db, request.actor)).map(({ cycles, ...v }) => ({
      ...v,
      cycles: cycles.map((c) => ({ id: c.id, title: c.title, state: c.state as CycleState })),
    })),
  }));
  api.post('/api/v1/questionnaires/:id/versions', { schema: copyQuestionnaireSchema }, async (request, reply) =>
    reply.status(201).send(await copyQuestionnaire(db, request.actor, request.params.id, request.body)),
  );
  api.put('/api/v1/questionnaires/:id/versions/:version', { schema: editQuestionnaireSchema }, async (request) =>
    editQuestionnaire(db, request.actor, request.params.id, request.params.version, request.body),
  );
  api.put(
    '/api/v1/questionnaires/:id/versions/:version/wording/:lang',
    { schema: markWordingSchema },
    async (request) =>
      markWording(
        db,
        request.actor,
        request.params.id,
        request.params.version,
        request.params.lang,
        request.body.status,
      ),
  );
  api.get('/api/v1/questionnaires/:id/versions/:version/mapping', { schema: getMappingSchema }, async (request) =>
    getQuestionMapping(db, request.actor, request.params.id, request.params.version, request.query.from),
  );
  api.put('/api/v1/questionnaires/:id/versions/:version/mapping', { schema: saveMappingSchema }, async (request) =>
    saveQuestionMapping(
      db,
      request.actor,
      request.params.id,
      request.params.version,
      request.body.rows,
      request.query.from,
    ),
  );
}
