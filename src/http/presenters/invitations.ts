/** Invitations and the people one manages, as the API answers them (never a token's hash). */
import type { InvitationRow } from '../../db/queries/invitations.js';
import type { Person } from '../../db/queries/people.js';
import { presentGrant } from './accounts.js';

export const presentInvitation = (invitation: InvitationRow) => ({
  id: invitation.id,
  email: invitation.email,
  name: invitation.name,
  grant: presentGrant(invitation.grant),
  invitedBy: invitation.invitedByName,
  createdAt: invitation.createdAt.toISOString(),
  expiresAt: invitation.expiresAt.toISOString(),
  state: invitation.state,
});

export const presentPerson = (person: Person) => ({
  id: person.id,
  email: person.email,
  name: person.name,
  disabled: person.disabled,
  grants: person.grants.map((g) => ({ ...presentGrant(g), disabled: g.disabled })),
});
