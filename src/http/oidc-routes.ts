import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PacteError, isPacteError } from '../domain/errors.js';
import { direction, isLanguage } from '../domain/language.js';
import { translate } from '../i18n/index.js';
import { LOGIN_MINUTES, type OidcLogin } from '../services/oidc.js';
import { setSessionCookie } from './auth.js';
import { safeNext } from './pages/account-routes.js';
import { html } from '../domain/html.js';
import { sendPage } from './pages/send-page.js';
import { signInPage } from './pages/sign-in-page.js';
import { requestLanguage, toProblem } from './problem.js';
import { getSignInProvidersSchema } from './routes/session/schema.js';

/** The login's key, between /auth/oidc/start and the provider's redirect to the callback. */
export const OIDC_COOKIE = 'pacte_oidc';
const COOKIE_PATH = '/auth/oidc/';
export const START_URL = '/auth/oidc/start';

/**
 * Sign-in with an OpenID Connect provider: /auth/oidc/start sends the browser to the provider,
 * which sends it back to /auth/oidc/callback. Without a provider configured, neither route
 * exists (404 route.not_found) and the providers endpoint answers `{oidc: null}`.
 */
export function oidcRoutes(app: FastifyInstance, login: OidcLogin | null) {
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .get('/api/v1/session/providers', { schema: getSignInProvidersSchema }, async () => ({
      oidc: login ? { name: login.settings.name, startUrl: START_URL } : null,
    }));
  if (!login) return;
  const provider = { name: login.settings.name };

  app.get<{ Querystring: { next?: string } }>(START_URL, { schema: { hide: true } }, async (request, reply) => {
    const language = requestLanguage(request);
    const next = safeNext(request.query.next);
    try {
      const { url, key } = await login.begin(`${next}${next.includes('?') ? '&' : '?'}lang=${language}`);
      reply.setCookie(OIDC_COOKIE, key, {
        httpOnly: true,
        // Lax, not Strict: the cookie must come back with the provider's (cross-site) redirect.
        sameSite: 'lax',
        path: COOKIE_PATH,
        secure: request.protocol === 'https',
        maxAge: LOGIN_MINUTES * 60,
      });
      return reply.redirect(url.href, 302);
    } catch (error) {
      return failed(request, reply, error, next);
    }
  });

  app.get('/auth/oidc/callback', { schema: { hide: true } }, async (request, reply) => {
    const key = request.cookies[OIDC_COOKIE];
    reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
    try {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const session = await login.finish(key, query);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return continuePage(request, reply, session.next);
    } catch (error) {
      return failed(request, reply, error, '/');
    }
  });

  /** The sign-in page with the error; an unexpected failure is logged (without secrets) and told as oidc_failed. */
  function failed(request: FastifyRequest, reply: FastifyReply, error: unknown, next: string) {
    const language = requestLanguage(request);
    let problem: PacteError;
    if (isPacteError(error)) problem = error;
    else problem = new PacteError('auth.oidc_failed', { provider: provider.name, reason: 'error' });
    if (problem.status >= 500 || !isPacteError(error) || problem.code === 'auth.oidc_failed') {
      const cause = isPacteError(error) ? error.cause : error;
      request.log.warn({ code: problem.code, cause: cause instanceof Error ? cause.message : String(cause) }, 'oidc');
    }
    const { message } = toProblem(problem, language);
    return sendPage(
      reply,
      problem.status,
      signInPage(language, next, request.actor, { message, email: '', oidc: true }, provider),
    );
  }
}

/**
 * After the callback, the browser goes on to `next` by a page of this site rather than a
 * redirect: the navigation then starts here, so the SameSite=Strict session cookie is sent
 * with it (a redirect would continue the provider's cross-site navigation, without it).
 */
function continuePage(request: FastifyRequest, reply: FastifyReply, next: string) {
  const target = safeNext(next);
  const lang = new URLSearchParams(target.split('?')[1] ?? '').get('lang');
  const language = lang && isLanguage(lang) ? lang : requestLanguage(request);
  const text = translate(language, 'ui', 'signin.continue');
  const page = html`<!doctype html>
    <html lang="${language}" dir="${direction(language)}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content="0;url=${target}" />
        <title>${text}</title>
        <link rel="stylesheet" href="/assets/pacte.css" />
      </head>
      <body>
        <main id="main" class="container">
          <p><a href="${target}">${text}</a></p>
        </main>
      </body>
    </html>`;
  return sendPage(reply, 200, page.value);
}
