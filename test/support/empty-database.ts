import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ENGINE } from './storage.js';

/**
 * A database nothing has touched yet (no migration applied), on the engine under test: an empty
 * data directory for PGlite, a new database on the test server for PostgreSQL. `env` points a
 * `pacte` child at it.
 */
export interface EmptyDatabase {
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  if (ENGINE === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'pacte-empty-'));
    return { env: { PACTE_DATA_DIR: dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }

  const adminUrl = process.env.PACTE_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('PACTE_TEST_ENGINE=postgres needs PACTE_TEST_DATABASE_URL (run npm test)');
  const name = `pacte_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async cleanup() {
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
