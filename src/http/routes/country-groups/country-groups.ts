import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../../db/connection.js';
import { createCountryGroup } from '../../../services/create-country-group.js';
import { deleteCountryGroup } from '../../../services/delete-country-group.js';
import { editCountryGroup } from '../../../services/edit-country-group.js';
import { listCountryGroups } from '../../../services/list-country-groups.js';
import { presentGroup } from '../../presenters/country-groups.js';
import { createGroupSchema, deleteGroupSchema, editGroupSchema, listGroupsSchema } from './schema.js';

/** A region's country groups: read by anyone, edited by its secretariat (and administrators). */
export function countryGroupRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/regions/:region/groups', { schema: listGroupsSchema }, async (request) => ({
    region: request.params.region,
    groups: (await listCountryGroups(db, request.params.region)).map(presentGroup),
  }));
  api.post('/api/v1/regions/:region/groups', { schema: createGroupSchema }, async (request, reply) =>
    reply
      .code(201)
      .send(presentGroup(await createCountryGroup(db, request.actor, request.params.region, request.body))),
  );
  api.put('/api/v1/regions/:region/groups/:group', { schema: editGroupSchema }, async (request) =>
    presentGroup(await editCountryGroup(db, request.actor, request.params.region, request.params.group, request.body)),
  );
  api.delete('/api/v1/regions/:region/groups/:group', { schema: deleteGroupSchema }, async (request, reply) => {
    await deleteCountryGroup(db, request.actor, request.params.region, request.params.group);
    return reply.code(204).send(null);
  });
}
