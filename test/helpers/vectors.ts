import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * The public test vectors (standards' test suites, real OSV advisories) live in the repository
 * under test/vectors/<source>/, large files gzipped (`name.gz`), each source with a SOURCE.md
 * naming its origin, commit and licence. Tests read them as plain files from an unpacked copy
 * (test-output/vectors, git-ignored): several suites hand the paths to the CLI, list folders or
 * read them with readFileSync, so a real file tree keeps every test unchanged.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const VECTORS_SOURCE = join(ROOT, 'test', 'vectors');
export const VECTORS = join(ROOT, 'test-output', 'vectors');
const STAMP = join(VECTORS, '.stamp');

/** Files of the packed tree, relative to test/vectors (the SOURCE.md notes are not data). */
function packedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'SOURCE.md') out.push(relative(VECTORS_SOURCE, path));
    }
  };
  walk(VECTORS_SOURCE);
  return out.sort();
}

/**
 * Unpacks test/vectors into test-output/vectors unless the copy is current (a stamp over every
 * packed file's name, size and mtime). Run once per test run by vitest's globalSetup, before any
 * worker reads a vector.
 */
export function unpackVectors(): void {
  const files = packedFiles();
  const stamp = createHash('sha256');
  for (const f of files) {
    const s = statSync(join(VECTORS_SOURCE, f));
    stamp.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  const digest = stamp.digest('hex');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) return;
  rmSync(VECTORS, { recursive: true, force: true });
  for (const f of files) {
    const bytes = readFileSync(join(VECTORS_SOURCE, f));
    const target = join(VECTORS, f.endsWith('.gz') ? f.slice(0, -3) : f);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.endsWith('.gz') ? gunzipSync(bytes) : bytes);
  }
  // written last and renamed into place: a stamp means a complete copy
  writeFileSync(`${STAMP}.tmp`, digest);
  renameSync(`${STAMP}.tmp`, STAMP);
}

/**
 * Absolute path of a file or folder of the unpacked vectors. A missing vector is a failure, never
 * a skip: the vectors are part of the repository, so its absence is a bug to see.
 */
export function vectorPath(rel = ''): string {
  const path = join(VECTORS, rel);
  if (!existsSync(path)) {
    throw new Error(
      `test vector ${rel || '(root)'} is missing from ${VECTORS}: is test/vectors/${rel} (or ${rel}.gz) in the checkout, and did vitest's globalSetup (test/setup/vectors.ts) run?`,
    );
  }
  return path;
}
