import type { FastifyInstance } from 'fastify';
import { PacteError } from '../../../domain/errors.js';
import { signIn, signOut } from '../../../services/accounts.js';
import type { Db } from '../../../services/storage.js';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../../auth.js';
import { signInSchema, signOutSchema, whoamiSchema } from './schema.js';

export function sessionRoutes(app: FastifyInstance, db: Db) {
  app.post<{ Body: { email: string; password: string } }>(
    '/api/v1/session',
    { schema: signInSchema },
    async (request, reply) => {
      const { token, actor, expiresAt } = await signIn(db, request.body.email, request.body.password);
      setSessionCookie(request, reply, token, expiresAt);
      return { email: actor.name, grants: actor.grants };
    },
  );

  app.get('/api/v1/session', { schema: whoamiSchema }, async (request) => {
    if (!request.actor) throw new PacteError('auth.required');
    return { email: request.actor.name, grants: request.actor.grants };
  });

  app.delete('/api/v1/session', { schema: signOutSchema }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(db, token);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });
}
