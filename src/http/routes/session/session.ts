import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PacteError } from '../../../domain/errors.js';
import { resetPassword } from '../../../services/reset-password.js';
import { DEFAULT_LOGIN_LIMITS, signIn, type LoginLimits } from '../../../services/sign-in.js';
import { signOutEverywhere } from '../../../services/sign-out-everywhere.js';
import { signOut } from '../../../services/sign-out.js';
import type { Db } from '../../../db/connection.js';
import { clearSessionCookie, setSessionCookie } from '../../auth.js';
import { presentGrant } from '../../presenters/accounts.js';
import { getSessionSchema, resetPasswordSchema, signInSchema, signOutSchema } from './schema.js';

export function sessionRoutes(app: FastifyInstance, db: Db, limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post('/api/v1/session', { schema: signInSchema }, async (request, reply) => {
    const { token, actor, expiresAt } = await signIn(db, request.body.email, request.body.password, limits);
    setSessionCookie(request, reply, token, expiresAt);
    return { token, email: actor.name, grants: actor.grants.map(presentGrant) };
  });

  api.get('/api/v1/session', { schema: getSessionSchema }, async (request) => {
    // A session's actor is a user; the operator (userId null) never comes through HTTP.
    if (request.actor?.userId == null) throw new PacteError('auth.required');
    const { userId, name, grants } = request.actor;
    return { userId, email: name, grants: grants.map(presentGrant) };
  });

  api.delete('/api/v1/session', { schema: signOutSchema }, async (request, reply) => {
    const token = request.sessionToken;
    if (token) {
      if (request.query.everywhere) await signOutEverywhere(db, token);
      else await signOut(db, token);
    }
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  api.post('/api/v1/password-reset', { schema: resetPasswordSchema }, async (request) => {
    const { email } = await resetPassword(db, request.body.token, request.body.password);
    return { email };
  });
}
