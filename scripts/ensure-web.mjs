#!/usr/bin/env node
// Builds the web UI into dist/web/ when it is missing or older than any file under web/ or src/client/, so
// `npm start` on a fresh clone serves a current UI without a separate build step. Prints one line.
// Test files run in parallel call this too: a lock directory makes one build and the others wait.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The UI imports the generated API client (src/client), so a regenerated client rebuilds it too.
const sourceDirs = [join(root, 'web'), join(root, 'src', 'client')];
const builtIndex = join(root, 'dist', 'web', 'index.html');
const lockDir = join(root, 'dist', '.web-build.lock');
const staleLockMs = 5 * 60_000;

/** The newest modification time of any file below `dir`, in milliseconds. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Why the UI must be built, or null when dist/web is current. */
function staleReason() {
  let built;
  try {
    built = statSync(builtIndex).mtimeMs;
  } catch {
    return 'not built yet';
  }
  return Math.max(...sourceDirs.map(newestMtime)) > built ? 'sources changed' : null;
}

/** Takes the build lock (mkdir is atomic); waits while another process holds it. */
function acquireLock() {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a killed build would block every later start.
      const age = Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
      if (age > staleLockMs) rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

function build(reason) {
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`web UI: build failed (${reason})`);
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    return false;
  }
  console.log(`web UI: built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
  return true;
}

if (staleReason() === null) {
  console.log('web UI: up to date in dist/web');
} else {
  acquireLock();
  let ok = true;
  try {
    // Another process may have built it while this one waited for the lock.
    const reason = staleReason();
    if (reason === null) console.log('web UI: up to date in dist/web');
    else ok = build(reason);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
  if (!ok) process.exit(1);
}
