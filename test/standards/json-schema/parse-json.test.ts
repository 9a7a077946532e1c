import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../src/standards/json-schema';
import { FormatError } from '../../../src/standards/problem';
import { fuzzParser } from './fuzz-helper';

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof FormatError) return `${err.format} ${err.problems.map((p) => `${p.path}|${p.message}`).join(';')}`;
    throw err;
  }
  return 'accepted';
}

describe('parseJsonText: limits for untrusted JSON', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonText('{"a":[1,{"b":"x\\"]"}]}')).toEqual({ a: [1, { b: 'x"]' }] });
  });

  it('rejects truncated, malformed and empty input with a clear message', () => {
    expect(problemOf(() => parseJsonText('{"a": [1, 2', {}, 'osv'))).toMatch(/^osv \|truncated JSON: the input ends before the document does/);
    expect(problemOf(() => parseJsonText('{"a": "unterminated'))).toMatch(/^json \|truncated JSON/);
    expect(problemOf(() => parseJsonText('{"a" 1}'))).toMatch(/^json \|malformed JSON/);
    expect(problemOf(() => parseJsonText('  '))).toBe('json |empty input: expected a JSON document');
  });

  it('rejects input deeper than maxDepth before parsing it, and ignores brackets inside strings', () => {
    expect(problemOf(() => parseJsonText('['.repeat(100_000) + ']'.repeat(100_000)))).toBe('json |input is nested deeper than the limit of 256 levels');
    expect(problemOf(() => parseJsonText('[[[1]]]', { maxDepth: 2 }))).toMatch(/deeper than the limit of 2/);
    expect(parseJsonText('[[["[[[[\\\\"]]]', { maxDepth: 3 })).toEqual([[['[[[[\\']]]);
  });

  it('rejects input over maxBytes, counting UTF-8 bytes', () => {
    expect(problemOf(() => parseJsonText('"ééé"', { maxBytes: 6 }))).toBe('json |input is larger than the limit of 6 bytes');
    expect(parseJsonText('"ééé"', { maxBytes: 8 })).toBe('ééé');
  });

  it('fuzz: 10,000 generated and mutated inputs give a value or a FormatError', () => {
    const samples = ['{"a":[1,2,{"b":null}],"c":"d"}', '[true,false,{"x":{"y":[1e5,-2.5]}}]'];
    const { accepted, rejected } = fuzzParser((t) => parseJsonText(t, { maxDepth: 64, maxBytes: 1 << 20 }), samples);
    expect(accepted + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(0);
  });
});
