import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { operator } from '../../src/domain/permissions.js';
import { addUser, type NewGrant } from '../../src/services/add-user.js';
import { ROOT, childEnv, type CliResult } from './pacte.js';

/** Accounts, sessions and requests as a browser or an API client sends them, for the tests. */

export const SESSION_COOKIE = 'pacte_session';

/** The SHA-256 the database keeps of a session token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates (or updates) an account as the operator would at the command line. */
export async function createUser(db: Kysely<Database>, email: string, password: string, grant: NewGrant) {
  return addUser(db, operator('test'), { email, password, grant });
}

/** A multipart/form-data body with `fields` and one file part, ready for app.inject. */
export async function multipart(
  fields: Record<string, string>,
  file: { bytes: Uint8Array; name: string },
): Promise<{ headers: Record<string, string>; payload: Buffer }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { headers: Object.fromEntries(request.headers), payload: Buffer.from(await request.arrayBuffer()) };
}

/** The session token a response sets, or undefined. */
export function sessionToken(response: { cookies: { name: string; value: string }[] }): string | undefined {
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

/** The Cookie header a browser sends back with a session token. */
export const cookieHeader = (token: string) => `${SESSION_COOKIE}=${token}`;

/** Signs in over the API; returns the session token (fails the test if there is none). */
export async function signInToken(app: FastifyInstance, email: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  const token = sessionToken(response);
  if (response.statusCode !== 200 || !token) {
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  }
  return token;
}

/** Runs the built `pacte` command to its end with `input` on its standard input. */
export function pacteWithInput(args: string[], env: Record<string, string>, input: string): CliResult {
  const result = spawnSync(process.execPath, ['bin/pacte.js', ...args], {
    cwd: ROOT,
    env: childEnv(env),
    encoding: 'utf8',
    input,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
