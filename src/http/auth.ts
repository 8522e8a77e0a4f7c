import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PacteError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { actorOfSession } from '../services/accounts.js';
import type { Db } from '../services/storage.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in on this request (the session cookie), or null. */
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'pacte_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions for every route: the cookie is read and its actor resolved once per request.
 * Cross-site writes are refused: the cookie is SameSite=Strict, and a write whose Origin is
 * another site is answered `request.cross_site` before any route runs.
 */
export async function authentication(app: FastifyInstance, db: Db) {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (UNSAFE.has(request.method) && !sameOrigin(request)) throw new PacteError('request.cross_site');
    request.actor = await actorOfSession(db, request.cookies[SESSION_COOKIE]);
  });
  // Forms post url-encoded bodies (sign-in); nothing else is accepted that way.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser cross-site request (CLI, server-to-server, same-origin GET forms)
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
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
