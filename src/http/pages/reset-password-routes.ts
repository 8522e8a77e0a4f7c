import type { FastifyInstance, FastifyReply } from 'fastify';
import { isPacteError } from '../../domain/errors.js';
import { translate } from '../../i18n/index.js';
import { MIN_PASSWORD } from '../../domain/password.js';
import { resetPassword } from '../../services/reset-password.js';
import type { Db } from '../../db/connection.js';
import { clearSessionCookie } from '../auth.js';
import { requestLanguage, toProblem } from '../problem.js';
import { sendPage } from './send-page.js';
import { passwordChangedPage, resetPasswordPage } from './reset-password-page.js';

/** Pages holding a reset token are never kept by a cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export function resetPasswordPageRoutes(app: FastifyInstance, db: Db) {
  app.get<{ Querystring: { token?: string } }>(
    '/reset-password',
    { schema: { hide: true } },
    async (request, reply) => {
      const token = typeof request.query.token === 'string' ? request.query.token : '';
      return sendPage(
        noStore(reply),
        200,
        resetPasswordPage(requestLanguage(request), token, MIN_PASSWORD, request.actor),
      );
    },
  );

  app.post<{ Body: Record<string, string> | undefined }>(
    '/reset-password',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const { token = '', password = '', confirm = '' } = request.body ?? {};
      const page = (status: number, message: string, field: 'password' | 'confirm') =>
        sendPage(
          noStore(reply),
          status,
          resetPasswordPage(language, token, MIN_PASSWORD, request.actor, { message, field }),
        );
      if (password !== confirm) return page(422, translate(language, 'ui', 'reset.mismatch'), 'confirm');
      try {
        const { userId, email } = await resetPassword(db, token, password);
        // Every session of the account has ended; this browser's too, if it was signed in as it.
        if (request.actor?.userId === userId) clearSessionCookie(reply);
        return sendPage(noStore(reply), 200, passwordChangedPage(language, email));
      } catch (error) {
        if (!isPacteError(error) || error.status >= 500) throw error;
        return page(error.status, toProblem(error, language).message, 'password');
      }
    },
  );
}
