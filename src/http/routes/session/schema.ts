const grant = {
  type: 'object',
  properties: {
    role: { type: 'string' },
    country: { type: ['string', 'null'] },
    region: { type: ['string', 'null'] },
    entity: { type: ['integer', 'null'] },
  },
} as const;

const whoami = {
  type: 'object',
  required: ['email', 'grants'],
  properties: { email: { type: 'string' }, grants: { type: 'array', items: grant } },
} as const;

export const signInSchema = {
  summary: 'Sign in: sets the session cookie (HttpOnly, SameSite=Strict)',
  tags: ['session'],
  body: {
    type: 'object',
    required: ['email', 'password'],
    additionalProperties: false,
    properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: 1024 } },
  },
  response: { 200: whoami, 401: { $ref: 'Problem#' }, 429: { $ref: 'Problem#' } },
} as const;

export const whoamiSchema = {
  summary: 'Who is signed in',
  tags: ['session'],
  response: { 200: whoami, 401: { $ref: 'Problem#' } },
} as const;

export const signOutSchema = {
  summary: 'Sign out: ends this session',
  tags: ['session'],
  response: { 204: { type: 'null' } },
} as const;
