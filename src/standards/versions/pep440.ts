import { cmpNum, cmpNumArrays, cmpStr, numEq, toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/**
 * A PyPI version. PEP 440 versions carry the packaging `_cmpkey` fields; versions that
 * are not PEP 440 ("legacy", e.g. `0.1-bulbasaur`) carry the LegacyVersion key that
 * setuptools and packaging < 22 used, and sort before every PEP 440 version.
 */
export interface Pep440Version extends ParsedVersion {
  readonly legacy: boolean;
  readonly epoch: Num;
  /** Release with trailing zeros removed (PEP 440 §"Release segment": 1.0 == 1.0.0). */
  readonly release: readonly Num[];
  /** Pre-release phase: -2 dev-only (sorts before any pre), 0 a, 1 b, 2 rc, 3 none. */
  readonly prePhase: number;
  readonly preNumber: Num;
  /** Post-release number, or -1 when there is none. */
  readonly post: Num;
  /** Dev-release number, or Infinity when there is none. */
  readonly dev: Num;
  /** Local segments: numbers sort after strings; empty when there is none. */
  readonly local: readonly (Num | string)[];
  /** LegacyVersion parts (only for legacy versions). */
  readonly legacyParts: readonly string[];
}

// PEP 440 Appendix B: the canonical parsing regular expression.
const PEP440 = new RegExp(
  '^v?(?:(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)' +
    '([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?' +
    '((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?' +
    '([-_.]?(dev)[-_.]?([0-9]+)?)?)' +
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$',
  'i',
);

const PRE_PHASE: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

// packaging < 22, LegacyVersion: components and their replacements.
const LEGACY_COMPONENT = /(\d+|[a-z]+|\.|-)/g;
const LEGACY_REPLACE: Record<string, string> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

function legacyParts(version: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  const lower = version.toLowerCase();
  for (const m of lower.matchAll(LEGACY_COMPONENT)) {
    if (m.index! > last) pieces.push(lower.slice(last, m.index));
    pieces.push(m[0]);
    last = m.index! + m[0].length;
  }
  if (last < lower.length) pieces.push(lower.slice(last));
  const parts: string[] = [];
  const emit = (raw: string): void => {
    const part = LEGACY_REPLACE[raw] ?? raw;
    if (!part || part === '.') return;
    const p = part[0]! >= '0' && part[0]! <= '9' ? part.padStart(8, '0') : `*${part}`;
    if (p.startsWith('*')) {
      // remove "-" before a pre-release tag, and trailing zeros of each numeric series
      if (p < '*final') while (parts.length && parts[parts.length - 1] === '*final-') parts.pop();
      while (parts.length && parts[parts.length - 1] === '00000000') parts.pop();
    }
    parts.push(p);
  };
  for (const piece of pieces) emit(piece);
  emit('final');
  return parts;
}

function parsePep440(input: string): Pep440Version {
  const text = checkVersionText('PyPI', input);
  const m = PEP440.exec(text);
  if (!m) {
    if (!/^[\x21-\x7e]+$/.test(text)) throw invalidVersion('PyPI', text, 'neither PEP 440 nor a printable legacy version');
    return {
      scheme: 'PyPI',
      text,
      legacy: true,
      epoch: -1,
      release: [],
      prePhase: 3,
      preNumber: 0,
      post: -1,
      dev: Infinity,
      local: [],
      legacyParts: legacyParts(text),
    };
  }
  const release = m[2]!.split('.').map(toNum);
  while (release.length > 1 && numEq(release[release.length - 1]!, 0)) release.pop();
  const hasPre = m[3] !== undefined;
  const hasPost = m[6] !== undefined;
  const hasDev = m[10] !== undefined;
  // packaging's _cmpkey: a dev release of a final sorts before its pre-releases
  const prePhase = hasPre ? PRE_PHASE[m[4]!.toLowerCase()]! : !hasPost && hasDev ? -2 : 3;
  return {
    scheme: 'PyPI',
    text,
    legacy: false,
    epoch: m[1] ? toNum(m[1]) : 0,
    release,
    prePhase,
    preNumber: hasPre && m[5] ? toNum(m[5]) : 0,
    post: hasPost ? toNum(m[7] ?? m[9] ?? '0') : -1,
    dev: hasDev ? toNum(m[12] ?? '0') : Infinity,
    local: m[13]
      ? m[13]
          .toLowerCase()
          .split(/[-_.]/)
          .map((s) => (/^\d+$/.test(s) ? toNum(s) : s))
      : [],
    legacyParts: [],
  };
}

function cmpLocal(a: readonly (Num | string)[], b: readonly (Num | string)[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xs = typeof x === 'string';
    const ys = typeof y === 'string';
    // PEP 440 local versions: numeric segments sort after alphanumeric ones
    const c = xs && ys ? cmpStr(x, y) : xs ? -1 : ys ? 1 : cmpNum(x as Num, y as Num);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function cmpLegacy(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = cmpStr(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Compares two PyPI versions per PEP 440 §"Summary of permitted suffixes and relative ordering". */
export function comparePep440(a: Pep440Version, b: Pep440Version): number {
  if (a.legacy || b.legacy) {
    if (a.legacy && b.legacy) return cmpLegacy(a.legacyParts, b.legacyParts);
    return a.legacy ? -1 : 1;
  }
  return (
    cmpNum(a.epoch, b.epoch) ||
    cmpNumArrays(a.release, b.release) ||
    a.prePhase - b.prePhase ||
    cmpNum(a.preNumber, b.preNumber) ||
    cmpNum(a.post, b.post) ||
    cmpNum(a.dev, b.dev) ||
    cmpLocal(a.local, b.local)
  );
}

/** PyPI: PEP 440, with the legacy ordering for pre-PEP 440 versions still on PyPI. */
export const pep440: VersionScheme<Pep440Version> = { id: 'PyPI', parse: parsePep440, compare: comparePep440 };
