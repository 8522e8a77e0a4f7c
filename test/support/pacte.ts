import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { operator } from '../../src/domain/permissions.js';
import { moveReview } from '../../src/services/move-review.js';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place (never process.cwd()). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED = `${ROOT}demo/morocco-arab-2021.fr.txt`;
export const seedBytes = (): Buffer => readFileSync(SEED);

/** A paragraph of prose: text, but no section or question of any questionnaire. */
export const PROSE =
  'La migration est un phénomène ancien. Les familles se déplacent pour le travail, les études et la sécurité, ' +
  'et les villes de la région accueillent chaque année de nouveaux habitants venus de loin.\n';

/**
 * A small review in the seed's format (title, section heading, table header, one question of
 * arab-2021 with its official French wording), answering I.a with `answer`.
 */
export function craftedReview(answer: string): string {
  return [
    'Examen de test du Pacte mondial',
    '',
    'I.- Questions sur la méthodologie utilisée dans l’élaboration de l’examen national du Pacte mondial',
    '',
    'Questions Réponses',
    '',
    'a) Est-ce qu’un mécanisme de coordination de l’examen a été créé ? Quelles sont les entités',
    'représentées dans ce mécanisme de coordination ? Ce mécanisme est-il présidé par une entité',
    'particulière ?',
    '',
    answer,
    '',
  ].join('\n');
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a `pacte` child: the test's database only, English messages, no logs. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of ['DATABASE_URL', 'PACTE_DATA_DIR', 'PACTE_LANG', 'PACTE_PORT', 'PACTE_HOST']) delete base[name];
  return { ...base, PACTE_LANG: 'en', LOG_LEVEL: 'silent', ...env };
}

/** Runs the built `pacte` command to its end. */
export function pacte(args: string[], env: Record<string, string>): CliResult {
  const result = spawnSync(process.execPath, ['bin/pacte.js', ...args], {
    cwd: ROOT,
    env: childEnv(env),
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built `pacte` command without blocking this process (for commands run together). */
export function pacteAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/pacte.js', ...args], { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns true; fails after `attempts` tries (a hang, not a timing). */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Publishes a stored review as an administrator would (any state → published). */
export async function publishReview(db: Kysely<Database>, country: string, cycle: string): Promise<void> {
  await moveReview(db, operator('test'), { country, cycle }, { to: 'published' });
}
