import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/connection.js';
import type { Role } from '../../../domain/permissions.js';
import type { Mailer } from '../../../services/send-mail.js';
import { acceptInvitation } from '../../../services/accept-invitation.js';
import { createInvitation } from '../../../services/create-invitation.js';
import { disableUser } from '../../../services/disable-user.js';
import { enableUser } from '../../../services/enable-user.js';
import { listInvitations } from '../../../services/list-invitations.js';
import { listPeople } from '../../../services/list-people.js';
import { revokeInvitation } from '../../../services/revoke-invitation.js';
import { presentGrant } from '../../presenters/accounts.js';
import { presentInvitation, presentPerson } from '../../presenters/invitations.js';
import { requestLanguage } from '../../problem.js';
import {
  acceptInvitationSchema,
  createInvitationSchema,
  disableUserSchema,
  enableUserSchema,
  listInvitationsSchema,
  listPeopleSchema,
  revokeInvitationSchema,
} from './schema.js';

/** The page that accepts an invitation, on the server the request came to. */
export const invitationLink = (request: FastifyRequest) => (token: string) =>
  `${request.protocol}://${request.headers.host ?? 'localhost'}/invitations/accept?token=${encodeURIComponent(token)}`;

/** Invitations, and the people a secretariat or a focal point manages (docs/regional.md, People). */
export function invitationRoutes(app: FastifyInstance, db: Db, mailer: Mailer | undefined) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post('/api/v1/invitations', { schema: createInvitationSchema }, async (request, reply) => {
    const { email, name, role, country, region, entity } = request.body;
    const result = await createInvitation(
      db,
      request.actor,
      // Any string: the service answers user.invalid_role, with the roles, for one it does not know.
      { email, name, grant: { role: role as Role, country, region, entity } },
      { linkFor: invitationLink(request), mailer, language: requestLanguage(request) },
    );
    return reply
      .status(201)
      .header('cache-control', 'no-store') // it may hold the link
      .send({ invitation: presentInvitation(result.invitation), sent: result.sent, link: result.link });
  });

  api.get('/api/v1/invitations', { schema: listInvitationsSchema }, async (request) => ({
    invitations: (await listInvitations(db, request.actor)).map(presentInvitation),
  }));

  api.delete('/api/v1/invitations/:id', { schema: revokeInvitationSchema }, async (request) => ({
    invitation: presentInvitation(await revokeInvitation(db, request.actor, request.params.id)),
  }));

  api.post('/api/v1/invitations/accept', { schema: acceptInvitationSchema }, async (request) => {
    const accepted = await acceptInvitation(db, request.body.token, request.body.password, request.body.name);
    return {
      userId: accepted.userId,
      email: accepted.email,
      created: accepted.created,
      grant: presentGrant(accepted.grant),
    };
  });

  api.get('/api/v1/people', { schema: listPeopleSchema }, async (request) => ({
    people: (await listPeople(db, request.actor, { country: request.query.country })).map(presentPerson),
  }));

  api.post('/api/v1/users/:id/disable', { schema: disableUserSchema }, async (request) => ({
    person: presentPerson(await disableUser(db, request.actor, request.params.id)),
  }));

  api.post('/api/v1/users/:id/enable', { schema: enableUserSchema }, async (request) => ({
    person: presentPerson(await enableUser(db, request.actor, request.params.id)),
  }));
}
