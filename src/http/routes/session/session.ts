import type { FastifyInstance } from 'fastify';
import { PacteError } from '../../../domain/errors.js';
import { resetPassword } from '../../../services/reset-password.js';
import { DEFAULT_LOGIN_LIMITS, signIn, type LoginLimits } from '../../../services/sign-in.js';
import { signOutEverywhere } from '../../../services/sign-out-everywhere.js';
import { signOut } from '../../../services/sign-out.js';
import type { Db } from '../../../db/connection.js';
import { clearSessionCookie, setSessionCookie } from '../../auth.js';
import { passwordResetSchema, signInSchema, signOutSchema, whoamiSchema } from './schema.js';

export function sessionRoutes(app: FastifyInstance, db: Db, limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
  app.post<{ Body: { email: string; password: string } }>(
    '/api/v1/session',
    { schema: signInSchema },
    async (request, reply) => {
      const { token, actor, expiresAt } = await signIn(db, request.body.email, request.body.password, limits);
      setSessionCookie(request, reply, token, expiresAt);
      return { token, email: actor.name, grants: actor.grants };
    },
  );

  app.get('/api/v1/session', { schema: whoamiSchema }, async (request) => {
    if (!request.actor) throw new PacteError('auth.required');
    return { userId: request.actor.userId, email: request.actor.name, grants: request.actor.grants };
  });

  app.delete<{ Querystring: { everywhere?: boolean } }>(
    '/api/v1/session',
    { schema: signOutSchema },
    async (request, reply) => {
      const token = request.sessionToken;
      if (token) {
        if (request.query.everywhere) await signOutEverywhere(db, token);
        else await signOut(db, token);
      }
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.post<{ Body: { token: string; password: string } }>(
    '/api/v1/password-reset',
    { schema: passwordResetSchema },
    async (request) => {
      const { email } = await resetPassword(db, request.body.token, request.body.password);
      return { email };
    },
  );
}
