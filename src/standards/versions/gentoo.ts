import { cmpStr, toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/** A Gentoo ebuild version (PMS §3.2): numbers, letter, suffixes, revision. */
export interface GentooVersion extends ParsedVersion {
  readonly numbers: readonly string[];
  readonly letter: string;
  readonly suffixes: readonly (readonly [number, Num])[];
  readonly revision: Num;
}

// PMS §3.2: _alpha < _beta < _pre < _rc < (none) < _p
const SUFFIX_ORDER: Record<string, number> = { alpha: 0, beta: 1, pre: 2, rc: 3, p: 5 };
const NONE = 4;
const PATTERN = /^(\d+(?:\.\d+)*)([a-z])?((?:_(?:alpha|beta|pre|rc|p)\d*)*)(?:-r(\d+))?$/;

function parseGentoo(input: string): GentooVersion {
  const text = checkVersionText('gentoo', input);
  const m = PATTERN.exec(text);
  if (!m) throw invalidVersion('gentoo', text, 'not a PMS version (numbers, letter, _suffixes, -rN)');
  const suffixes = [...(m[3] ?? '').matchAll(/_(alpha|beta|pre|rc|p)(\d*)/g)].map((s) => [SUFFIX_ORDER[s[1]!]!, toNum(s[2] || '0')] as const);
  return { scheme: 'gentoo', text, numbers: m[1]!.split('.'), letter: m[2] ?? '', suffixes, revision: toNum(m[4] ?? '0') };
}

/** PMS §3.3 algorithms 3.2–3.7. */
export function compareGentoo(a: GentooVersion, b: GentooVersion): number {
  const an = a.numbers;
  const bn = b.numbers;
  let c = Math.sign(Number(toNum(an[0]!) > toNum(bn[0]!)) - Number(toNum(an[0]!) < toNum(bn[0]!)));
  if (c !== 0) return c;
  for (let i = 1; i < Math.min(an.length, bn.length); i++) {
    const x = an[i]!;
    const y = bn[i]!;
    if (x[0] === '0' || y[0] === '0') c = cmpStr(x.replace(/0+$/, ''), y.replace(/0+$/, ''));
    else c = toNum(x) < toNum(y) ? -1 : toNum(x) > toNum(y) ? 1 : 0;
    if (c !== 0) return c;
  }
  if (an.length !== bn.length) return an.length < bn.length ? -1 : 1;
  c = cmpStr(a.letter, b.letter);
  if (c !== 0) return c;
  for (let i = 0; i < Math.min(a.suffixes.length, b.suffixes.length); i++) {
    const [wa, na] = a.suffixes[i]!;
    const [wb, nb] = b.suffixes[i]!;
    if (wa !== wb) return wa < wb ? -1 : 1;
    if (na !== nb) return na < nb ? -1 : 1;
  }
  if (a.suffixes.length !== b.suffixes.length) {
    const extra = a.suffixes.length > b.suffixes.length ? a.suffixes[b.suffixes.length]! : b.suffixes[a.suffixes.length]!;
    const longerWins = extra[0] > NONE ? 1 : -1;
    return a.suffixes.length > b.suffixes.length ? longerWins : -longerWins;
  }
  return a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0;
}

/** Gentoo: PMS version order. */
export const gentoo: VersionScheme<GentooVersion> = { id: 'gentoo', parse: parseGentoo, compare: compareGentoo };
