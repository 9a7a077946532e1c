import fc from 'fast-check';
import { expect } from 'vitest';
import { FormatError } from '../../src/standards/problem';

/** Runs per parser: the issue asks for at least 10,000 generated and mutated inputs each. */
export const FUZZ_RUNS = 10_000;

type Edit = { at: number; kind: 'delete' | 'insert' | 'replace' | 'truncate' | 'duplicate'; length: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'duplicate'),
  length: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '<', '>', '/>', '&', '&amp;', '<!ENTITY x "y">', 'null', '-1', '1e999', '\u0000', '\uD800', ':\n'),
  ),
});

function apply(seed: string, edits: readonly Edit[]): string {
  let text = seed;
  for (const e of edits) {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
    else if (e.kind === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
    else if (e.kind === 'replace') text = text.slice(0, at) + e.text + text.slice(at + e.length);
    else if (e.kind === 'truncate') text = text.slice(0, at);
    else text = text.slice(0, at) + text.slice(at, at + e.length).repeat(3) + text.slice(at + e.length);
  }
  return text;
}

/** Inputs near the seeds (a few random edits each), or wholly generated. */
export function fuzzInputs(seeds: readonly string[], generated: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([seed, edits]) => apply(seed, edits)) },
    { weight: 1, arbitrary: generated },
  );
}

/** Asserts that `parse` only ever returns or throws a FormatError with problems, for every input. */
export function assertOnlyFormatErrors(parse: (text: string) => unknown, inputs: fc.Arbitrary<string>): { accepted: number; rejected: number } {
  const counts = { accepted: 0, rejected: 0 };
  fc.assert(
    fc.property(inputs, (text) => {
      try {
        parse(text);
        counts.accepted++;
      } catch (error) {
        if (!(error instanceof FormatError) || error.problems.length === 0) throw error;
        counts.rejected++;
      }
    }),
    { numRuns: FUZZ_RUNS, seed: 20260701 },
  );
  expect(counts.accepted + counts.rejected).toBeGreaterThanOrEqual(FUZZ_RUNS);
  return counts;
}

/** Generated JSON text: any JSON value, or an object with the format's marker keys. */
export function jsonTexts(markers: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.json(),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })).map((extra) => JSON.stringify({ ...markers, ...extra })),
    fc.string(),
  );
}
