import { cmpNum, cmpStr, toNum, type Num } from './numeric';
import { checkVersionText, type ParsedVersion, type VersionScheme } from './types';

/**
 * An Alpine (apk) version, `number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}`
 * (apk-package(5)). apk itself compares strings outside this grammar too (`apk version -t`
 * accepts them), so parse records how much of the grammar matched rather than refusing:
 * `remainder` is what follows the revision, `malformed` that no `-r` revision could be read.
 */
export interface AlpineVersion extends ParsedVersion {
  readonly numbers: readonly Num[];
  /** The digit strings of the numbers, for apk's leading-zero rule. */
  readonly leadingZero: readonly boolean[];
  readonly numberText: readonly string[];
  /** The single lower-case letter's code, or 0. */
  readonly letter: number;
  /** Pairs of (suffix weight, number). */
  readonly suffixes: readonly (readonly [number, Num])[];
  readonly revision: Num;
  readonly remainder: boolean;
  readonly malformed: boolean;
}

// apk: _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p
const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const NO_SUFFIX = SUFFIXES.indexOf('');
const SUFFIX = /^_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\d*)/;

function parseAlpine(input: string): AlpineVersion {
  const text = checkVersionText('Alpine', input);
  let rest = text;
  const numbersMatch = /^\d+(?:\.\d+)*/.exec(rest);
  const numberText = numbersMatch ? numbersMatch[0].split('.') : [];
  rest = rest.slice(numbersMatch ? numbersMatch[0].length : 0);
  let letter = 0;
  if (/^[a-z]/.test(rest)) {
    letter = rest.charCodeAt(0);
    rest = rest.slice(1);
  }
  const suffixes: [number, Num][] = [];
  for (let m = SUFFIX.exec(rest); m; m = SUFFIX.exec(rest)) {
    suffixes.push([SUFFIXES.indexOf(m[1]!), toNum(m[2] || '0')]);
    rest = rest.slice(m[0].length);
  }
  const hash = /^~[0-9a-f]+/.exec(rest);
  if (hash) rest = rest.slice(hash[0].length);
  let revision: Num = 0;
  let malformed = false;
  const rev = /^-r(\d*)/.exec(rest);
  if (rev) {
    revision = toNum(rev[1] || '0');
    rest = rest.slice(rev[0].length);
  } else if (rest) malformed = true;
  return {
    scheme: 'Alpine',
    text,
    numbers: numberText.map(toNum),
    leadingZero: numberText.map((d, i) => i > 0 && d[0] === '0'),
    numberText,
    letter,
    suffixes,
    revision,
    remainder: rest.length > 0,
    malformed,
  };
}

function compareNumbers(a: AlpineVersion, b: AlpineVersion): number {
  const n = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < n; i++) {
    if (i < a.numbers.length && i < b.numbers.length && (a.leadingZero[i] || b.leadingZero[i])) {
      // apk: a component after the first with a leading zero compares as a fraction (textually)
      const c = cmpStr(a.numberText[i]!, b.numberText[i]!);
      if (c !== 0) return c;
      continue;
    }
    const c = cmpNum(i < a.numbers.length ? a.numbers[i]! : 0, i < b.numbers.length ? b.numbers[i]! : 0);
    if (c !== 0) return c;
  }
  return 0;
}

function compareSuffixes(a: AlpineVersion, b: AlpineVersion): number {
  const n = Math.max(a.suffixes.length, b.suffixes.length);
  for (let i = 0; i < n; i++) {
    const [wa, na] = a.suffixes[i] ?? [NO_SUFFIX, 0];
    const [wb, nb] = b.suffixes[i] ?? [NO_SUFFIX, 0];
    if (wa !== wb) return wa < wb ? -1 : 1;
    const c = cmpNum(na, nb);
    if (c !== 0) return c;
  }
  return 0;
}

/** apk version order; two strings that both fall outside the grammar compare as text. */
export function compareAlpine(a: AlpineVersion, b: AlpineVersion): number {
  if (a.malformed && b.malformed) return cmpStr(a.text, b.text);
  return (
    compareNumbers(a, b) ||
    a.letter - b.letter ||
    compareSuffixes(a, b) ||
    cmpNum(a.revision, b.revision) ||
    (a.remainder === b.remainder ? 0 : a.remainder ? -1 : 1)
  );
}

/** Alpine, Wolfi, Chainguard: apk order. */
export const alpine: VersionScheme<AlpineVersion> = { id: 'Alpine', parse: parseAlpine, compare: compareAlpine };
