import semver from 'semver';
import { FormatError } from '../problem';
import { compilePep440Specifiers } from './pep440';
import { gemBump } from './rubygems';
import type { Comparator } from './types';
import { serializeVers, sortVers, type Vers } from './vers';

type Pair = [Comparator, string];

const fail = (scheme: string, native: string, why: string): FormatError =>
  new FormatError('vers', [{ path: '', message: `cannot convert ${scheme} range ${JSON.stringify(native)}: ${why}` }]);

const PLAIN_ATOM = /^(<=|>=|<|>|=)?v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?$/;
const TILDE_PRERELEASE = /^~>?\s*v?(\d+)\.(\d+)\.(\d+)-([0-9A-Za-z.-]+)$/;

/**
 * npm: each `||` alternative converts on its own. Comparators with a plain (possibly
 * partial) version keep their operator, the version zero-filled (`<= 1.0` → `<=1.0.0`);
 * a tilde on a pre-release follows the suite's convention (`tildePrerelease`); anything
 * else (`^`, `~`, x-ranges, hyphens) is node-semver's desugaring with its `-0` pre-release
 * floors dropped.
 */
function fromNpm(native: string): Pair[] | '*' {
  const pairs: Pair[] = [];
  for (const alternative of native.split('||')) {
    const converted = fromNpmAlternative(alternative);
    if (converted === '*') return '*';
    pairs.push(...converted);
  }
  return pairs;
}

function fromNpmAlternative(native: string): Pair[] | '*' {
  const atoms = native
    .trim()
    .replace(/(<=|>=|<|>|=)\s+/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
  if (atoms.length && atoms.every((a) => PLAIN_ATOM.test(a))) {
    return atoms.map((a): Pair => {
      const m = PLAIN_ATOM.exec(a)!;
      return [(m[1] ?? '=') as Comparator, `${m[2]}.${m[3] ?? 0}.${m[4] ?? 0}${m[5] ?? ''}`];
    });
  }
  if (atoms.length === 1 && TILDE_PRERELEASE.test(atoms[0]!)) return tildePrerelease(TILDE_PRERELEASE.exec(atoms[0]!)!);
  if (atoms.length === 1 && /^(<=|>=|<|>|=)/.test(atoms[0]!)) return fromNpmDesugared(atoms[0]!.replace(/^(<=|>=|<|>|=)/, ''));
  return fromNpmDesugared(native);
}

/**
 * `~M.m.p-pre` as the vers-spec suite writes it (npm_range_from_native_test.json, the
 * "recommended" case `~0.8.0-pre`), which is univers' conversion through
 * python-semanticversion's NpmSpec: a pre-release window `>=M.m.p-pre|<M.m.(p+1)` (npm
 * lets pre-releases match only on the bound's own M.m.p) plus a release window
 * `>=M.m.p|<H`, where H is NpmSpec's "next minor" of the pre-release: M.m.0 when p is 0
 * (the release itself), M.(m+1).0 otherwise.
 *
 * This contradicts node-semver when p is 0: npm reads `~0.8.0-pre` as
 * `>=0.8.0-pre <0.9.0-0`, so 0.8.1 … 0.8.x match in npm but fall outside the suite's vers.
 * We follow the suite for vers text only, because vers output is an exchange format whose
 * conformance suite is the reference peers check against; matching a native npm range
 * (`compileNpmRange`, `aisc version in-range`) keeps node-semver's meaning.
 */
function tildePrerelease(m: RegExpExecArray): Pair[] {
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const release = `${major}.${minor}.${patch}`;
  const high = patch === 0 ? release : `${major}.${minor + 1}.0`;
  return [
    ['>=', `${release}-${m[4]}`],
    ['<', `${major}.${minor}.${patch + 1}`],
    ['>=', release],
    ['<', high],
  ];
}

function fromNpmDesugared(native: string): Pair[] | '*' {
  let range: semver.Range;
  try {
    range = new semver.Range(native);
  } catch (err) {
    throw fail('npm', native, (err as Error).message);
  }
  const pairs = range.set.flat().filter((c) => c.value !== '');
  if (!pairs.length) return '*';
  return pairs.map((c): Pair => [(c.operator || '=') as Comparator, c.semver.version.replace(/-0$/, '')]);
}

/** Conan: `~V`, `^V`, comparator lists, `||` alternatives (conans/model/version_range.py). */
function fromConan(native: string): Pair[] | '*' | '' {
  if (!native.trim()) return '';
  const out: Pair[] = [];
  // options after the first comma (e.g. include_prerelease=True) do not change the versions
  for (const alt of native.split(',')[0]!.split('||')) {
    for (const atom of alt
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)) {
      const m = /^(~|\^|>=|<=|>|<|=)?(.*)$/.exec(atom)!;
      const op = m[1] ?? '=';
      const v = m[2]!;
      if (v === '*' || v === '*-' || v === '') {
        out.push(['>=', '0.0.0']);
        continue;
      }
      if (op === '~' || op === '^') {
        const items = v.split('-')[0]!.split('.');
        let at: number;
        // tilde bumps the minor item (the major for a one-item version)
        if (op === '~') at = items.length > 1 ? 1 : 0;
        else {
          const firstNonZero = items.findIndex((i) => i !== '0');
          at = firstNonZero < 0 ? items.length - 1 : firstNonZero;
        }
        const upper = items.slice(0, at + 1);
        upper[at] = String(Number(upper[at]) + 1);
        out.push(['>=', v.replace(/-$/, '')], ['<', `${upper.join('.')}-`]);
      } else out.push([op as Comparator, op === '>' || op === '>=' ? v.replace(/-$/, '') : v]);
    }
  }
  return out.length ? out : '*';
}

