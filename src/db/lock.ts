import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PacteError } from '../domain/errors.js';

/**
 * PGlite takes no lock on its data directory, and two processes writing it would silently lose
 * writes. Every process that opens the directory first takes this lock file. A lock left by a
 * process that no longer exists (killed, crashed) is taken over; a live one is refused with
 * `storage.locked`.
 */
export interface DataDirLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

const LOCK_FILE = 'pacte.lock';

export function lockDataDir(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };

  // Write our claim aside, then hard-link it into place: link() fails if the lock exists, so at
  // most one process wins, and the lock is never seen half-written.
  const claim = `${path}.${process.pid}`;
  const fd = openSync(claim, 'w');
  writeSync(fd, JSON.stringify(mine));
  closeSync(fd);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(claim, path);
        return { release: () => releaseIfMine(path) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      if (holder && isAlive(holder)) throw lockedError(dataDir, holder);
      takeOverStale(path, holder);
    }
    throw lockedError(dataDir, readHolder(path));
  } finally {
    rmSync(claim, { force: true });
  }
}

function readHolder(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return null; // vanished or unreadable: treated as stale
  }
}

function isAlive(holder: Holder): boolean {
  // A lock from another machine (a shared disk) cannot be checked: assume it is held.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Move the stale lock away; if another process replaced it meanwhile, leave theirs alone. */
function takeOverStale(path: string, seen: Holder | null): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first; retry the link
  }
  const moved = readHolder(aside);
  if (seen && moved && moved.pid !== seen.pid && isAlive(moved)) {
    // We moved a fresh, live lock: put it back (link fails only if yet another one appeared).
    try {
      linkSync(aside, path);
    } catch {
      /* the newer lock wins */
    }
  }
  rmSync(aside, { force: true });
}

function releaseIfMine(path: string): void {
  const holder = readHolder(path);
  if (holder?.pid === process.pid && holder.host === hostname()) rmSync(path, { force: true });
}

function lockedError(dataDir: string, holder: Holder | null): PacteError {
  return new PacteError('storage.locked', {
    dataDir,
    pid: holder?.pid ?? null,
    command: holder?.command ?? null,
  });
}
