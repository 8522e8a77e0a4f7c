/** TypeBox schemas of the session routes: they validate input, type the handlers and document the API. */
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../../domain/permissions.js';
import { Nullable, OneOf, PUBLIC, SIGNED_IN, problems } from '../../contract.js';

/** One role of an account, with its scope (country, region or entity, by role). */
export const Grant = Type.Object(
  {
    role: OneOf(ROLES),
    country: Nullable(Type.String({ description: 'ISO 3166-1 alpha-3' })),
    region: Nullable(Type.String()),
    entity: Nullable(Type.Integer()),
  },
  { additionalProperties: false },
);

const password = Type.String({ maxLength: 1024 });
const tags = ['session'];

export const signInSchema = {
  operationId: 'signIn',
  summary: 'Sign in: sets the session cookie (HttpOnly, SameSite=Strict) and answers the token',
  description:
    'Browsers use the cookie. API clients send the token back as `Authorization: Bearer <token>` instead: such requests need no CSRF protection (they carry no ambient credential). The session lasts 12 hours. Failed sign-ins of an address are limited (PACTE_LOGIN_MAX_FAILURES in PACTE_LOGIN_WINDOW_MINUTES): 429 auth.rate_limited.',
  tags,
  security: PUBLIC,
  body: Type.Object({ email: Type.String({ maxLength: 320 }), password }, { additionalProperties: false }),
  response: {
    200: Type.Object(
      {
        token: Type.String({ description: 'the session token, for `Authorization: Bearer`' }),
        email: Type.String(),
        grants: Type.Array(Grant),
      },
      { additionalProperties: false },
    ),
    ...problems(400, 401, 403, 429),
  },
};

export const getSessionSchema = {
  operationId: 'getSession',
  summary: 'Who is signed in (by the bearer token or the cookie)',
  tags,
  security: SIGNED_IN,
  response: {
    200: Type.Object(
      { userId: Type.Integer(), email: Type.String(), grants: Type.Array(Grant) },
      { additionalProperties: false },
    ),
    ...problems(401),
  },
};

export const signOutSchema = {
  operationId: 'signOut',
  summary: 'Sign out: ends this session, or every session of the user with ?everywhere=true',
  description: 'Without a session it only clears the cookie.',
  tags,
  security: PUBLIC,
  querystring: Type.Object({
    everywhere: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'end every session of this user, on every device ("logout everywhere")',
      }),
    ),
  }),
  response: { 204: Type.Null({ description: 'Signed out' }), ...problems(400, 403) },
};

export const resetPasswordSchema = {
  operationId: 'resetPassword',
  summary: 'Choose a new password with a one-time reset token (from `pacte user reset-password`)',
  description:
    'The token works once, within an hour of being issued. Every session of the account ends; sign in again with the new password.',
  tags,
  security: PUBLIC,
  body: Type.Object({ token: Type.String({ maxLength: 200 }), password }, { additionalProperties: false }),
  response: {
    200: Type.Object({ email: Type.String() }, { additionalProperties: false }),
    ...problems(400, 403, 422),
  },
};

export const getSignInProvidersSchema = {
  operationId: 'getSignInProviders',
  summary: 'How one may sign in besides a password: the OpenID Connect provider, if configured',
  description:
    'A sign-in button may send the browser to `startUrl` (with `?next=/local/path` to come back to): the provider signs the person in, and the session cookie is set if its verified e-mail address is the one of an existing, enabled Pacte account. `oidc` is null when no provider is configured (PACTE_OIDC_*).',
  tags,
  security: PUBLIC,
  response: {
    200: Type.Object(
      {
        oidc: Nullable(
          Type.Object(
            {
              name: Type.String({ description: 'for the button: "Sign in with <name>"' }),
              startUrl: Type.String({ examples: ['/auth/oidc/start'] }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
};
