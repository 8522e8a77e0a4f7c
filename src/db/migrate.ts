import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from './connection.js';

/** Any fixed number: every Pacte instance takes the same advisory lock to migrate. */
const MIGRATION_LOCK = 727_270_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies migrations/NNN_name.sql in order, each in its own transaction with its bookkeeping
 * row, under an advisory lock so that app instances starting together on one PostgreSQL
 * migrate once. Forward-only: an applied file that changed is an error, never re-run.
 */
export async function migrate(storage: Storage, migrationsDir: string): Promise<MigrationResult> {
  const files = readdirSync(migrationsDir)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
  const runner = await storage.openScriptRunner();
  try {
    await runner.exec(`
      create table if not exists schema_migration (
        id text primary key,
        sha256 text not null,
        applied_at timestamptz not null default now()
      );
      select pg_advisory_lock(${MIGRATION_LOCK});`);
    try {
      const done = new Map(
        (await runner.query<{ id: string; sha256: string }>('select id, sha256 from schema_migration')).map((row) => [
          row.id,
          row.sha256,
        ]),
      );
      const applied: string[] = [];
      for (const file of files) {
        const script = readFileSync(join(migrationsDir, file), 'utf8');
        const sha256 = createHash('sha256').update(script).digest('hex');
        const id = file.replace(/\.sql$/, '');
        const previous = done.get(id);
        if (previous !== undefined) {
          if (previous !== sha256) throw new Error(`migration ${file} changed after it was applied; add a new one`);
          continue;
        }
        try {
          await runner.exec(
            `begin;\n${script}\n;insert into schema_migration (id, sha256) values ('${id}', '${sha256}');\ncommit;`,
          );
        } catch (error) {
          await runner.exec('rollback'); // leave the session usable for the unlock below
          throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(id);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await runner.exec(`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await runner.close();
  }
}
