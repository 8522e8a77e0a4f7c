import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../domain/permissions.js';
import { addUser } from '../../../services/add-user.js';
import { listUsers } from '../../../services/list-users.js';
import { requireAllowed } from '../../../services/require-allowed.js';
import type { Db } from '../../../db/connection.js';
import { presentUser } from '../../presenters/accounts.js';
import { addUserSchema, listUsersSchema } from './schema.js';

/** Accounts, for the administrators' screen: the same use cases as `pacte user add`. */
export function userRoutes(app: FastifyInstance, db: Db) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/users', { schema: listUsersSchema }, async (request) => ({
    users: (await listUsers(db, request.actor)).map(presentUser),
  }));

  api.post('/api/v1/users', { schema: addUserSchema }, async (request, reply) => {
    const { email, name, password, role, country, region, entity } = request.body;
    const result = await addUser(db, requireAllowed(request.actor, 'user.manage'), {
      email,
      name,
      password,
      // Any string: the service answers user.invalid_role, with the roles, for one it does not know.
      grant: { role: role as Role, country, region, entity },
    });
    return reply.status(201).send(result);
  });
}
