import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Storage } from '../../src/db/connection.js';
import { openReadyStorage } from '../../src/services/open-storage.js';

/**
 * Integration tests run on both engines: embedded PGlite (default) and real PostgreSQL when
 * scripts/test.mjs sets PACTE_TEST_ENGINE=postgres and PACTE_TEST_DATABASE_URL (a server it
 * started). Each test file gets a database of its own, migrated and loaded with the catalogue.
 */
export const ENGINE = process.env.PACTE_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export interface TestStorage {
  storage: Storage;
  /** What a CLI child process needs to reach the same database (env and flags). */
  env: Record<string, string>;
  dataDir: string;
  /** Closes the storage (releasing a PGlite lock) without deleting the database. */
  close(): Promise<void>;
  /** Reopens the same database after close(). */
  reopen(): Promise<Storage>;
  /** Reopens the closed database for `work`, then closes it again (CLI children need it closed). */
  briefly<T>(work: (storage: Storage) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
}

export async function openTestStorage(): Promise<TestStorage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pacte-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (ENGINE === 'postgres') {
    const adminUrl = process.env.PACTE_TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('PACTE_TEST_ENGINE=postgres needs PACTE_TEST_DATABASE_URL (run npm test)');
    const name = `pacte_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const config = { dataDir, databaseUrl };
  let storage: Storage | null = await openReadyStorage(config, 'test');
  const handle: TestStorage = {
    storage,
    env: databaseUrl ? { DATABASE_URL: databaseUrl } : { PACTE_DATA_DIR: dataDir },
    dataDir,
    async close() {
      await storage?.close();
      storage = null;
    },
    async reopen() {
      storage = await openReadyStorage(config, 'test');
      handle.storage = storage;
      return storage;
    },
    async briefly(work) {
      const opened = await handle.reopen();
      try {
        return await work(opened);
      } finally {
        await handle.close();
      }
    },
    async cleanup() {
      await storage?.close();
      storage = null;
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
