import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { escapeHtml } from '../../src/domain/html.js';
import { translate } from '../../src/i18n/index.js';
import type { OidcSettings } from '../../src/config.js';
import { createUser } from '../support/accounts.js';
import { openTestStorage, type TestStorage } from '../support/storage.js';

/**
 * OpenID Connect sign-in end to end, over real HTTP: a minimal provider (discovery, JWKS, an
 * authorize endpoint that signs in whoever the test says, a token endpoint answering an RS256
 * ID token) and Pacte listening on a free port, driven with fetch and manual redirects as a
 * browser would go. Then every way it must refuse.
 */

const CLIENT_ID = 'pacte';
const CLIENT_SECRET = randomBytes(24).toString('base64url');
const FOCAL = 'focal.oidc@example.org';
const DISABLED = 'disabled.oidc@example.org';

/** Who the provider signs in next, and how it may misbehave. */
interface ProviderUser {
  email?: string;
  email_verified?: boolean;
  /** Sign the ID token with a key that is not in the JWKS. */
  foreignKey?: boolean;
  /** Put another nonce in the ID token. */
  wrongNonce?: boolean;
}

interface Provider {
  issuer: string;
  user: ProviderUser;
  close(): Promise<void>;
}

async function startProvider(): Promise<Provider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string; user: ProviderUser }>();
  const state: Provider = { issuer: '', user: { email: FOCAL, email_verified: true }, close: async () => {} };
  const body = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return new URLSearchParams(text);
  };
  const sign = (claims: Record<string, unknown>, key: CryptoKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(state.issuer)
      .setAudience(CLIENT_ID)
      .setSubject(`sub-${claims.email ?? 'none'}`)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', state.issuer);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(value));
    };
    void (async () => {
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: state.issuer,
          authorization_endpoint: `${state.issuer}/authorize`,
          token_endpoint: `${state.issuer}/token`,
          jwks_uri: `${state.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          code_challenge_methods_supported: ['S256'],
          scopes_supported: ['openid', 'email'],
        });
      }
      if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const p = url.searchParams;
        const redirectUri = p.get('redirect_uri') ?? '';
        if (
          p.get('client_id') !== CLIENT_ID ||
          p.get('response_type') !== 'code' ||
          p.get('code_challenge_method') !== 'S256' ||
          !p.get('code_challenge') ||
          !p.get('nonce') ||
          !p.get('state') ||
          !p.get('scope')?.split(' ').includes('openid')
        ) {
          return json(400, { error: 'invalid_request' });
        }
        const code = randomBytes(16).toString('base64url');
        codes.set(code, {
          nonce: p.get('nonce') ?? '',
          challenge: p.get('code_challenge') ?? '',
          redirectUri,
          user: { ...state.user },
        });
        const back = new URL(redirectUri);
        back.searchParams.set('code', code);
        back.searchParams.set('state', p.get('state') ?? '');
        response.writeHead(302, { location: back.href });
        return response.end();
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        const p = await body(request);
        const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const [id, secret] = basic
          ? Buffer.from(basic, 'base64')
              .toString()
              .split(':')
              .map((s) => decodeURIComponent(s))
          : [p.get('client_id'), p.get('client_secret')];
        if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return json(401, { error: 'invalid_client' });
        const grant = codes.get(p.get('code') ?? '');
        codes.delete(p.get('code') ?? '');
        const verifier = p.get('code_verifier') ?? '';
        if (
          !grant ||
          p.get('grant_type') !== 'authorization_code' ||
          p.get('redirect_uri') !== grant.redirectUri ||
          createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
        ) {
          return json(400, { error: 'invalid_grant' });
        }
        const { user } = grant;
        const claims: Record<string, unknown> = { nonce: user.wrongNonce ? 'another nonce' : grant.nonce };
        if (user.email !== undefined) claims.email = user.email;
        if (user.email_verified !== undefined) claims.email_verified = user.email_verified;
        const idToken = await sign(claims, user.foreignKey ? foreign.privateKey : privateKey);
        return json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      return json(404, { error: 'not_found' });
    })().catch((error: unknown) => json(500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A port nobody listens on now, for Pacte (its redirect URI must be known before it starts). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let t: TestStorage;
let provider: Provider;
let app: FastifyInstance | null = null;
let base = '';

beforeAll(async () => {
  t = await openTestStorage();
  await createUser(t.storage.db, FOCAL, 'correct horse battery staple', { role: 'focal_point', country: 'MAR' });
  await createUser(t.storage.db, DISABLED, 'correct horse battery staple', { role: 'validator', country: 'MAR' });
  await t.storage.db
    .updateTable('user_account')
    .set({ disabled_at: new Date() })
    .where('email', '=', DISABLED)
    .execute();
  provider = await startProvider();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const oidc: OidcSettings = {
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${base}/auth/oidc/callback`,
    name: 'Ministry login',
  };
  app = await buildServer({ storage: t.storage, logLevel: 'silent', oidc });
  await app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
  await t?.cleanup();
});
beforeEach(() => {
  provider.user = { email: FOCAL, email_verified: true };
});

