import type { FastifyInstance } from 'fastify';
import { addEntity } from '../../../services/add-entity.js';
import { listEntities } from '../../../services/list-entities.js';
import type { Db } from '../../../services/storage.js';
import { addEntitySchema, listEntitiesSchema } from './schema.js';

export function entityRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Querystring: { country?: string } }>(
    '/api/v1/entities',
    { schema: listEntitiesSchema },
    async (request) => ({ entities: await listEntities(db, request.actor, { country: request.query.country }) }),
  );

  app.post<{ Body: { country: string; name: string; category: string } }>(
    '/api/v1/entities',
    { schema: addEntitySchema },
    async (request, reply) => reply.status(201).send(await addEntity(db, request.actor, request.body)),
  );
}
