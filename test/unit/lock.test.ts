import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/db/lock.js';
import { PacteError } from '../../src/domain/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pacte-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has just ended: certainly not running. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    .stdout as unknown as number;
}

function expectLocked(action: () => unknown): PacteError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PacteError);
    expect((error as PacteError).code).toBe('storage.locked');
    return error as PacteError;
  }
  throw new Error('expected storage.locked');
}

describe('the data-directory lock', () => {
  it('refuses a second holder while the first holds it, naming the holder', () => {
    const lock = lockDataDir(dir, 'pacte serve');
    const error = expectLocked(() => lockDataDir(dir, 'pacte import'));
    expect(error.details).toMatchObject({ pid: process.pid, command: 'pacte serve', dataDir: dir });
    lock.release();
    lockDataDir(dir, 'pacte import').release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const pid = Number(deadPid());
    const file = join(dir, 'pacte.lock');
    writeFileSync(file, JSON.stringify({ pid, host: hostname(), command: 'killed', since: '2026-01-01' }));
    const lock = lockDataDir(dir, 'pacte serve');
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('treats a lock from another machine as held (its process cannot be checked)', () => {
    writeFileSync(
      join(dir, 'pacte.lock'),
      JSON.stringify({ pid: 1, host: `not-${hostname()}`, command: 'pacte serve', since: '2026-01-01' }),
    );
    expectLocked(() => lockDataDir(dir, 'pacte import'));
  });

  it('takes over an unreadable (half-written) lock file', () => {
    writeFileSync(join(dir, 'pacte.lock'), '{"pid": 12');
    lockDataDir(dir, 'pacte serve').release();
  });

  it('leaves no claim files behind', () => {
    lockDataDir(dir, 'x').release();
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });
});
