import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { readSharedText } from '../formats/shared-data';

/** Sets `value` at a path of JSON keys/indexes chosen by `picks`, in a deep copy of `doc`. */
function mutateAt(doc: unknown, picks: readonly number[], value: unknown): unknown {
  const copy = structuredClone(doc) as unknown;
  let node = copy as Record<string, unknown> | unknown[];
  for (let i = 0; i < picks.length; i++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, k) => k) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[picks[i]! % keys.length]!;
    const child = (node as Record<string, unknown>)[key as string];
    if (i === picks.length - 1 || child === null || typeof child !== 'object') {
      (node as Record<string, unknown>)[key as string] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

/**
 * Untrusted-input generator for a JSON format: random JSON, random text, and the given valid
 * samples mutated as text (cut, insert, replace) and as structure (a value anywhere replaced).
 */
export function hostileInputs(samples: readonly string[]): fc.Arbitrary<string> {
  const sample = fc.constantFrom(...samples);
  const textMutation = fc.tuple(sample, fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 })).map(([s, at, cut, insert]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + insert + s.slice(i + cut);
  });
  const truncation = fc.tuple(sample, fc.nat()).map(([s, at]) => s.slice(0, at % (s.length + 1)));
  const structural = fc
    .tuple(sample, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }))
    .map(([s, picks, value]) => JSON.stringify(mutateAt(JSON.parse(s), picks, value)));
  const deep = fc.integer({ min: 1, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
  return fc.oneof(
    { arbitrary: structural, weight: 5 },
    { arbitrary: textMutation, weight: 3 },
    { arbitrary: truncation, weight: 1 },
    { arbitrary: fc.json({ maxDepth: 4 }), weight: 1 },
    { arbitrary: fc.string(), weight: 1 },
    { arbitrary: deep, weight: 1 },
  );
}

/**
 * Runs `parse` on `runs` hostile inputs: it must return a value or throw FormatError, never
 * anything else. Returns how many inputs were accepted and rejected.
 */
export function fuzzParser(parse: (text: string) => unknown, samples: readonly string[], runs = 10_000): { accepted: number; rejected: number } {
  let accepted = 0;
  let rejected = 0;
  fc.assert(
    fc.property(hostileInputs(samples), (text) => {
      try {
        const value = parse(text);
        expect(value).toBeDefined();
        accepted++;
      } catch (err) {
        if (!(err instanceof FormatError)) throw err;
        expect(err.problems.length).toBeGreaterThan(0);
        rejected++;
      }
    }),
    { numRuns: runs, seed: 20260701 },
  );
  return { accepted, rejected };
}

/**
 * The fuzz test of one parser: 10,000 hostile inputs built from valid samples (paths under
 * test/vectors), each of which must give a value or a FormatError.
 */
export function describeParserFuzz(name: string, parse: (text: string) => unknown, samplePaths: readonly string[]): void {
  describe(`${name}: property-based fuzzing`, () => {
    it('on 10,000 generated and mutated inputs returns a value or throws FormatError, never anything else', () => {
      const { accepted, rejected } = fuzzParser(parse, samplePaths.map(readSharedText));
      console.log(`${name} fuzz: ${accepted} accepted, ${rejected} rejected with FormatError`);
      expect(accepted + rejected).toBe(10_000);
      expect(rejected).toBeGreaterThan(0);
    });
  });
}
