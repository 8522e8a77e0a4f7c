import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { addEntity } from '../../../services/add-entity.js';
import { listEntities } from '../../../services/list-entities.js';
import type { Db } from '../../../db/connection.js';
import { addEntitySchema, listEntitiesSchema } from './schema.js';

export function entityRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/entities', { schema: listEntitiesSchema }, async (request) => ({
    entities: await listEntities(db, request.actor, { country: request.query.country }),
  }));

  api.post('/api/v1/entities', { schema: addEntitySchema }, async (request, reply) =>
    reply.status(201).send(await addEntity(db, request.actor, request.body)),
  );
}
