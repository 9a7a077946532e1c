#!/usr/bin/env node
// Builds the web UI into dist/web/ when it is missing or older than any file under web/, so
// `npm start` on a fresh clone serves a current UI without a separate build step. Prints one line.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'web');
const builtIndex = join(root, 'dist', 'web', 'index.html');

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

function builtMtime() {
  try {
    return statSync(builtIndex).mtimeMs;
  } catch {
    return null;
  }
}

const built = builtMtime();
const reason = built === null ? 'not built yet' : newestMtime(sourceDir) > built ? 'sources changed' : null;

if (reason === null) {
  console.log('web UI: up to date in dist/web');
} else {
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
    process.exit(result.status ?? 1);
  }
  console.log(`web UI: built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
}
