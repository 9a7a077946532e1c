import fc from 'fast-check';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { compileNativeRange, compileNpmRange, parseVers } from '../../../src/standards/ranges';
import { ecosystemFor } from '../../../src/standards/versions';

function inRange(ecosystem: string, range: string, versions: string[]): boolean[] {
  const eco = ecosystemFor(ecosystem);
  const m = compileNativeRange(range, eco);
  return versions.map((v) => m.matches(eco.parse(v)));
}

const num = fc.integer({ min: 0, max: 4 });
const pre = fc.option(fc.constantFrom('alpha', 'beta.1', 'rc.2', '0', 'alpha.10'), { nil: undefined });
const npmVersion = fc.tuple(num, num, num, pre).map(([a, b, c, p]) => `${a}.${b}.${c}${p ? `-${p}` : ''}`);
const partial = fc.oneof(
  npmVersion,
  fc.tuple(num, num).map(([a, b]) => `${a}.${b}`),
  num.map(String),
  fc.constantFrom('1.x', '2.*', '*'),
);
const atom = fc.tuple(fc.constantFrom('', '=', '<', '<=', '>', '>=', '^', '~'), partial).map(([op, v]) => `${op}${v}`);
const npmRange = fc.oneof(
  fc
    .array(
      fc.array(atom, { minLength: 1, maxLength: 3 }).map((a) => a.join(' ')),
      { minLength: 1, maxLength: 3 },
    )
    .map((s) => s.join(' || ')),
  fc.tuple(partial, partial).map(([a, b]) => `${a} - ${b}`),
);

describe('compiled npm ranges', () => {
  it('agree with semver.satisfies on 10,000 generated (range, version) pairs', () => {
    fc.assert(
      fc.property(npmRange, npmVersion, (range, version) => {
        const expected = semver.satisfies(version, range);
        const compiled = compileNpmRange(range);
        expect(compiled.matches(ecosystemFor('npm').parse(version))).toBe(expected);
      }),
      { numRuns: 10_000 },
    );
  });

  it('refuse an invalid range with a FormatError', () => {
    expect(() => compileNpmRange('>=1.0.0 <<2')).toThrow(FormatError);
  });
});

describe('native ranges', () => {
  it('PEP 440 specifiers, including wildcards, ~= and the exclusive-comparison rules', () => {
    expect(inRange('PyPI', '>=1.0, !=1.3.*, <2', ['0.9', '1.0', '1.3.4', '1.4', '2.0', '2.0rc1'])).toEqual([false, true, false, true, false, false]);
    expect(inRange('PyPI', '~=2.2.1', ['2.2.0', '2.2.1', '2.2.9', '2.3'])).toEqual([false, true, true, false]);
    expect(inRange('PyPI', '>1.7', ['1.7.post1', '1.7.1', '1.8'])).toEqual([false, true, true]);
    expect(inRange('PyPI', '==1.0', ['1.0+local', '1.0.0', '1.0.1'])).toEqual([true, true, false]);
  });

  it('Maven ranges with unions and soft requirements', () => {
    expect(inRange('Maven', '(,1.0],[1.2,)', ['0.9', '1.0', '1.1', '1.2', '3.0'])).toEqual([true, true, false, true, true]);
    expect(inRange('Maven', '[1.0,2.0)', ['1.0', '1.5-SNAPSHOT', '2.0-alpha-1', '2.0'])).toEqual([true, true, true, false]);
    expect(inRange('Maven', '[1.2]', ['1.2', '1.2.0', '1.2.1'])).toEqual([true, true, false]);
    expect(() => compileNativeRange('[2.0,1.0]', 'Maven')).toThrow(FormatError);
  });

  it('NuGet ranges: a bare version is a minimum', () => {
    expect(inRange('NuGet', '1.0', ['0.9', '1.0', '7.0'])).toEqual([false, true, true]);
    expect(inRange('NuGet', '(1.0,2.0]', ['1.0', '1.0.1', '2.0', '2.0.1'])).toEqual([false, true, true, false]);
  });

  it('RubyGems requirements: ~> bumps the next-to-last segment', () => {
    expect(inRange('RubyGems', '~> 2.0.8', ['2.0.7', '2.0.8', '2.0.99', '2.1'])).toEqual([false, true, true, false]);
    expect(inRange('RubyGems', '>= 1.0, < 2', ['1.0', '1.9.9', '2.0.a', '2.0'])).toEqual([true, true, true, false]);
  });

  it('Composer constraints: ^, ~, wildcards, hyphens and alternatives', () => {
    expect(inRange('Packagist', '^1.2.3', ['1.2.2', '1.2.3', '1.9', '2.0.0'])).toEqual([false, true, true, false]);
    expect(inRange('Packagist', '~1.2 || 3.0.*', ['1.1', '1.2', '1.9.9', '2.0', '3.0.5', '3.1'])).toEqual([false, true, true, false, true, false]);
    expect(inRange('Packagist', '1.0 - 2.0', ['1.0', '2.0.5', '2.1'])).toEqual([true, true, false]);
  });

  it('comparator lists for other ecosystems, and vers URIs for any', () => {
    expect(inRange('Debian:12', '>=1.2-1 <1.2-3', ['1.2-1', '1.2-2+deb12u1', '1.2-3'])).toEqual([true, true, false]);
    expect(inRange('Alpine:v3.18', 'vers:apk/>=1.2_rc1|<1.2-r3', ['1.2_beta1', '1.2', '1.2-r3'])).toEqual([false, true, false]);
  });
});

describe('vers parsing (property-based)', () => {
  it('parseVers returns a vers or throws FormatError on 10,000 mutated inputs', () => {
    const seeds = ['vers:npm/>=1.0.0|<2.0.0', 'vers:pypi/*', 'vers:datetime/2024-01-01T00:00:00Z', 'vers:maven/1.0%252F0|>2'];
    const input = fc.oneof(
      fc
        .tuple(fc.constantFrom(...seeds), fc.nat(), fc.constantFrom(...'|%<>=!*/:.a1 '))
        .map(([s, i, c]) => s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1))),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(input, (text) => {
        try {
          parseVers(text);
        } catch (err) {
          expect(err).toBeInstanceOf(FormatError);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
