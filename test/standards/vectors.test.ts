import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VECTORS, VECTORS_SOURCE, vectorPath } from '../helpers/vectors';

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

describe('the test vectors in the repository (test/vectors)', () => {
  const sources = ['advisories', ...readdirSync(join(VECTORS_SOURCE, 'standards')).map((d) => `standards/${d}`)];

  it('record, for every source, its origin and licence', () => {
    expect(sources.length).toBeGreaterThan(10);
    for (const s of sources) {
      const note = readFileSync(join(VECTORS_SOURCE, s, 'SOURCE.md'), 'utf8');
      expect(note, s).toMatch(/\*\*Origin\*\*/);
      expect(note, s).toMatch(/\*\*Licence:\*\* \S/);
    }
  });

  it('are unpacked byte for byte, gzipped ones decompressed', () => {
    const packed = walk(VECTORS_SOURCE).filter((p) => !p.endsWith('SOURCE.md'));
    expect(packed.some((p) => p.endsWith('.gz'))).toBe(true);
    for (const p of packed) {
      const rel = relative(VECTORS_SOURCE, p);
      const bytes = readFileSync(p);
      const want = rel.endsWith('.gz') ? gunzipSync(bytes) : bytes;
      expect(readFileSync(join(VECTORS, rel.replace(/\.gz$/, ''))).equals(want), rel).toBe(true);
    }
  });

  it('fail a test that asks for a vector that is not there, instead of skipping it', () => {
    expect(() => vectorPath('standards/no-such-source/file.json')).toThrow(/test vector standards\/no-such-source\/file\.json is missing/);
  });

  it('are the only test data: no test reads the folder outside the repository (../shared)', () => {
    const root = join(VECTORS_SOURCE, '..');
    const offenders = walk(root)
      .filter((p) => p.endsWith('.ts') && !p.startsWith(VECTORS_SOURCE) && p !== fileURLToPath(import.meta.url))
      .filter((p) => /\.\.\/shared\/|'shared', 'data'|shared\/data/.test(readFileSync(p, 'utf8')));
    expect(offenders.map((p) => relative(root, p))).toEqual([]);
  });
});
