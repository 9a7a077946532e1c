import semver from 'semver';
import { FormatError } from '../problem';
import { numEq } from '../versions/numeric';
import { compareSemver, npmSemver, type SemverVersion } from '../versions/semver';
import type { ParsedVersion } from '../versions/types';
import type { VersionMatcher } from './types';

const OPCODE: Record<string, number> = { '': 4, '=': 4, '<': 0, '<=': 1, '>': 2, '>=': 3 };

interface CompiledSet {
  readonly codes: Int8Array;
  readonly bounds: readonly SemverVersion[];
  /** Whether the set is `*` alone (matches every release). */
  readonly any: boolean;
  /** major/minor/patch triples of the set's pre-release bounds (node-semver's prerelease rule). */
  readonly preTuples: readonly (readonly number[])[];
}

/** The parsed npm range, exposed for vers conversion. */
export interface NpmRange extends VersionMatcher {
  /** node-semver's desugared comparator sets (`^1.2` → `>=1.2.0 <2.0.0-0`). */
  readonly sets: readonly (readonly { operator: string; version: string }[])[];
}

function test(code: number, c: number): boolean {
  return code === 0 ? c < 0 : code === 1 ? c <= 0 : code === 2 ? c > 0 : code === 3 ? c >= 0 : c === 0;
}

/**
 * Compiles an npm range (node-semver grammar: `||`, hyphen ranges, `^`, `~`, x-ranges) once.
 * node-semver desugars it; the comparators are then re-parsed into pre-tokenised versions so
 * `matches` only walks numeric arrays. Follows node-semver's rule that a pre-release version
 * only matches a set that names a pre-release of the same major.minor.patch.
 */
export function compileNpmRange(text: string): NpmRange {
  let range: semver.Range;
  try {
    range = new semver.Range(text);
  } catch (err) {
    throw new FormatError('npm', [{ path: '', message: `invalid npm range ${JSON.stringify(text)}: ${(err as Error).message}` }]);
  }
  const compiled: CompiledSet[] = range.set.map((set) => {
    const real = set.filter((c) => c.value !== '');
    return {
      codes: Int8Array.from(real.map((c) => OPCODE[c.operator]!)),
      bounds: real.map((c) => npmSemver.parse(c.semver.version)),
      any: real.length === 0,
      preTuples: real.filter((c) => c.semver.prerelease.length > 0).map((c) => [c.semver.major, c.semver.minor, c.semver.patch]),
    };
  });
  return {
    sets: range.set.map((set) => set.map((c) => ({ operator: c.operator, version: c.value === '' ? '' : c.semver.version }))),
    matches(parsed: ParsedVersion) {
      const v = parsed as SemverVersion;
      const isPre = v.pre.length > 0;
      for (const set of compiled) {
        let ok = true;
        for (let i = 0; i < set.codes.length; i++) {
          if (!test(set.codes[i]!, compareSemver(v, set.bounds[i]!))) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (!isPre) return true;
        if (set.any) continue;
        const r = v.release;
        for (const t of set.preTuples) if (numEq(t[0]!, r[0]!) && numEq(t[1]!, r[1]!) && numEq(t[2]!, r[2]!)) return true;
      }
      return false;
    },
  };
}
