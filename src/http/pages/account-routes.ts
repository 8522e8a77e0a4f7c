import type { FastifyInstance } from 'fastify';
import { isPacteError } from '../../domain/errors.js';
import { DEFAULT_LOGIN_LIMITS, signIn, type LoginLimits } from '../../services/sign-in.js';
import { signOut } from '../../services/sign-out.js';
import type { Db } from '../../db/connection.js';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../auth.js';
import { requestLanguage, toProblem } from '../problem.js';
import { signInPage } from './sign-in-page.js';
import { sendPage } from './send-page.js';

/**
 * Only paths of this site are followed after signing in: never an address elsewhere, nor the
 * sign-in page itself (its own account bar links to it), which would show the form again.
 */
export const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) && !/^\/sign-(in|out)(?![^?#])/.test(next) ? next : '/';

export function accountPageRoutes(
  app: FastifyInstance,
  db: Db,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  /** The OpenID Connect provider offered on the sign-in page, if one is configured. */
  oidc: { name: string } | null = null,
) {
  app.get<{ Querystring: { next?: string } }>('/sign-in', { schema: { hide: true } }, async (request, reply) =>
    sendPage(
      reply,
      200,
      signInPage(requestLanguage(request), safeNext(request.query.next), request.actor, undefined, oidc),
    ),
  );

  app.post<{ Body: Record<string, string> | undefined }>(
    '/sign-in',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const { email = '', password = '', next } = request.body ?? {};
      try {
        const session = await signIn(db, email, password, limits);
        setSessionCookie(request, reply, session.token, session.expiresAt);
        const target = safeNext(next);
        return reply.redirect(`${target}${target.includes('?') ? '&' : '?'}lang=${language}`, 303);
      } catch (error) {
        if (!isPacteError(error) || error.status >= 500) throw error;
        const message = toProblem(error, language).message;
        return sendPage(
          reply,
          error.status,
          signInPage(language, safeNext(next), request.actor, { message, email }, oidc),
        );
      }
    },
  );

  app.post('/sign-out', { schema: { hide: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(db, token);
    clearSessionCookie(reply);
    return reply.redirect(`/?lang=${requestLanguage(request)}`, 303);
  });
}
