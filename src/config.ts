import { fileURLToPath } from 'node:url';
import { PacteError } from './domain/errors.js';
import { isLanguage, type Language } from './domain/language.js';
import { isLoopback } from './domain/loopback.js';
import { DEFAULT_LIMITS, type ReadLimits } from './domain/read-limits.js';

/** The repository root (this file sits in src/ or, compiled, in dist/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MIGRATIONS_DIR = `${ROOT}migrations`;
export const CATALOGUE_DIR = `${ROOT}catalogue`;
export const DEMO_DIR = `${ROOT}demo`;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Language of CLI messages and the default for HTTP clients that ask for none. */
  language: Language;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Largest review file an import accepts (PACTE_IMPORT_MAX_BYTES, default 50 MB). */
  importMaxBytes: number;
  /** Bounds of document reading: zip inflation, external tools' time and memory. */
  importLimits: Omit<ReadLimits, 'maxBytes'>;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (so session cookies are Secure). */
  trustProxy: boolean;
  /** Failed sign-ins an address may have within loginWindowMinutes before it is refused. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Largest evidence file attached to a contribution (PACTE_EVIDENCE_MAX_BYTES, default 10 MB). */
  evidenceMaxBytes: number;
  /** Sign-in with an OpenID Connect provider (PACTE_OIDC_*), or undefined when not configured. */
  oidc: OidcSettings | undefined;
  /** E-mail through an SMTP server (PACTE_SMTP_URL, PACTE_MAIL_FROM), or undefined: in-app only. */
  mail: MailSettings | undefined;
}

/** Sending e-mail (reminders, invitations) through a ministry's or the UN's SMTP server. */
export interface MailSettings {
  /** smtp://[user:password@]host[:port] (STARTTLS when offered) or smtps:// (TLS); never logged whole. */
  url: string;
  /** The sender, e.g. `Pacte <pacte@escwa.example>`. */
  from: string;
}

/** Sign-in with a ministry's OpenID Connect provider (services/oidc.ts). */
export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's callback as registered at the provider: https://<public host>/auth/oidc/callback. */
  redirectUri: string;
  /** The provider's name on the sign-in button ("Sign in with <name>"). */
  name: string;
}

/** What the user set, by flag (wins) or environment variable; everything is optional. */
export interface ConfigInput {
  port?: string | undefined;
  host?: string | undefined;
  data?: string | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

/**
 * Reads and checks the configuration. Defaults need no setup: port 8080 on 127.0.0.1, the
 * embedded database in ./data. Every mistake is reported at once, each with what was expected.
 */
export function loadConfig(flags: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const portText = flags.port ?? env.PACTE_PORT ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) problems.push(`port "${portText}": 1–65535`);

