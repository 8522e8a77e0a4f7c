import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import * as accounts from '../db/queries/accounts.js';
import * as logins from '../db/queries/oidc-logins.js';
import type { Database } from '../db/schema.js';
import type { OidcSettings } from '../config.js';
import { PacteError, isPacteError } from '../domain/errors.js';
import { isLoopback } from '../domain/loopback.js';
import type { Actor } from '../domain/permissions.js';
import { openSession } from './open-session.js';

/**
 * Optional sign-in with a ministry's OpenID Connect provider (PACTE_OIDC_*): the authorization
 * code flow with PKCE, `state` and `nonce`. openid-client checks the provider's answer and the
 * ID token (issuer, audience, expiry, nonce, and its signature by the provider's JWKS). The provider
 * only proves an e-mail address: it must be verified and belong to an existing Pacte account,
 * whose roles administrators give in Pacte. Nothing is created here.
 *
 * Between the redirect and the answer, the state, nonce and PKCE verifier wait in the database
 * (table oidc_login), so any app instance can finish a login; the browser holds only a random
 * key (a cookie), of which only the SHA-256 is stored. A login works once and for LOGIN_MINUTES.
 */
export const LOGIN_MINUTES = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class OidcLogin {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    readonly settings: OidcSettings,
    private readonly db: Kysely<Database>,
  ) {}

  /** The provider's metadata, read once; a failure is retried at the next login. */
  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const url = new URL(issuer);
    // The ID token comes straight from the token endpoint, where the OpenID Connect spec lets a
    // client trust TLS instead of the signature; Pacte checks the signature too (provider's JWKS).
    const execute = [client.enableNonRepudiationChecks];
    if (url.protocol === 'http:' && isLoopback(url)) execute.push(client.allowInsecureRequests);
    this.configuration ??= client
      .discovery(url, clientId, clientSecret, undefined, { execute, timeout: 10 })
      .catch((error: unknown) => {
        this.configuration = null;
        throw new PacteError('auth.oidc_unavailable', { provider: this.settings.name }, { cause: error });
      });
    return this.configuration;
  }

  /** Starts a login: where to send the browser, and the key its cookie must carry back. */
  async begin(next: string): Promise<{ url: URL; key: string; expiresAt: Date }> {
    const configuration = await this.discover();
    const key = randomBytes(32).toString('base64url');
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const expiresAt = new Date(Date.now() + LOGIN_MINUTES * 60_000);
    await logins.insertLogin(this.db, sha256(key), { state, nonce, codeVerifier: verifier, nextPath: next }, expiresAt);
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url, key, expiresAt };
  }

  /**
   * Finishes a login with the provider's answer (the callback's query) and the cookie's key:
   * the login is used up whatever happens; a session is opened for the account of the verified
   * e-mail address. Where to go next is the path given to begin().
   */
  async finish(
    key: string | undefined,
    query: string,
  ): Promise<{ token: string; actor: Actor; expiresAt: Date; next: string }> {
    const login = key ? await logins.takeLogin(this.db, sha256(key)) : undefined;
    if (!login?.live) throw new PacteError('auth.oidc_expired', { minutes: LOGIN_MINUTES });
    const provider = this.settings.name;
    const configuration = await this.discover();
    // The redirect URI as configured (not as this request's Host says: behind a proxy they differ).
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = query;
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      if (isPacteError(error)) throw error;
      const reason = error instanceof client.AuthorizationResponseError ? error.error : 'invalid_response';
      throw new PacteError('auth.oidc_failed', { provider, reason }, { cause: error });
    }
    const email = typeof claims?.email === 'string' ? claims.email.trim() : '';
    if (!email || claims?.email_verified !== true) throw new PacteError('auth.oidc_email_unverified', { provider });
    const user = await accounts.findUserByEmail(this.db, email);
    if (!user) throw new PacteError('auth.oidc_unknown_account', { email, provider });
    if (user.disabled) throw new PacteError('auth.oidc_account_disabled', { email });
    const session = await openSession(this.db, user, { method: 'oidc' });
    return { ...session, next: login.nextPath };
  }
}
