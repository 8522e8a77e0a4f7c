import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/connection.js';
import { isPacteError } from '../../domain/errors.js';
import type { Language } from '../../domain/language.js';
import type { Actor } from '../../domain/permissions.js';
import { MIN_PASSWORD } from '../../domain/password.js';
import { translate } from '../../i18n/index.js';
import { acceptInvitation } from '../../services/accept-invitation.js';
import { getInvitation } from '../../services/get-invitation.js';
import { requestLanguage, toProblem } from '../problem.js';
import {
  invitationAcceptedPage,
  invitationPage,
  invitationRefusedPage,
  type InvitationOffer,
} from './invitation-page.js';
import { sendPage } from './send-page.js';

/** Pages holding an invitation's token are never kept by a cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** `/invitations/accept?token=…`: the one-time link of an invitation (docs/regional.md, People). */
export function invitationPageRoutes(app: FastifyInstance, db: Db) {
  /** The offer behind the token, or the refusal page with the code's status. */
  async function offerOf(token: string, language: Language, reply: FastifyReply, actor: Actor | null) {
    try {
      const { invitation, countryName, entityName, accountExists } = await getInvitation(db, token);
      const offer: InvitationOffer = {
        email: invitation.email,
        name: invitation.name,
        grant: invitation.grant,
        invitedBy: invitation.invitedByName,
        expiresAt: invitation.expiresAt,
        countryName,
        entityName,
        accountExists,
      };
      return offer;
    } catch (error) {
      if (!isPacteError(error) || error.status >= 500) throw error;
      await sendPage(
        noStore(reply),
        error.status,
        invitationRefusedPage(language, toProblem(error, language).message, actor),
      );
      return null;
    }
  }

  app.get<{ Querystring: { token?: string } }>(
    '/invitations/accept',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const token = typeof request.query.token === 'string' ? request.query.token : '';
      const offer = await offerOf(token, language, reply, request.actor);
      if (!offer) return reply;
      const page = invitationPage(language, token, offer, MIN_PASSWORD, request.actor, undefined, offer.name ?? '');
      return sendPage(noStore(reply), 200, page);
    },
  );

  app.post<{ Body: Record<string, string> | undefined }>(
    '/invitations/accept',
    { schema: { hide: true } },
    async (request, reply) => {
      const language = requestLanguage(request);
      const { token = '', password = '', confirm = '', name = '' } = request.body ?? {};
      const offer = await offerOf(token, language, reply, request.actor);
      if (!offer) return reply;
      const page = (status: number, message: string, field: 'password' | 'confirm' | 'name') =>
        sendPage(
          noStore(reply),
          status,
          invitationPage(language, token, offer, MIN_PASSWORD, request.actor, { message, field }, name),
        );
      if (!offer.accountExists && password !== confirm) {
        return page(422, translate(language, 'ui', 'reset.mismatch'), 'confirm');
      }
      try {
        const { email, created } = await acceptInvitation(
          db,
          token,
          offer.accountExists ? undefined : password,
          offer.accountExists ? undefined : name,
          true,
        );
        return sendPage(noStore(reply), 200, invitationAcceptedPage(language, email, created));
      } catch (error) {
        if (!isPacteError(error) || error.status >= 500) throw error;
        if (error.code === 'user.weak_password')
          return page(error.status, toProblem(error, language).message, 'password');
        if (error.code === 'user.invalid_name') return page(error.status, toProblem(error, language).message, 'name');
        return sendPage(
          noStore(reply),
          error.status,
          invitationRefusedPage(language, toProblem(error, language).message, request.actor),
        );
      }
    },
  );
}
