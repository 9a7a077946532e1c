import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md, enforced: pure layers do no I/O and read no clock, randomness
 * or environment; each layer imports only itself and the layers inside it (ADR 0001).
 */
const SRC = resolve(__dirname, '../../src');

/** Which layers each layer may import (besides itself). Inner layers first. */
const ALLOWED: Record<string, string[]> = {
  // Domain rules may use open-standard material (CWE, RFC 8785, version orders), never the reverse.
  domain: ['standards'],
  standards: [],
  store: ['domain'],
  services: ['domain', 'standards', 'store', 'config'],
  config: [],
  http: ['domain', 'standards', 'services', 'config'],
  runtime: ['domain', 'standards', 'services', 'store', 'config', 'http'],
  cli: ['domain', 'standards', 'services', 'config', 'runtime', 'client'],
  // The typed API client (generated from docs/openapi.json), shared by the CLI and the web UI.
  client: [],
};
const PURE = ['domain', 'standards'];

/** Packages and built-ins that do I/O (or hold process state) and may not enter a pure layer. */
const IO_MODULES =
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|os|dgram|dns|tls|cluster|worker_threads|process|readline|stream)$|^(pg|@electric-sql\/.*|drizzle-orm.*|fastify.*|@fastify\/.*|pino|@nats-io\/.*|commander|@node-rs\/argon2)$/;
/** Clock, randomness and environment reads in a pure layer. */
const IMPURE_CALLS = /\bDate\.now\(|new Date\(\)|Math\.random\(|process\.env|randomBytes\(|randomUUID\(|getRandomValues\(|performance\.now\(/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(name)) yield p;
  }
}

const importsOf = (text: string): string[] =>
  [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );

const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0]!;

describe('architecture', () => {
  const all = [...files(SRC)];

  it('knows every layer', () => {
    const layers = new Set(all.map(layerOf));
    for (const l of layers) expect(Object.keys(ALLOWED), `unknown layer src/${l}`).toContain(l);
  });

  it('imports point inward only', () => {
    const wrong: string[] = [];
    for (const file of all) {
      const layer = layerOf(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC)) {
          wrong.push(`${relative(SRC, file)} imports outside src: ${spec}`);
          continue;
        }
        const to = layerOf(target + (target === SRC ? '/x' : ''));
        if (to !== layer && !ALLOWED[layer]!.includes(to)) wrong.push(`${relative(SRC, file)} (${layer}) imports ${to}: ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('pure layers do no I/O and read no clock, randomness or environment', () => {
    const wrong: string[] = [];
    for (const file of all.filter((f) => PURE.includes(layerOf(f)))) {
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(text)) if (IO_MODULES.test(spec)) wrong.push(`${relative(SRC, file)} imports ${spec}`);
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const m = IMPURE_CALLS.exec(code);
      if (m) wrong.push(`${relative(SRC, file)} uses ${m[0]}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the checker itself catches a violation', () => {
    expect(importsOf(`import { x } from '../store/database';\nimport fs from 'node:fs';`)).toEqual(['../store/database', 'node:fs']);
    expect(IO_MODULES.test('node:fs')).toBe(true);
    expect(IMPURE_CALLS.test('const t = Date.now();')).toBe(true);
    expect(ALLOWED.domain).toEqual(['standards']);
    expect(ALLOWED.standards).toEqual([]);
  });
});
