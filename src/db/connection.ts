import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PacteError } from '../domain/errors.js';
import { redactUrl } from '../domain/redact-url.js';
import { lockDataDir } from './lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Engine = 'pglite' | 'postgres';

/** The handle front doors hold and pass to services (never query: SQL is in db/queries). */
export type Db = Kysely<Database>;

/** Runs whole SQL scripts (migrations): PGlite's exec, or pg's simple-query protocol. */
export interface ScriptRunner {
  exec(script: string): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface Storage {
  engine: Engine;
  db: Kysely<Database>;
  /** A dedicated session for migrations (PGlite: the one session; Postgres: its own client). */
  openScriptRunner(): Promise<ScriptRunner>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** When set, PostgreSQL; otherwise embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Recorded in the data-dir lock so a refused process can say who holds it. */
  command: string;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPGlite(options.dataDir, options.command);
}

async function openPGlite(dataDir: string, command: string): Promise<Storage> {
  const lock = lockDataDir(dataDir, command);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    lock.release();
    throw new PacteError('storage.unavailable', { dataDir }, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    db,
    async openScriptRunner() {
      return {
        exec: async (script) => void (await pglite.exec(script)),
        query: async <R>(text: string, params: unknown[] = []) => (await pglite.query<R>(text, params)).rows,
        close: async () => {},
      };
    },
    async close() {
      await db.destroy();
      await pglite.close();
      lock.release();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end();
    throw new PacteError('storage.unavailable', { databaseUrl: redactUrl(databaseUrl) }, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    async openScriptRunner() {
      const client = await pool.connect();
      return {
        // No parameters: pg uses the simple-query protocol, which runs several statements.
        exec: async (script) => void (await client.query(script)),
        query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
        close: async () => client.release(),
      };
    },
    async close() {
      await db.destroy();
    },
  };
}
