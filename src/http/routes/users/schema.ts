/** TypeBox schemas of the account routes (administrators). */
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../../domain/permissions.js';
import { CountryCode, LangQuery, Nullable, SIGNED_IN, problems } from '../../contract.js';
import { Grant } from '../session/schema.js';

const tags = ['users'];

export const listUsersSchema = {
  operationId: 'listUsers',
  summary: 'Every account with its roles (admins only)',
  tags,
  security: SIGNED_IN,
  querystring: LangQuery,
  response: {
    200: Type.Object(
      {
        users: Type.Array(
          Type.Object(
            {
              id: Type.Integer(),
              email: Type.String(),
              name: Nullable(Type.String({ description: 'the display name, if the account has one' })),
              grants: Type.Array(Grant),
              disabled: Type.Boolean(),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403),
  },
};

export const addUserSchema = {
  operationId: 'addUser',
  summary: 'Create an account, or give an existing one a role and a new password (admins only)',
  description:
    'A focal point or validator needs `country`; a secretariat `region`; a contributor or stakeholder `entity` (its country is the entity’s). Giving an existing address a new password ends its sessions.',
  tags,
  security: SIGNED_IN,
  body: Type.Object(
    {
      email: Type.String({ maxLength: 320 }),
      name: Type.Optional(Type.String({ maxLength: 400, description: 'the name shown instead of the address' })),
      password: Type.String({ maxLength: 1024 }),
      // Not an enum here: an unknown role is answered user.invalid_role (422) with the roles.
      role: Type.String({ maxLength: 32, description: ROLES.join(', ') }),
      country: Type.Optional(CountryCode),
      region: Type.Optional(Type.String({ maxLength: 64 })),
      entity: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object({ userId: Type.Integer(), created: Type.Boolean() }, { additionalProperties: false }),
    ...problems(400, 401, 403, 404, 422),
  },
};