  const host = flags.host ?? env.PACTE_HOST ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) problems.push(`host "${host}": an IP address or host name`);

  const dataDir = flags.data ?? env.PACTE_DATA_DIR ?? 'data';
  if (dataDir.trim() === '') problems.push('data: a directory path');

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: postgres://user:password@host:port/database');
  }

  const languageText = (env.PACTE_LANG ?? env.LANG ?? 'en').slice(0, 2).toLowerCase();
  const language: Language = isLanguage(languageText) ? languageText : 'en';

  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL "${logLevel}": one of ${LOG_LEVELS.join(', ')}`);

  const maxText = env.PACTE_IMPORT_MAX_BYTES ?? String(DEFAULT_LIMITS.maxBytes);
  const importMaxBytes = Number(maxText);
  if (!/^\d+$/.test(maxText) || importMaxBytes < 1)
    problems.push(`PACTE_IMPORT_MAX_BYTES "${maxText}": a number of bytes`);
  const { maxUncompressedBytes, maxEntries, toolTimeoutMs, toolMemoryBytes } = DEFAULT_LIMITS;
  const importLimits = { maxUncompressedBytes, maxEntries, toolTimeoutMs, toolMemoryBytes };

  const proxyText = (env.PACTE_TRUST_PROXY ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(proxyText))
    problems.push(`PACTE_TRUST_PROXY "${proxyText}": true or false`);
  const trustProxy = proxyText === 'true' || proxyText === '1';

  const positive = (name: string, fallback: number) => {
    const text = env[name] ?? String(fallback);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1) problems.push(`${name} "${text}": a whole number of at least 1`);
    return value;
  };
  const loginMaxFailures = positive('PACTE_LOGIN_MAX_FAILURES', 5);
  const loginWindowMinutes = positive('PACTE_LOGIN_WINDOW_MINUTES', 15);
  const evidenceMaxBytes = positive('PACTE_EVIDENCE_MAX_BYTES', 10 * 1024 * 1024);

  const oidc = readOidc(env, problems);
  const mail = readMail(env, problems);

  if (problems.length > 0) throw new PacteError('config.invalid', { problems: problems.join('; ') });
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    language,
    logLevel,
    importMaxBytes,
    importLimits,
    trustProxy,
    loginMaxFailures,
    loginWindowMinutes,
    evidenceMaxBytes,
    oidc,
    mail,
  };
}

/**
 * E-mail is on when PACTE_SMTP_URL is set. The sender defaults to pacte@ the SMTP server's
 * domain. A problem's text names the server without its password.
 */
function readMail(env: NodeJS.ProcessEnv, problems: string[]): MailSettings | undefined {
  const url = env.PACTE_SMTP_URL?.trim() ?? '';
  const from = env.PACTE_MAIL_FROM?.trim() ?? '';
  if (!url) {
    if (from) problems.push('PACTE_MAIL_FROM: set only with PACTE_SMTP_URL');
    return undefined;
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || !['smtp:', 'smtps:'].includes(parsed.protocol) || !parsed.hostname) {
    problems.push('PACTE_SMTP_URL: smtp://user:password@host:587 or smtps://user:password@host:465');
    return undefined;
  }
  if (from && !/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from)) {
    problems.push(`PACTE_MAIL_FROM "${from}": an address, e.g. Pacte <pacte@example.org>`);
  }
  return { url, from: from || `Pacte <pacte@${parsed.hostname}>` };
}

/**
 * OpenID Connect is on when its issuer, client id and secret are set; the redirect URI must
 * then be set too (this server cannot tell its public address behind a proxy). Setting only
 * some of them is a mistake, reported like any other. Addresses are https, or http on this
 * machine (development). The secret is never part of a problem's text.
 */
function readOidc(env: NodeJS.ProcessEnv, problems: string[]): OidcSettings | undefined {
  const issuer = env.PACTE_OIDC_ISSUER?.trim() ?? '';
  const clientId = env.PACTE_OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.PACTE_OIDC_CLIENT_SECRET ?? '';
  const redirectUri = env.PACTE_OIDC_REDIRECT_URI?.trim() ?? '';
  const given = { PACTE_OIDC_ISSUER: issuer, PACTE_OIDC_CLIENT_ID: clientId, PACTE_OIDC_CLIENT_SECRET: clientSecret };
  if (!issuer && !clientId && !clientSecret) {
    if (redirectUri)
      problems.push('PACTE_OIDC_REDIRECT_URI: set only with PACTE_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET');
    return undefined;
  }
  const before = problems.length;
  for (const [name, value] of Object.entries(given)) {
    if (!value) problems.push(`${name}: needed with the other PACTE_OIDC_* settings`);
  }
  const address = (name: string, text: string) => {
    if (!text) return;
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (
      !url ||
      !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) ||
      url.search ||
      url.hash
    ) {
      problems.push(`${name} "${text}": an https:// address (http:// only on localhost), without ?query or #fragment`);
    }
  };
  address('PACTE_OIDC_ISSUER', issuer);
  if (!redirectUri)
    problems.push('PACTE_OIDC_REDIRECT_URI: https://<public host>/auth/oidc/callback, as registered at the provider');
  else if (!/\/auth\/oidc\/callback$/.test(redirectUri))
    problems.push(`PACTE_OIDC_REDIRECT_URI "${redirectUri}": must end in /auth/oidc/callback`);
  address('PACTE_OIDC_REDIRECT_URI', redirectUri);
  if (problems.length > before) return undefined;
  const name = env.PACTE_OIDC_NAME?.trim() || new URL(issuer).host;
  return { issuer, clientId, clientSecret, redirectUri, name };
}
