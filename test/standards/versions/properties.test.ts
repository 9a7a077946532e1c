import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { ecosystemFor, type ParsedVersion } from '../../../src/standards/versions';
import { readGroundTruth } from './ground-truth';

/** Ecosystem under test → the ground-truth set whose versions seed the mutations. */
const ECOSYSTEMS: [string, string][] = [
  ['npm', 'semver'],
  ['Go', 'semver'],
  ['crates.io', 'semver'],
  ['Hex', 'semver'],
  ['Pub', 'pub'],
  ['GitHub Actions', 'semver'],
  ['PyPI', 'pypi'],
  ['Maven', 'maven'],
  ['RubyGems', 'rubygems'],
  ['NuGet', 'nuget'],
  ['Packagist', 'packagist'],
  ['Debian', 'debian'],
  ['Ubuntu:22.04:LTS', 'debian'],
  ['Alpine:v3.18', 'alpine'],
  ['Red Hat', 'redhat'],
  ['CRAN', 'cran'],
  ['Hackage', 'hackage'],
  ['generic', 'semver'],
];

/**
 * Versions outside the total order of their ecosystem's own tool. PHP's version_compare
 * ranks "#" equal to every number (so 1.# = 1.3 and 1.# = 1.5); apk orders strings outside
 * its grammar partly as text (the ground truth has 1-ruff2 = 1--ruff1 yet 1--ruff1 < 1--ruff2).
 * The transitivity property is checked on every other version.
 */
const OUTSIDE_TOTAL_ORDER: Record<string, (v: ParsedVersion) => boolean> = {
  Packagist: (v) => v.text.includes('#'),
  'Alpine:v3.18': (v) => (v as unknown as { malformed: boolean; remainder: boolean }).malformed || (v as unknown as { remainder: boolean }).remainder,
  // Maven's ComparableVersion is not a total order when a digit runs straight into a letter:
  // "2p0.22.5" < "2.0.0.Alpha1" < "2.0.0" yet "2p0.22.5" > "2.0.0" (an int item outranks a
  // sub-list, a sub-list starting with an unknown qualifier outranks the end), and empty items
  // between separators ("1._rc1") shift items between lists. Maven does this too.
  Maven: (v) => /[^0-9a-z.-]|\d[a-z]|[.-]{2}/i.test(v.text),
};

const ALPHABET = '0123456789.-_+~:^!*abcdefghprvxzABRCDEV#%é ';
const fallbackSeeds = ['1.0.0', '1:2.3-4', '1.0.0-beta.1+b', '2.0a1.post3', '1.2_rc1-r3'];

function seedsFor(prefix: string): string[] {
  const seen = new Set<string>(fallbackSeeds);
  for (const t of readGroundTruth(prefix)) seen.add(t.a).add(t.b);
  return [...seen];
}

/** Ground-truth versions with random edits (insert, delete, replace), and plain random strings. */
function versionLike(seeds: string[]): fc.Arbitrary<string> {
  const char = fc.constantFrom(...ALPHABET);
  const mutated = fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), char), { maxLength: 4 }))
    .map(([seed, edits]) =>
      edits.reduce((s, [pos, kind, c]) => {
        const i = s.length ? pos % (s.length + 1) : 0;
        return kind === 0 ? s.slice(0, i) + c + s.slice(i) : kind === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i + 1);
      }, seed),
    );
  return fc.oneof(
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-z.\-+_~:]{1,20}$/) },
  );
}

describe('version parsers and comparators (property-based)', () => {
  for (const [name, prefix] of ECOSYSTEMS) {
    const eco = ecosystemFor(name);
    const seeds = seedsFor(prefix);

    it(`${name}: parse returns a version or throws FormatError naming ${name} (10,000 inputs)`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(versionLike(seeds), (text) => {
          try {
            const v = eco.parse(text);
            expect(typeof v.text).toBe('string');
            expect(eco.compare(v, v)).toBe(0);
            accepted++;
          } catch (err) {
            expect(err).toBeInstanceOf(FormatError);
            expect((err as FormatError).format).toBe(name);
          }
        }),
        { numRuns: 10_000, seed: Number(process.env.FC_SEED ?? 20_261_126) },
      );
      expect(accepted).toBeGreaterThan(0);
    });

    it(`${name}: compare is antisymmetric and transitive (10,000 triples)`, () => {
      const outside = OUTSIDE_TOTAL_ORDER[name] ?? (() => false);
      const valid: ParsedVersion[] = [];
      for (const s of seeds) {
        try {
          const v = eco.parse(s);
          if (!outside(v)) valid.push(v);
        } catch {
          // seeds from another scheme's set may be invalid here
        }
      }
      fc.assert(
        fc.property(versionLike(seeds), fc.nat(), fc.nat(), (text, i, j) => {
          let a: ParsedVersion;
          try {
            a = eco.parse(text);
            if (outside(a)) a = valid[i % valid.length]!;
          } catch {
            a = valid[i % valid.length]!;
          }
          const b = valid[i % valid.length]!;
          const c = valid[j % valid.length]!;
          const ab = Math.sign(eco.compare(a, b));
          expect(Math.sign(eco.compare(b, a)) + 0).toBe(-ab + 0);
          const bc = Math.sign(eco.compare(b, c));
          if (ab <= 0 && bc <= 0) expect(eco.compare(a, c)).toBeLessThanOrEqual(0);
          if (ab >= 0 && bc >= 0) expect(eco.compare(a, c)).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 10_000, seed: Number(process.env.FC_SEED ?? 20_261_126) },
      );
    });
  }
});
