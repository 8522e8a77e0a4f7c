import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { importDemo } from '../../src/services/import-demo.js';
import { ROOT, SEED, childEnv, freePort, pacte, pacteAsync, waitUntil } from '../support/pacte.js';
import { ENGINE, openTestStorage, type TestStorage } from '../support/storage.js';

let t: TestStorage;

beforeAll(async () => {
  t = await openTestStorage();
});
afterAll(async () => {
  await t?.cleanup();
});

const MIGRATIONS = readdirSync(MIGRATIONS_DIR)
  .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
  .map((file) => file.replace(/\.sql$/, ''))
  .sort();

describe('migrations', () => {
  it('runs on the engine under test', () => {
    expect(t.storage.engine).toBe(ENGINE);
  });

  it('records every applied migration in schema_migration', async () => {
    const { rows } = await sql<{
      id: string;
      sha256: string;
    }>`select id, sha256 from schema_migration order by id`.execute(t.storage.db);
    expect(rows.map((row) => row.id)).toEqual(MIGRATIONS);
    for (const row of rows) expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies nothing when migrate runs again', async () => {
    expect(await migrate(t.storage, MIGRATIONS_DIR)).toEqual({ applied: [], alreadyApplied: MIGRATIONS.length });
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from schema_migration`.execute(
      t.storage.db,
    );
    expect(Number(rows[0]?.n)).toBe(MIGRATIONS.length);
  });
});

if (ENGINE === 'pglite') {
  describe('the embedded database admits one process at a time', () => {
    const lockFile = () => join(t.dataDir, 'pacte.lock');

    it('refuses a second process on the same data directory with storage.locked, naming the holder', () => {
      expect(existsSync(lockFile())).toBe(true);
      const run = pacte(['db', 'migrate'], t.env);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^error storage\.locked: /);
      expect(run.stderr).toContain(`pid ${process.pid}`);
    });

    it('lets the next command take over the lock of a process killed with SIGKILL', async () => {
      await t.close();
      expect(existsSync(lockFile())).toBe(false);
      const port = await freePort();
      const server = spawn(process.execPath, ['bin/pacte.js', 'serve', '--port', String(port), '--data', t.dataDir], {
        cwd: ROOT,
        env: childEnv({}),
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try {
        await waitUntil('the server to hold the lock', () => existsSync(lockFile()));
        await waitUntil('the server to answer /healthz', async () => {
          const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
          return response?.ok === true;
        });
      } finally {
        server.kill('SIGKILL');
        await exited;
      }
      const left = JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number };
      expect(left.pid).toBe(server.pid);

      const run = pacte(['import', SEED, '--country', 'MAR', '--cycle', 'arab-2021', '--data', t.dataDir], {});
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(existsSync(lockFile())).toBe(false);
      const storage = await t.reopen();
      expect(await storage.db.selectFrom('review').select('country_code').execute()).toEqual([{ country_code: 'MAR' }]);
    });
  });
} else {
  describe('PostgreSQL admits several processes at once', () => {
    it('runs two CLI commands together while this process holds the database open', async () => {
      await importDemo(t.storage.db);
      const args = ['export', '--country', 'MAR', '--cycle', 'arab-2021'];
      const [first, second] = await Promise.all([pacteAsync(args, t.env), pacteAsync(args, t.env)]);
      expect([first.status, first.stderr, second.status, second.stderr]).toEqual([0, '', 0, '']);
      expect(JSON.parse(first.stdout)).toEqual(JSON.parse(second.stdout));
      expect(existsSync(join(t.dataDir, 'pacte.lock'))).toBe(false);
    });
  });
}