/**
 * nginx advisories: `0.8.40+` (that minor line from there on), `a-b`, or a version,
 * `, `-separated; in a list, the newest `X+` is open-ended (later lines are fixed too).
 */
function fromNginx(native: string): Pair[] {
  const items = native.split(/,\s*/);
  const newest = items.length > 1 ? newestPlus(items) : undefined;
  return items.flatMap((item): Pair[] => {
    if (item === newest) return [['>=', item.slice(0, -1)]];
    if (item.endsWith('+')) {
      const v = item.slice(0, -1);
      const [major, minor] = v.split('.');
      return [
        ['>=', v],
        ['<', `${major}.${Number(minor) + 1}.0`],
      ];
    }
    const hyphen = /^(.+)-(.+)$/.exec(item);
    if (hyphen)
      return [
        ['>=', hyphen[1]!],
        ['<=', hyphen[2]!],
      ];
    return [['=', item]];
  });
}

function newestPlus(items: string[]): string | undefined {
  const plus = items.filter((i) => i.endsWith('+'));
  return plus.sort((a, b) => semver.compare(semver.coerce(a)!, semver.coerce(b)!))[plus.length - 1];
}

function fromNuget(native: string): Pair[] {
  const m = /^([[(])\s*([^,\s]*)\s*(?:,\s*([^\])\s]*)\s*)?([\])])$/.exec(native.trim());
  if (!m) return [['>=', native.trim()]];
  if (m[3] === undefined) return [['=', m[2]!]];
  const out: Pair[] = [];
  if (m[2]) out.push([m[1] === '[' ? '>=' : '>', m[2]]);
  if (m[3]) out.push([m[4] === ']' ? '<=' : '<', m[3]]);
  return out;
}

function fromGem(native: string): Pair[] {
  return native.split(',').flatMap((clause): Pair[] => {
    const m = /^\s*(~>|>=|<=|!=|>|<|=)?\s*(\S+)\s*$/.exec(clause);
    if (!m) throw fail('gem', native, `bad clause "${clause}"`);
    if (m[1] === '~>')
      return [
        ['>=', m[2]!],
        ['<', gemBump(m[2]!)],
      ];
    return [[(m[1] ?? '=') as Comparator, m[2]!]];
  });
}

function fromPypi(native: string): Pair[] {
  return compilePep440Specifiers(native).clauses.map(({ op, version }): Pair => {
    if (op === '~=' || version.endsWith('.*')) throw fail('pypi', native, `"${op}${version}" has no single vers constraint`);
    return [(op === '==' || op === '===' ? '=' : op) as Comparator, version];
  });
}

const CONVERTERS: Record<string, (native: string) => Pair[] | '*' | ''> = {
  npm: fromNpm,
  conan: fromConan,
  nginx: fromNginx,
  nuget: fromNuget,
  gem: fromGem,
  pypi: fromPypi,
  openssl: (native) => native.split(/,\s*/).map((v): Pair => ['=', v.trim()]),
};

/** Converts a native range of a vers scheme into its canonical vers string. */
export function versFromNative(scheme: string, native: string): string {
  const convert = CONVERTERS[scheme];
  if (!convert) throw fail(scheme, native, 'no native range syntax known for this scheme');
  const pairs = convert(native);
  if (pairs === '*') return `vers:${scheme}/*`;
  // an empty native range converts to an empty constraint list (vers-spec conan cases)
  if (pairs === '') return `vers:${scheme}/`;
  const vers: Vers = { scheme, constraints: pairs };
  return serializeVers(sortVers(vers));
}
