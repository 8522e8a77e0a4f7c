import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../domain/permissions.js';
import { addUser } from '../../../services/add-user.js';
import { listUsers } from '../../../services/list-users.js';
import { requireAllowed } from '../../../services/require-allowed.js';
import type { Db } from '../../../db/connection.js';
import { addUserSchema, listUsersSchema } from './schema.js';

interface NewUserBody {
  email: string;
  password: string;
  role: string;
  country?: string;
  region?: string;
  entity?: number;
}

/** Accounts, for the administrators' screen: the same use cases as `pacte user add`. */
export function userRoutes(app: FastifyInstance, db: Db) {
  app.get('/api/v1/users', { schema: listUsersSchema }, async (request) => ({
    users: (await listUsers(db, request.actor)).map((u) => ({
      id: u.id,
      email: u.email,
      grants: u.grants,
      disabled: u.disabled,
    })),
  }));

  app.post<{ Body: NewUserBody }>('/api/v1/users', { schema: addUserSchema }, async (request, reply) => {
    const { email, password, role, country, region, entity } = request.body;
    const result = await addUser(db, requireAllowed(request.actor, 'user.manage'), {
      email,
      password,
      grant: { role: role as Role, country, region, entity },
    });
    return reply.status(201).send(result);
  });
}
