import fc from 'fast-check';
import { FormatError } from '../../../src/standards/problem';

/** Characters that matter to identity syntaxes, weighted into generated strings. */
const SYNTAX = fc.constantFrom(':', '/', '@', '?', '#', '&', '=', '%', '*', '\\', '~', '-', '.', '_', '+', ' ', '%2F', '%ZZ', '%C3', '%01', '%02');

/** Strings built from syntax characters and arbitrary (full Unicode) text. */
export const syntaxText = fc
  .array(fc.oneof(SYNTAX, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 24 })
  .map((parts) => parts.join(''));

/** A valid seed mutated by a few random edits (insert, delete, replace, duplicate a slice). */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat(4), fc.oneof(SYNTAX, fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })));
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([seed, edits]) => {
    let s = seed;
    for (const [at, len, text] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      s = s.slice(0, i) + text + s.slice(Math.min(s.length, i + len));
    }
    return s;
  });
}

/**
 * Runs `parse` on 10,000+ generated and mutated inputs: it must return or throw FormatError,
 * nothing else. Returns how many inputs it saw.
 */
export function fuzzParser(parse: (input: string) => unknown, seeds: readonly string[], numRuns = 6000): number {
  let seen = 0;
  const property = (input: string) => {
    seen++;
    try {
      parse(input);
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
    }
  };
  fc.assert(fc.property(syntaxText, property), { numRuns, seed: 7 });
  fc.assert(fc.property(mutated(seeds), property), { numRuns, seed: 11 });
  return seen;
}
