import { cmpNum, cmpStr, numEq, toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/** A RubyGems version: Gem::Version#canonical_segments, pre-computed. */
export interface GemVersion extends ParsedVersion {
  readonly segments: readonly (Num | string)[];
  /** Gem::Version#prerelease?: any letter in the version. */
  readonly prerelease: boolean;
}

// Gem::Version::ANCHORED_VERSION_PATTERN, except that letters may follow the first number
// directly ("1beta"): Gem::Version's own segment scan orders such a version unambiguously
// as [1, "beta"], and old gems carry such versions.
const PATTERN = /^[0-9]+[0-9a-zA-Z]*(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Parses per Gem::Version.new: `-` means `.pre.`, segments are digit or letter runs. */
export function parseGem(input: string): GemVersion {
  const text = checkVersionText('RubyGems', input);
  if (!PATTERN.test(text)) throw invalidVersion('RubyGems', text, 'Malformed version number string (Gem::Version)');
  const version = text.replace(/-/g, '.pre.');
  const raw = (version.match(/[0-9]+|[a-z]+/gi) ?? []).map((s): Num | string => (/^\d/.test(s) ? toNum(s) : s));
  // canonical_segments: drop trailing zeros of the numeric part and of the string part
  const firstString = raw.findIndex((s) => typeof s === 'string');
  const numeric = firstString < 0 ? raw : raw.slice(0, firstString);
  const strings = firstString < 0 ? [] : raw.slice(firstString);
  const trim = (xs: (Num | string)[]): (Num | string)[] => {
    let end = xs.length;
    while (end > 0 && isZero(xs[end - 1]!)) end--;
    return xs.slice(0, end);
  };
  return { scheme: 'RubyGems', text, segments: [...trim(numeric), ...trim(strings)], prerelease: /[a-zA-Z]/.test(text) };
}

/** A numeric zero segment (a string segment is never zero). */
function isZero(segment: Num | string): boolean {
  return typeof segment !== 'string' && numEq(segment, 0);
}

/** Gem::Version#<=>: missing segments are 0; a string segment sorts before a number. */
export function compareGem(a: GemVersion, b: GemVersion): number {
  const l = a.segments;
  const r = b.segments;
  const n = Math.max(l.length, r.length);
  for (let i = 0; i < n; i++) {
    const x = i < l.length ? l[i]! : 0;
    const y = i < r.length ? r[i]! : 0;
    const xs = typeof x === 'string';
    const ys = typeof y === 'string';
    if (xs && ys) {
      const c = cmpStr(x, y);
      if (c !== 0) return c;
    } else if (xs) return -1;
    else if (ys) return 1;
    else {
      const c = cmpNum(x as Num, y as Num);
      if (c !== 0) return c;
    }
  }
  return 0;
}

/** RubyGems: Gem::Version order. */
export const rubygems: VersionScheme<GemVersion> = { id: 'RubyGems', parse: parseGem, compare: compareGem };
