import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PacteError } from '../../src/domain/errors.js';

/** PACTE_OIDC_*: optional, all or nothing, https addresses, the redirect URI always explicit. */
const FULL = {
  PACTE_OIDC_ISSUER: 'https://login.ministry.example/realms/gov',
  PACTE_OIDC_CLIENT_ID: 'pacte',
  PACTE_OIDC_CLIENT_SECRET: 's3cret-value',
  PACTE_OIDC_REDIRECT_URI: 'https://pacte.example/auth/oidc/callback',
};

const problems = (env: Record<string, string>) => {
  try {
    loadConfig({}, env);
  } catch (error) {
    expect(error).toBeInstanceOf(PacteError);
    return String((error as PacteError).details.problems);
  }
  throw new Error('the configuration was accepted');
};

describe('OpenID Connect configuration', () => {
  it('is off unless configured', () => {
    expect(loadConfig({}, {}).oidc).toBeUndefined();
  });

  it('is on with issuer, client id, secret and redirect URI; the name defaults to the issuer host', () => {
    expect(loadConfig({}, FULL).oidc).toEqual({
      issuer: FULL.PACTE_OIDC_ISSUER,
      clientId: 'pacte',
      clientSecret: 's3cret-value',
      redirectUri: FULL.PACTE_OIDC_REDIRECT_URI,
      name: 'login.ministry.example',
    });
    expect(loadConfig({}, { ...FULL, PACTE_OIDC_NAME: 'Ministry login' }).oidc?.name).toBe('Ministry login');
  });

  it('refuses a partial configuration, and never repeats the secret', () => {
    const text = problems({ PACTE_OIDC_ISSUER: FULL.PACTE_OIDC_ISSUER, PACTE_OIDC_CLIENT_SECRET: 's3cret-value' });
    expect(text).toMatch(/PACTE_OIDC_CLIENT_ID: needed/);
    expect(text).toMatch(/PACTE_OIDC_REDIRECT_URI: https:\/\/<public host>\/auth\/oidc\/callback/);
    expect(text).not.toContain('s3cret-value');
    expect(problems({ PACTE_OIDC_REDIRECT_URI: FULL.PACTE_OIDC_REDIRECT_URI })).toMatch(/PACTE_OIDC_REDIRECT_URI/);
  });

  it('wants https addresses (http only on this machine) and the callback path', () => {
    expect(problems({ ...FULL, PACTE_OIDC_ISSUER: 'http://login.ministry.example' })).toMatch(/PACTE_OIDC_ISSUER/);
    expect(problems({ ...FULL, PACTE_OIDC_ISSUER: 'not a url' })).toMatch(/PACTE_OIDC_ISSUER "not a url"/);
    expect(problems({ ...FULL, PACTE_OIDC_REDIRECT_URI: 'https://pacte.example/callback' })).toMatch(
      /must end in \/auth\/oidc\/callback/,
    );
    const local = loadConfig(
      {},
      {
        ...FULL,
        PACTE_OIDC_ISSUER: 'http://127.0.0.1:9000',
        PACTE_OIDC_REDIRECT_URI: 'http://localhost:8080/auth/oidc/callback',
      },
    );
    expect(local.oidc?.issuer).toBe('http://127.0.0.1:9000');
  });
});
