import { cmpNum, toNum, type Num } from './numeric';
import { checkVersionText, type ParsedVersion, type VersionScheme } from './types';

/**
 * A Packagist version, ordered as Composer orders versions: PHP's `version_compare`
 * over the canonicalised string (a leading `v` dropped, as Composer does).
 * Each component is a number, or the rank of a PHP "special form".
 */
export interface PackagistVersion extends ParsedVersion {
  readonly parts: readonly PackagistPart[];
}

/** A number, or a special form's rank (dev 0, alpha/a 1, beta/b 2, RC/rc 3, # 4, pl/p 5, other -1). */
export type PackagistPart = { readonly num: Num } | { readonly rank: number };

// php-src ext/standard/versioning.c: compare_special_version_forms (prefix match, case-sensitive)
const FORMS: readonly [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
/** A number counts as the special form "#" when compared with a name. */
const NUMBER_RANK = 4;

function formRank(form: string): number {
  for (const [name, rank] of FORMS) if (form.startsWith(name)) return rank;
  return -1;
}

/**
 * php_canonicalize_version: `-`, `_`, `+` and other non-alphanumerics become `.`, and a
 * `.` is inserted wherever digits and non-digits meet. `#` is kept as its own part.
 */
function canonicalParts(version: string): string[] {
  const parts: string[] = [];
  let current = '';
  let currentDigit = false;
  for (const c of version) {
    const digit = c >= '0' && c <= '9';
    const alnum = digit || /[A-Za-z#]/.test(c);
    if (!alnum) {
      if (current) parts.push(current);
      current = '';
    } else if (current && digit !== currentDigit) {
      parts.push(current);
      current = c;
    } else {
      current += c;
    }
    currentDigit = digit;
  }
  if (current) parts.push(current);
  return parts;
}

function parsePackagist(input: string): PackagistVersion {
  const text = checkVersionText('Packagist', input);
  const stripped = text[0] === 'v' || text[0] === 'V' ? text.slice(1) : text;
  const parts = canonicalParts(stripped).map((p): PackagistPart => (/^\d/.test(p) ? { num: toNum(p) } : { rank: formRank(p) }));
  return { scheme: 'Packagist', text, parts };
}

function comparePart(a: PackagistPart, b: PackagistPart): number {
  if ('num' in a && 'num' in b) return cmpNum(a.num, b.num);
  const ra = 'num' in a ? NUMBER_RANK : a.rank;
  const rb = 'num' in b ? NUMBER_RANK : b.rank;
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

const HASH: readonly PackagistPart[] = [{ rank: NUMBER_RANK }];

function compareParts(a: readonly PackagistPart[], b: readonly PackagistPart[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = comparePart(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  // version_compare: a longer version wins if it goes on with a number; otherwise its
  // remainder is compared with "#N#" (so 1.0 > 1.0-beta but 1.0 < 1.0-pl1)
  if (a.length > b.length) return 'num' in a[n]! ? 1 : compareParts(a.slice(n), HASH);
  if (b.length > a.length) return 'num' in b[n]! ? -1 : compareParts(HASH, b.slice(n));
  return 0;
}

/** Packagist: Composer / PHP `version_compare` order. */
export const packagist: VersionScheme<PackagistVersion> = {
  id: 'Packagist',
  parse: parsePackagist,
  compare: (a, b) => compareParts(a.parts, b.parts),
};
