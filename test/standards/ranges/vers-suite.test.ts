import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/standards/problem';
import { compileNpmRange, compileVers, normalizeVers, parseVers, versFromNative, versScheme } from '../../../src/standards/ranges';
import { npmSemver } from '../../../src/standards/versions/semver';
import { vectorPath } from '../../helpers/vectors';

const DIR = vectorPath('standards/vers/tests');

interface VersCase {
  description: string;
  test_group: string;
  test_type: string;
  input: string | VersInputFields;
  expected_output?: unknown;
  expected_failure?: boolean;
}

/** The fields of an object input; which ones a case carries depends on its test type. */
interface VersInputFields {
  input_scheme: string;
  versions: string[];
  vers: string;
  version: string;
  scheme: string;
  native_range: string;
}

const fieldsOf = (t: VersCase): VersInputFields => {
  if (typeof t.input === 'string') throw new Error(`a ${t.test_type} case with a string input`);
  return t.input;
};
const textOf = (t: VersCase): string => {
  if (typeof t.input !== 'string') throw new Error(`a ${t.test_type} case with an object input`);
  return t.input;
};

/** Runs one vers-spec case; returns a failure message or undefined. */
function run(t: VersCase): string | undefined {
  const outcome = (): unknown => {
    switch (t.test_type) {
      case 'comparison': {
        const input = fieldsOf(t);
        const s = versScheme(input.input_scheme);
        return input.versions
          .map((v) => s.parse(v))
          .sort(s.compare)
          .map((v) => s.canonical?.(v) ?? v.text);
      }
      case 'equality': {
        const input = fieldsOf(t);
        const s = versScheme(input.input_scheme);
        const [a, b] = input.versions.map((v) => s.parse(v));
        if (!a || !b) throw new Error('an equality case needs two versions');
        return s.compare(a, b) === 0;
      }
      case 'parse': {
        const v = parseVers(textOf(t));
        return { scheme: v.scheme, version_constraints: v.constraints.map((c) => [...c]) };
      }
      case 'validate':
        return normalizeVers(textOf(t));
      case 'containment': {
        const input = fieldsOf(t);
        const m = compileVers(input.vers);
        return m.matches(m.scheme.parse(input.version));
      }
      case 'from_native': {
        const input = fieldsOf(t);
        return versFromNative(input.scheme, input.native_range);
      }
      default:
        throw new Error(`unknown test type ${t.test_type}`);
    }
  };
  try {
    const got = outcome();
    if (t.expected_failure) return `expected a failure, got ${JSON.stringify(got)}`;
    return JSON.stringify(got) === JSON.stringify(t.expected_output) ? undefined : `got ${JSON.stringify(got)}`;
  } catch (err) {
    if (t.expected_failure && err instanceof FormatError) return undefined;
    return `threw ${(err as Error).message}`;
  }
}

describe('vers-spec test suite (test/vectors/standards/vers/tests)', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    it(file, () => {
      const cases: VersCase[] = JSON.parse(readFileSync(join(DIR, file), 'utf8')).tests;
      const failures = cases.flatMap((t) => {
        const why = run(t);
        return why ? [`${t.test_type} ${JSON.stringify(t.input)}: ${why}`] : [];
      });
      console.info(`${file}: ${cases.length - failures.length}/${cases.length} pass`);
      expect(failures.slice(0, 15)).toEqual([]);
    });
  }
});

/**
 * The suite's one tilde-on-pre-release case (`~0.8.0-pre`, "recommended") is univers'
 * conversion through python-semanticversion, whose bound for `~M.m.0-pre` is M.m.0's
 * "next minor" = M.m.0 itself, where node-semver (what npm runs) allows up to M.(m+1).0.
 * We follow the suite for vers text (it is the exchange format's conformance reference)
 * and node-semver for matching native npm ranges; these tests pin both halves down.
 */
describe('npm tilde on a pre-release: vers text follows the suite, matching follows npm', () => {
  const vers = versFromNative('npm', '~0.8.0-pre');

  it("writes the pre-release window and the suite's release window", () => {
    expect(vers).toBe('vers:npm/>=0.8.0-pre|<0.8.0|>=0.8.0|<0.8.1');
    // patch ≠ 0: the same convention equals npm's meaning (next minor is M.(m+1).0)
    expect(versFromNative('npm', '~1.2.3-beta')).toBe('vers:npm/>=1.2.3-beta|>=1.2.3|<1.2.4|<1.3.0');
  });

  it('differs from node-semver exactly on M.m.(p>0) releases of a ~M.m.0-pre range', () => {
    expect(new semver.Range('~0.8.0-pre').set.map((set) => set.map((c) => c.value).join(' '))).toEqual(['>=0.8.0-pre <0.9.0-0']);
    const native = compileNpmRange('~0.8.0-pre');
    const suite = compileVers(vers);
    const differ = ['0.7.9', '0.8.0-pre', '0.8.0-pre.1', '0.8.0', '0.8.1', '0.8.9', '0.9.0'].filter(
      (v) => native.matches(npmSemver.parse(v)) !== suite.matches(suite.scheme.parse(v)),
    );
    expect(differ).toEqual(['0.8.1', '0.8.9']);
    for (const v of ['0.8.0-pre', '0.8.0-pre.1', '0.8.0', '0.8.1', '0.8.9'])
      expect(semver.satisfies(v, '~0.8.0-pre'), v).toBe(native.matches(npmSemver.parse(v)));
  });
});
