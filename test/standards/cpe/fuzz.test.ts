import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANY, bindFormattedString, bindUri, makeWfn, matchCpe, parseCpe, unbindFormattedString, unbindUri, type CpeValue } from '../../../src/standards/cpe';
import { fuzzParser } from '../purl/fuzz-inputs';

const FS_SEEDS = [
  'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*',
  'cpe:2.3:a:foo\\\\bar:big\\$money_2010:*:*:*:*:special:ipod_touch:80gb:*',
  'cpe:2.3:o:linux:linux_kernel:5.*:-:*:en-us:*:*:x64:*',
];
const URI_SEEDS = ['cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~', 'cpe:/a:foo%5cbar:big%24money', 'cpe:/o:microsoft:windows_7:-:sp1'];

/** A WFN value: ANY, NA, or a valid quoted string, optionally with edge wildcards. */
const value: fc.Arbitrary<CpeValue> = fc.oneof(
  fc.constant(ANY),
  fc.constant({ logical: 'NA' as const }),
  fc
    .tuple(
      fc.constantFrom('', '*', '?', '??'),
      fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9_]$/), fc.constantFrom('\\.', '\\-', '\\:', '\\\\', '\\~', '\\*', '\\$')), { minLength: 1, maxLength: 8 }),
      fc.constantFrom('', '*', '?'),
    )
    .map(([a, body, b]) => a + body.join('') + b),
);
/** True when no value holds an unquoted '*' or '?' (escape pairs removed first). */
const withoutWildcards = (w: Record<string, CpeValue>): boolean => !Object.values(w).some((v) => typeof v === 'string' && /[*?]/.test(v.replace(/\\./g, '')));

const wfn = fc
  .record({
    part: fc.constantFrom<CpeValue>('a', 'o', 'h', ANY),
    vendor: value,
    product: value,
    version: value,
    update: value,
    edition: value,
    sw_edition: value,
    target_sw: value,
    target_hw: value,
    other: value,
  })
  .map((v) => makeWfn(v));

describe('CPE parser fuzzing (fast-check)', () => {
  it('formatted-string parser: value or FormatError on 12,000 inputs', () => {
    expect(fuzzParser(unbindFormattedString, FS_SEEDS)).toBeGreaterThanOrEqual(10_000);
  });
  it('URI parser: value or FormatError on 12,000 inputs', () => {
    expect(fuzzParser(unbindUri, URI_SEEDS)).toBeGreaterThanOrEqual(10_000);
  });
  it('parseCpe (either binding): value or FormatError', () => {
    expect(fuzzParser(parseCpe, [...FS_SEEDS, ...URI_SEEDS], 3000)).toBeGreaterThanOrEqual(6000);
  });
});

describe('CPE properties', () => {
  it('WFN → formatted string → WFN and WFN → URI → WFN are identities (NISTIR 7695 §6)', () => {
    fc.assert(
      fc.property(wfn, (w) => {
        expect(unbindFormattedString(bindFormattedString(w))).toEqual(w);
        expect(unbindUri(bindUri(w))).toEqual(w);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('a name is EQUAL to itself; all-ANY is a SUPERSET of any name without wildcards', () => {
    const plain = wfn.filter(withoutWildcards);
    fc.assert(
      fc.property(plain, (w) => {
        expect(matchCpe(w, w).relation).toBe('EQUAL');
        const anything = makeWfn({});
        const r = matchCpe(anything, w).relation;
        expect(r === 'SUPERSET' || r === 'EQUAL').toBe(true);
      }),
      { numRuns: 1000, seed: 9 },
    );
  });

  it('SUBSET one way is SUPERSET the other way for names without wildcards', () => {
    const plain = wfn.filter(withoutWildcards);
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        const ab = matchCpe(a, b).relation;
        const ba = matchCpe(b, a).relation;
        const mirror: Record<string, string> = { SUBSET: 'SUPERSET', SUPERSET: 'SUBSET', EQUAL: 'EQUAL', DISJOINT: 'DISJOINT', UNDEFINED: 'UNDEFINED' };
        expect(ba).toBe(mirror[ab]);
      }),
      { numRuns: 1000, seed: 13 },
    );
  });

  it('a prefix with a trailing "*" is a SUPERSET of every longer value with that prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,6}$/), fc.stringMatching(/^[a-z0-9]{0,6}$/), (prefix, rest) => {
        const source = makeWfn({ part: 'a', product: `${prefix}*` });
        const target = makeWfn({ part: 'a', product: prefix + rest });
        expect(matchCpe(source, target).attributes.product).toBe('SUPERSET');
      }),
      { numRuns: 1000, seed: 17 },
    );
  });
});
