import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/errors';

/**
 * One process per embedded database (ADR 0042). PGlite is PostgreSQL in one process's
 * memory: a second process on the same directory writes behind the first one's back (a token
 * it prints never reaches the server's view, its audit entry is lost) or aborts. PostgreSQL
 * itself keeps `postmaster.pid` in its data directory for the same reason; this is its
 * equivalent, without native modules: a file created with O_EXCL naming the holder.
 */
const LOCK_FILE = 'aisc.lock';

interface Holder {
  readonly pid: number;
  readonly hostname: string;
  readonly command: string;
  readonly since: string;
}

/** Lock files this process holds (a second open in the same process is refused too). */
const held = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A process that ends without closing its database (an uncaught error) still lets go.
  process.once('exit', () => {
    for (const path of held) release(path);
  });
}

function readHolder(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && Number.isInteger(h.pid) && h.pid > 0
      ? { pid: h.pid, hostname: String(h.hostname ?? ''), command: String(h.command ?? 'aisc'), since: String(h.since ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** Whether the holder still runs: signal 0 checks existence without sending anything. */
function alive(h: Holder, path: string): boolean {
  // Another machine sharing the directory: its processes cannot be checked, so assume alive.
  if (h.hostname !== hostname()) return true;
  // Our own pid: held by us (refused below), or a stale file from an earlier process that had
  // the same pid (after a reboot, or pid 1 in a container).
  if (h.pid === process.pid) return held.has(path);
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line that took the lock, for the message a second process prints. */
function commandLine(): string {
  const args = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('-'))
    .slice(0, 2);
  return ['aisc', ...args].join(' ');
}

/**
 * Takes the data directory's lock or throws a CONFLICT naming the directory and the process
 * holding it. A lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      if (holder && alive(holder, path)) {
        const who = holder.pid === process.pid ? 'this process' : `process ${holder.pid}${holder.hostname !== hostname() ? ` on ${holder.hostname}` : ''}`;
        throw new AppError(
          'CONFLICT',
          `the database in ${dir} is in use by ${who} (${holder.command}${holder.since ? `, since ${holder.since}` : ''}): stop it first, or run admin verbs against the running server with --server URL --token T`,
          [{ path: '/env/AISC_DATA_DIR', message: `in use by ${who}` }],
        );
      }
      // Stale (its process is gone) or unreadable (a crash while writing it): take it over.
      try {
        unlinkSync(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      continue;
    }
    const holder: Holder = { pid: process.pid, hostname: hostname(), command: commandLine(), since: new Date().toISOString() };
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    closeSync(fd);
    held.add(path);
    installExitHook();
    return () => release(path);
  }
  throw new AppError('CONFLICT', `the database in ${dir} is being opened by another process at the same time; try again`);
}

function release(path: string): void {
  if (!held.delete(path)) return;
  // Remove the file only while it is still ours (never another process's lock).
  if (readHolder(path)?.pid === process.pid) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

/** Whether a directory holds a PostgreSQL data directory (PGlite writes PG_VERSION at init). */
export function isDatabaseDir(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}
