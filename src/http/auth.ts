import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { actorOfSession } from '../services/actor-of-session.js';
import type { Db } from '../db/connection.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in on this request (the bearer token or the session cookie), or null. */
    actor: Actor | null;
    /** The session token the request carries (bearer first, else the cookie), if any. */
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'pacte_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions for every route: the token is read and its actor resolved once per request. API
 * clients send `Authorization: Bearer <token>`; browsers send the session cookie. A bearer
 * request carries no ambient credential (a page of another site cannot make a browser add the
 * header without a CORS preflight we never grant, and the cookie is then ignored), so it needs
 * no cross-site check. Cookie requests do: the cookie is SameSite=Strict, and a write whose
 * Origin is another host, or that the browser marks `Sec-Fetch-Site: cross-site`, is answered
 * `request.cross_site` before any route runs.
 */
export async function authentication(app: FastifyInstance, db: Db) {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const bearer = bearerToken(request);
    if (bearer === undefined && UNSAFE.has(request.method) && crossSite(request)) {
      throw new PacteError('request.cross_site');
    }
    request.sessionToken = bearer ?? request.cookies[SESSION_COOKIE] ?? null;
    request.actor = await actorOfSession(db, request.sessionToken ?? undefined);
  });
  // Forms post url-encoded bodies (sign-in); nothing else is accepted that way.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

/** The token of `Authorization: Bearer <token>`, or undefined when the header is absent or of another scheme. */
function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/iu.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function crossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false; // not a browser cross-site request (CLI, server-to-server, same-origin GET forms)
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
