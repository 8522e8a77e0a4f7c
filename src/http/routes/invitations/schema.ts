/** TypeBox schemas of invitations and of the people a secretariat or a focal point manages. */
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../../domain/permissions.js';
import { CountryCode, DateTime, LangQuery, Nullable, OneOf, PUBLIC, SIGNED_IN, problems } from '../../contract.js';
import { Grant } from '../session/schema.js';

const tags = ['users'];
const STATES = ['pending', 'used', 'revoked', 'expired'] as const;

const Invitation = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Nullable(Type.String({ description: 'the name of the person invited, as the inviter gave it' })),
    grant: Grant,
    invitedBy: Type.String({ description: 'Who invited, as the audit log names them' }),
    createdAt: DateTime(),
    expiresAt: DateTime(),
    state: OneOf(STATES),
  },
  { additionalProperties: false },
);

const Person = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Nullable(Type.String({ description: 'the display name, if the account has one' })),
    disabled: Type.Boolean({ description: 'The account is disabled: it cannot sign in' }),
    grants: Type.Array(
      Type.Object(
        {
          role: OneOf(ROLES),
          country: Nullable(Type.String()),
          region: Nullable(Type.String()),
          entity: Nullable(Type.Integer()),
          disabled: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { description: 'Only the roles the caller manages' },
    ),
  },
  { additionalProperties: false },
);

const WHO_MANAGES =
  'A regional secretariat manages the focal points and validators of its region’s countries; a focal point the contributors and stakeholders of its country’s entities; an administrator everyone.';

export const createInvitationSchema = {
  operationId: 'createInvitation',
  summary: 'Invite someone to a role, with a one-time link valid for a week',
  description: `${WHO_MANAGES} The link is e-mailed when an SMTP server is configured (PACTE_SMTP_URL); it is answered only when it was not e-mailed (no server, or the server refused it): hand it to the person. An account with that address gets the role added when the link is opened. A new invitation to the same address and role replaces the pending one.`,
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  body: Type.Object(
    {
      email: Type.String({ maxLength: 320 }),
      name: Type.Optional(
        Type.String({
          maxLength: 400,
          description:
            'the name of the person invited (1-120 characters, one line; else 422 user.invalid_name): shown in the list of invitations, and given to the account the invitation creates unless the person types another',
        }),
      ),
      // Not an enum here: an unknown role is answered user.invalid_role (422) with the roles.
      role: Type.String({ maxLength: 32, description: ROLES.join(', ') }),
      country: Type.Optional(CountryCode),
      region: Type.Optional(Type.String({ maxLength: 64 })),
      entity: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object(
      {
        invitation: Invitation,
        sent: Type.Boolean({ description: 'The link was e-mailed to the person' }),
        link: Nullable(Type.String({ description: 'The one-time link, when it was not e-mailed' })),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
};

export const listInvitationsSchema = {
  operationId: 'listInvitations',
  summary: 'The pending invitations to the roles the caller manages',
  description: WHO_MANAGES,
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  response: {
    200: Type.Object({ invitations: Type.Array(Invitation) }, { additionalProperties: false }),
    ...problems(400, 401, 403),
  },
};

export const revokeInvitationSchema = {
  operationId: 'revokeInvitation',
  summary: 'Withdraw a pending invitation: its link no longer works',
  tags,
  security: SIGNED_IN,
  params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
  querystring: LangQuery,
  response: {
    200: Type.Object({ invitation: Invitation }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404, 409, 410),
  },
};

export const acceptInvitationSchema = {
  operationId: 'acceptInvitation',
  summary: 'Accept an invitation with its one-time token',
  description:
    'Creates the account with the password chosen, or adds the role to the existing account with the invitation’s address (no password needed then). Works once, within a week; a used, expired or withdrawn link is refused with its code.',
  tags,
  security: PUBLIC,
  querystring: LangQuery,
  body: Type.Object(
    {
      token: Type.String({ maxLength: 200 }),
      password: Type.Optional(Type.String({ maxLength: 1024 })),
      name: Type.Optional(
        Type.String({
          maxLength: 400,
          description: 'the name shown instead of the address: required for a new account (user.invalid_name)',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object(
      { userId: Type.Integer(), email: Type.String(), created: Type.Boolean(), grant: Grant },
      { additionalProperties: false },
    ),
    ...problems(400, 409, 410, 422),
  },
};

export const listPeopleSchema = {
  operationId: 'listPeople',
  summary: 'The people whose roles the caller manages, with those roles',
  description: `${WHO_MANAGES} A country may have several focal points (deputies): all are listed.`,
  tags,
  security: SIGNED_IN,
  querystring: Type.Object({ country: Type.Optional(CountryCode), ...LangQuery.properties }),
  response: {
    200: Type.Object({ people: Type.Array(Person) }, { additionalProperties: false }),
    ...problems(400, 401, 403),
  },
};

const switchSchema = (operationId: string, summary: string, description: string) => ({
  operationId,
  summary,
  description: `${description} ${WHO_MANAGES}`,
  tags,
  security: SIGNED_IN,
  params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
  querystring: LangQuery,
  response: {
    200: Type.Object({ person: Person }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404),
  },
});

export const disableUserSchema = switchSchema(
  'disableUser',
  'Disable the roles of an account that the caller manages',
  'Roles given by others stay. An account left with no enabled role is disabled: it cannot sign in, and its sessions end.',
);

export const enableUserSchema = switchSchema(
  'enableUser',
  'Enable again the roles of an account that the caller manages',
  'The account can sign in again.',
);
