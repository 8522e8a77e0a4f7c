import { ROLES } from '../../../domain/permissions.js';
import { langQuery } from '../reviews/schema.js';
import { grant } from '../session/schema.js';

export const listUsersSchema = {
  summary: 'Every account with its roles (admins only)',
  tags: ['users'],
  querystring: langQuery,
  response: {
    200: {
      type: 'object',
      required: ['users'],
      properties: {
        users: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'email', 'grants', 'disabled'],
            properties: {
              id: { type: 'integer' },
              email: { type: 'string' },
              grants: { type: 'array', items: grant },
              disabled: { type: 'boolean' },
            },
          },
        },
      },
    },
    401: { $ref: 'Problem#' },
    403: { $ref: 'Problem#' },
  },
} as const;

export const addUserSchema = {
  summary: 'Create an account, or give an existing one a role and a new password (admins only)',
  description:
    'A focal point or validator needs `country`; a secretariat `region`; a contributor or stakeholder `entity` (its country is the entity’s). Giving an existing address a new password ends its sessions.',
  tags: ['users'],
  body: {
    type: 'object',
    required: ['email', 'password', 'role'],
    additionalProperties: false,
    properties: {
      email: { type: 'string', maxLength: 320 },
      password: { type: 'string', maxLength: 1024 },
      // Not an enum here: an unknown role is answered user.invalid_role (422) with the roles.
      role: { type: 'string', maxLength: 32, description: ROLES.join(', ') },
      country: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      region: { type: 'string', maxLength: 64 },
      entity: { type: 'integer', minimum: 1 },
    },
  },
  response: {
    201: {
      type: 'object',
      required: ['userId', 'created'],
      properties: { userId: { type: 'integer' }, created: { type: 'boolean' } },
    },
    401: { $ref: 'Problem#' },
    403: { $ref: 'Problem#' },
    404: { $ref: 'Problem#' },
    422: { $ref: 'Problem#' },
  },
} as const;
