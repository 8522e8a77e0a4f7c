import type { FastifyReply, FastifyRequest } from 'fastify';
import { PacteError, isPacteError, type ErrorCode } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { negotiateLanguage, translate } from '../i18n/index.js';

/** The body of every error response: a stable code, a message in the request's language. */
export interface Problem {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export function requestLanguage(request: FastifyRequest, fallback: Language = 'en'): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = typeof query?.lang === 'string' ? query.lang : undefined;
  return negotiateLanguage(lang, request.headers['accept-language'], fallback);
}

export function toProblem(error: PacteError, language: Language): Problem {
  return {
    code: error.code,
    message: translate(language, 'errors', error.code, error.details),
    details: error.details,
  };
}

/**
 * Maps anything thrown in a route to a problem response. Unknown errors are logged with their
 * stack and answered with `internal.error` only: no internals leak to the client.
 */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const language = requestLanguage(request);
  let problem: PacteError;
  if (isPacteError(error)) problem = error;
  else if (isClientError(error)) problem = new PacteError('request.invalid', { problem: error.message });
  else {
    request.log.error({ err: error }, 'unexpected error');
    problem = new PacteError('internal.error');
  }
  return reply.status(problem.status).type('application/json; charset=utf-8').send(toProblem(problem, language));
}

function isClientError(error: unknown): error is Error & { statusCode: number } {
  const status = (error as { statusCode?: unknown }).statusCode;
  return error instanceof Error && typeof status === 'number' && status >= 400 && status < 500;
}
