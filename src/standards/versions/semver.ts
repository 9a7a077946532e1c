import semver from 'semver';
import { cmpNum, cmpNumArrays, cmpStr, toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/** A pre-release or build identifier: numeric identifiers are numbers. */
export type Ident = Num | string;

/** A SemVer-shaped version, pre-tokenised. */
export interface SemverVersion extends ParsedVersion {
  /** major, minor, patch (and, for lenient schemes, any further numeric components). */
  readonly release: readonly Num[];
  /** Pre-release identifiers; empty for a release. */
  readonly pre: readonly Ident[];
  /** Build identifiers (ignored by most schemes, ordered by Pub and Cargo). */
  readonly build: readonly Ident[];
}

const DIGITS = /^\d+$/;

/** SemVer 2.0 §11.4: numeric identifiers compare numerically and sort before alphanumeric ones. */
export function compareIdent(a: Ident, b: Ident): number {
  const an = typeof a !== 'string';
  const bn = typeof b !== 'string';
  if (an && bn) return cmpNum(a, b);
  if (an) return -1;
  if (bn) return 1;
  return cmpStr(a as string, b as string);
}

/** Element-wise identifier list comparison; a shorter list that is a prefix sorts first (§11.4.4). */
export function compareIdentLists(a: readonly Ident[], b: readonly Ident[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdent(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** SemVer 2.0 §11 precedence; `orderBuild` also orders build metadata (Pub, Cargo): none < some. */
export function compareSemver(a: SemverVersion, b: SemverVersion, orderBuild = false): number {
  const r = cmpNumArrays(a.release, b.release);
  if (r !== 0) return r;
  const ap = a.pre.length;
  const bp = b.pre.length;
  if (ap === 0 || bp === 0) {
    if (ap !== bp) return ap === 0 ? 1 : -1;
  } else {
    const p = compareIdentLists(a.pre, b.pre);
    if (p !== 0) return p;
  }
  if (!orderBuild) return 0;
  const ab = a.build.length;
  const bb = b.build.length;
  if (ab === 0 || bb === 0) return ab === bb ? 0 : ab === 0 ? -1 : 1;
  return compareIdentLists(a.build, b.build);
}

interface Rules {
  /** A leading `v` (or `V` when lenient) is accepted. */
  readonly vPrefix: 'none' | 'v' | 'vV';
  /** `1` and `1.2` stand for `1.0.0` and `1.2.0`. */
  readonly shortForms: boolean;
  /** More than three numeric components are accepted and compared. */
  readonly extraComponents: boolean;
  /** Leading zeros in numeric components and numeric pre-release identifiers are accepted. */
  readonly leadingZeros: boolean;
  /** Short forms may carry a pre-release or build (Go's may not). */
  readonly shortWithSuffix: boolean;
}

const IDENTS = /^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/;

function idents(scheme: string, text: string, part: string, what: string, leadingZeros: boolean): Ident[] {
  if (!IDENTS.test(part)) throw invalidVersion(scheme, text, `${what} must be dot-separated [0-9A-Za-z-] identifiers`);
  return part.split('.').map((id) => {
    if (!DIGITS.test(id)) return id;
    if (!leadingZeros && what === 'pre-release' && id.length > 1 && id[0] === '0') {
      throw invalidVersion(scheme, text, `numeric pre-release identifier "${id}" has a leading zero`);
    }
    return toNum(id);
  });
}

function parseWith(scheme: string, rules: Rules, input: string): SemverVersion {
  const text = checkVersionText(scheme, input);
  let s = text;
  if (rules.vPrefix !== 'none' && (s[0] === 'v' || (rules.vPrefix === 'vV' && s[0] === 'V'))) s = s.slice(1);
  const plus = s.indexOf('+');
  const buildPart = plus >= 0 ? s.slice(plus + 1) : undefined;
  if (plus >= 0) s = s.slice(0, plus);
  const dash = s.indexOf('-');
  const prePart = dash >= 0 ? s.slice(dash + 1) : undefined;
  if (dash >= 0) s = s.slice(0, dash);
  const parts = s.split('.');
  if (parts.some((p) => !DIGITS.test(p))) throw invalidVersion(scheme, text, 'the version core must be dot-separated numbers');
  if (parts.length < 3 && !rules.shortForms) throw invalidVersion(scheme, text, 'expected MAJOR.MINOR.PATCH');
  if (parts.length > 3 && !rules.extraComponents) throw invalidVersion(scheme, text, 'more than three numeric components');
  if (parts.length < 3 && !rules.shortWithSuffix && (prePart !== undefined || buildPart !== undefined)) {
    throw invalidVersion(scheme, text, 'a shortened version cannot carry a pre-release or build');
  }
  if (!rules.leadingZeros && parts.some((p) => p.length > 1 && p[0] === '0')) {
    throw invalidVersion(scheme, text, 'numeric components must not have leading zeros');
  }
  const release = parts.map(toNum);
  while (release.length < 3) release.push(0);
  const pre = prePart === undefined ? [] : idents(scheme, text, prePart, 'pre-release', rules.leadingZeros);
  const build = buildPart === undefined ? [] : idents(scheme, text, buildPart, 'build', true);
  return { scheme, text, release, pre, build };
}

function scheme(id: string, rules: Rules, orderBuild: boolean): VersionScheme<SemverVersion> {
  return {
    id,
    parse: (text) => parseWith(id, rules, text),
    compare: orderBuild ? (a, b) => compareSemver(a, b, true) : (a, b) => compareSemver(a, b),
  };
}

const STRICT: Rules = { vPrefix: 'none', shortForms: false, extraComponents: false, leadingZeros: false, shortWithSuffix: false };
const LENIENT: Rules = { vPrefix: 'vV', shortForms: true, extraComponents: true, leadingZeros: true, shortWithSuffix: true };

/**
 * Lenient SemVer, as OSV's `SEMVER` range type meets it in the wild (tags such as `v1`,
 * `1.2`, `V1.0.0`): missing minor/patch are 0, further numeric components are compared.
 */
export const lenientSemver = scheme('semver', LENIENT, false);

/** crates.io: Cargo's `semver` crate — strict SemVer 2.0, build metadata ordered after pre-release. */
export const cargoSemver = scheme('crates.io', STRICT, true);

/** Hex: Elixir's `Version` — strict SemVer 2.0, build metadata ignored. */
export const hexSemver = scheme('Hex', STRICT, false);

/**
 * Go modules (golang.org/x/mod/semver): `v` optional here because OSV records Go
 * versions without it; `v1` and `v1.2` are shorthands for `v1.0.0` and `v1.2.0`.
 */
export const goSemver = scheme('Go', { vPrefix: 'v', shortForms: true, extraComponents: false, leadingZeros: false, shortWithSuffix: false }, false);

/** Pub (pub_semver): pre-release and build both ordered — a build sorts after its release. */
export const pubSemver = scheme('Pub', LENIENT, true);

/** npm: exactly what node-semver accepts without `loose` (leading `v` allowed), compared per SemVer 2.0. */
export const npmSemver: VersionScheme<SemverVersion> = {
  id: 'npm',
  parse(input) {
    const text = checkVersionText('npm', input);
    let parsed: semver.SemVer | null;
    try {
      parsed = semver.parse(text);
    } catch {
      parsed = null;
    }
    if (!parsed) throw invalidVersion('npm', text, 'not a valid SemVer 2.0 version (node-semver)');
    return {
      scheme: 'npm',
      text,
      release: [parsed.major, parsed.minor, parsed.patch],
      pre: [...parsed.prerelease],
      build: parsed.build.map((b) => (DIGITS.test(b) ? toNum(b) : b)),
    };
  },
  compare: (a, b) => compareSemver(a, b),
};
