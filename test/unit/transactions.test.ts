import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One transaction per use case (docs/database.md, Transactions and locks): a transaction is
 * opened in one place, services/use-case.ts, which lets a use case called inside another join
 * it. A `db.transaction()` anywhere else would open a second one beside the caller's (Kysely
 * refuses nesting; on PGlite, one session, it would wait for the caller's for ever).
 */
const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join('src', 'web') ? [] : sources(path);
    return /\.tsx?$/u.test(entry.name) ? [path] : [];
  });
}

describe('transactions', () => {
  it('are opened by inTransaction only (services/use-case.ts)', () => {
    const opening = sources('src').filter((file) => /\.transaction\(\)/u.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(opening).toEqual([join('src', 'services', 'use-case.ts')]);
  });
});