const db = () => t.storage.db;
const count = async (table: 'user_account' | 'session' | 'audit_event') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const pendingLogins = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from oidc_login`.execute(db())).rows[0]?.n);
/** The message of an error code as the (HTML) sign-in page shows it. */
const shown = (code: string, details: Record<string, unknown> = {}) =>
  escapeHtml(translate('en', 'errors', code, details));

/** Cookies as a browser keeps them (name → value; paths are not needed here). */
class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Start → provider → back at the callback URL (not followed yet): what a browser holds then.
 * `next` is where to come back to.
 */
async function toCallback(next = '/app/') {
  const jar = new Jar();
  const start = jar.take(
    await fetch(`${base}/auth/oidc/start?next=${encodeURIComponent(next)}`, { redirect: 'manual' }),
  );
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(jar.cookies.get('pacte_oidc')).toMatch(/^[\w-]{43}$/);
  expect(start.headers.getSetCookie().join()).toMatch(/pacte_oidc=.*HttpOnly.*SameSite=Lax/i);
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const callback = new URL(atProvider.headers.get('location') ?? '');
  expect(callback.href.startsWith(`${base}/auth/oidc/callback?`)).toBe(true);
  return { jar, callback };
}

const followCallback = async (jar: Jar, callback: URL) =>
  jar.take(await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } }));

const whoami = (jar: Jar) => fetch(`${base}/api/v1/session`, { headers: { cookie: jar.header() } });

describe('OpenID Connect sign-in', () => {
  it('signs an existing account in: session cookie, audit, back to the local next path', async () => {
    const audits = await count('audit_event');
    const { jar, callback } = await toCallback('/app/reviews?x=1');
    const response = await followCallback(jar, callback);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<meta http-equiv="refresh" content="0;url=/app/reviews?x=1&#38;lang=en" />');
    expect(jar.cookies.has('pacte_oidc')).toBe(false);
    expect(response.headers.getSetCookie().join()).toMatch(/pacte_session=.*HttpOnly.*SameSite=Strict/i);
    const me = await whoami(jar);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: FOCAL, grants: [{ role: 'focal_point', country: 'MAR' }] });
    expect(await count('audit_event')).toBe(audits + 1);
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor', 'details'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'session.sign_in', actor: FOCAL, details: { method: 'oidc' } });
    expect(await pendingLogins()).toBe(0); // used up
  });

  it('never sends the browser elsewhere than this site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { jar, callback } = await toCallback(next);
      const page = await (await followCallback(jar, callback)).text();
      expect(page).toContain('content="0;url=/?lang=en"');
    }
  });

  it('refuses an unknown address and creates nothing', async () => {
    provider.user = { email: 'nobody@ministry.example', email_verified: true };
    const [users, sessions] = [await count('user_account'), await count('session')];
    const { jar, callback } = await toCallback();
    const response = await followCallback(jar, callback);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(
      shown('auth.oidc_unknown_account', { email: 'nobody@ministry.example', provider: 'Ministry login' }),
    );
    expect(jar.cookies.has('pacte_session')).toBe(false);
    expect([await count('user_account'), await count('session')]).toEqual([users, sessions]);
  });

  it('refuses an address the provider has not verified, or none', async () => {
    for (const user of [{ email: FOCAL, email_verified: false }, { email: FOCAL }, { email_verified: true }]) {
      provider.user = user;
      const sessions = await count('session');
      const { jar, callback } = await toCallback();
      const response = await followCallback(jar, callback);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain(shown('auth.oidc_email_unverified', { provider: 'Ministry login' }));
      expect(await count('session')).toBe(sessions);
    }
  });

  it('refuses a disabled account', async () => {
    provider.user = { email: DISABLED, email_verified: true };
    const { jar, callback } = await toCallback();
    const response = await followCallback(jar, callback);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(shown('auth.oidc_account_disabled', { email: DISABLED }));
    expect(jar.cookies.has('pacte_session')).toBe(false);
  });

  it('refuses a tampered state, a replayed callback, a callback without the cookie, and an expired login', async () => {
    const sessions = await count('session');
    // Tampered state: the login is used up, nothing opens.
    const tampered = await toCallback();
    tampered.callback.searchParams.set('state', 'forged');
    const forged = await followCallback(tampered.jar, tampered.callback);
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('Signing in with Ministry login did not work');

    // Replay: the same answer, the same cookie, twice.
    const first = await toCallback();
    const cookie = first.jar.header();
    expect((await followCallback(first.jar, first.callback)).status).toBe(200);
    const again = await fetch(first.callback, { redirect: 'manual', headers: { cookie } });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(shown('auth.oidc_expired', { minutes: 10 }));

    // Someone else's callback URL in a browser that did not start the login (login CSRF).
    const other = await toCallback();
    const stranger = await fetch(other.callback, { redirect: 'manual' });
    expect(stranger.status).toBe(400);
    expect(stranger.headers.getSetCookie().join()).not.toMatch(/pacte_session=[^;]/);

    // Ten minutes later.
    const late = await toCallback();
    await sql`update oidc_login set expires_at = now() - interval '1 second'`.execute(db());
    expect((await followCallback(late.jar, late.callback)).status).toBe(400);

    expect(await count('session')).toBe(sessions + 1); // only the first, honest one
  });

  it("refuses the provider's error, a badly signed ID token and another nonce", async () => {
    const denied = await toCallback();
    const state = denied.callback.searchParams.get('state') ?? '';
    const errorUrl = new URL(`${base}/auth/oidc/callback`);
    errorUrl.search = new URLSearchParams({ error: 'access_denied', state }).toString();
    const refused = await followCallback(denied.jar, errorUrl);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain(
      shown('auth.oidc_failed', { provider: 'Ministry login', reason: 'access_denied' }),
    );

    for (const user of [
      { email: FOCAL, email_verified: true, foreignKey: true },
      { email: FOCAL, email_verified: true, wrongNonce: true },
    ]) {
      provider.user = user;
      const { jar, callback } = await toCallback();
      const response = await followCallback(jar, callback);
      expect(response.status).toBe(401);
      expect(jar.cookies.has('pacte_session')).toBe(false);
    }
  });

  it('offers the provider on the sign-in page and to the web app', async () => {
    const page = await (await fetch(`${base}/sign-in?next=/app/&lang=fr`)).text();
    expect(page).toContain('href="/auth/oidc/start?next=%2Fapp%2F&amp;lang=fr"');
    expect(page).toContain('Se connecter avec Ministry login');
    const providers = await fetch(`${base}/api/v1/session/providers`);
    expect(await providers.json()).toEqual({ oidc: { name: 'Ministry login', startUrl: '/auth/oidc/start' } });
    const openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(openapi.paths).toHaveProperty('/api/v1/session/providers');
  });
});

describe('without an OpenID Connect provider', () => {
  it('has no OIDC routes and no button', async () => {
    const plain = await buildServer({ storage: t.storage, logLevel: 'silent' });
    try {
      const start = await plain.inject({ method: 'GET', url: '/auth/oidc/start?next=/app/' });
      expect(start.statusCode).toBe(404);
      expect(start.json()).toMatchObject({ code: 'route.not_found' });
      expect((await plain.inject({ method: 'GET', url: '/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
      const page = await plain.inject({ method: 'GET', url: '/sign-in' });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('/auth/oidc/');
      expect((await plain.inject({ method: 'GET', url: '/api/v1/session/providers' })).json()).toEqual({ oidc: null });
    } finally {
      await plain.close();
    }
  });
});
