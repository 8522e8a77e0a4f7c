export const grant = {
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
  required: ['userId', 'email', 'grants'],
  properties: {
    userId: { type: 'integer' },
    email: { type: 'string' },
    grants: { type: 'array', items: grant },
  },
} as const;

const password = { type: 'string', maxLength: 1024 } as const;

export const signInSchema = {
  summary: 'Sign in: sets the session cookie (HttpOnly, SameSite=Strict) and answers the token',
  description:
    'Browsers use the cookie. API clients send the token back as `Authorization: Bearer <token>` instead: such requests need no CSRF protection (they carry no ambient credential). The session lasts 12 hours. Failed sign-ins of an address are limited (PACTE_LOGIN_MAX_FAILURES in PACTE_LOGIN_WINDOW_MINUTES): 429 auth.rate_limited.',
  tags: ['session'],
  body: {
    type: 'object',
    required: ['email', 'password'],
    additionalProperties: false,
    properties: { email: { type: 'string', maxLength: 320 }, password },
  },
  response: {
    200: {
      type: 'object',
      required: ['token', 'email', 'grants'],
      properties: {
        token: { type: 'string', description: 'the session token, for `Authorization: Bearer`' },
        email: { type: 'string' },
        grants: { type: 'array', items: grant },
      },
    },
    401: { $ref: 'Problem#' },
    403: { $ref: 'Problem#' },
    429: { $ref: 'Problem#' },
  },
} as const;

export const whoamiSchema = {
  summary: 'Who is signed in (by the bearer token or the cookie)',
  tags: ['session'],
  response: { 200: whoami, 401: { $ref: 'Problem#' } },
} as const;

export const signOutSchema = {
  summary: 'Sign out: ends this session, or every session of the user with ?everywhere=true',
  tags: ['session'],
  querystring: {
    type: 'object',
    properties: {
      everywhere: {
        type: 'boolean',
        default: false,
        description: 'end every session of this user, on every device ("logout everywhere")',
      },
    },
  },
  response: { 204: { type: 'null' }, 403: { $ref: 'Problem#' } },
} as const;

export const passwordResetSchema = {
  summary: 'Choose a new password with a one-time reset token (from `pacte user reset-password`)',
  description:
    'The token works once, within an hour of being issued. Every session of the account ends; sign in again with the new password.',
  tags: ['session'],
  body: {
    type: 'object',
    required: ['token', 'password'],
    additionalProperties: false,
    properties: { token: { type: 'string', maxLength: 200 }, password },
  },
  response: {
    200: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
    400: { $ref: 'Problem#' },
    422: { $ref: 'Problem#' },
  },
} as const;
