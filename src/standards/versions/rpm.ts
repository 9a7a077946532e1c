import { cmpNum, cmpStr, toNum, type Num } from './numeric';
import { checkVersionText, type ParsedVersion, type VersionScheme } from './types';

/** One rpmvercmp segment: a number, a letter run, `~` (sorts first) or `^` (sorts after the base). */
export type RpmSegment = Num | string | typeof TILDE | typeof CARET;
export const TILDE: unique symbol = Symbol('~');
export const CARET: unique symbol = Symbol('^');

/** An RPM EVR, split as rpm's parseEVR does and pre-segmented for rpmvercmp. */
export interface RpmVersion extends ParsedVersion {
  readonly epoch: Num;
  readonly version: readonly RpmSegment[];
  /** Absent when the EVR has no `-release`. */
  readonly release?: readonly RpmSegment[];
}

/** rpmvercmp's segmentation: separators (anything but ASCII alphanumerics, `~`, `^`) are dropped. */
export function rpmSegments(s: string): RpmSegment[] {
  const out: RpmSegment[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '~' || c === '^') {
      out.push(c === '~' ? TILDE : CARET);
      i++;
    } else if (c >= '0' && c <= '9') {
      const start = i;
      while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
      out.push(toNum(s.slice(start, i)));
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      const start = i;
      while (i < s.length && /[A-Za-z]/.test(s[i]!)) i++;
      out.push(s.slice(start, i));
    } else i++;
  }
  return out;
}

/** rpmvercmp (rpm lib/rpmvercmp.c) over pre-segmented strings. */
export function rpmvercmp(a: readonly RpmSegment[], b: readonly RpmSegment[]): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === TILDE || y === TILDE) {
      if (x !== TILDE) return 1;
      if (y !== TILDE) return -1;
    } else if (x === CARET || y === CARET) {
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      if (x !== CARET) return 1;
      if (y !== CARET) return -1;
    } else {
      if (x === undefined || y === undefined) break;
      const xs = typeof x === 'string';
      const ys = typeof y === 'string';
      // numeric segments are newer than alpha segments
      if (xs !== ys) return xs ? -1 : 1;
      const c = xs ? cmpStr(x, y as string) : cmpNum(x as Num, y as Num);
      if (c !== 0) return c;
    }
    i++;
    j++;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** Splits `[epoch:]version[-release]` as rpm's parseEVR: an epoch is leading digits before `:`. */
function parseRpm(input: string, scheme: string): RpmVersion {
  const text = checkVersionText(scheme, input);
  let s = 0;
  while (s < text.length && text[s]! >= '0' && text[s]! <= '9') s++;
  let epoch: Num = 0;
  let rest = text;
  let from = s;
  if (text[s] === ':') {
    epoch = s === 0 ? 0 : toNum(text.slice(0, s));
    rest = text.slice(s + 1);
    from = 0;
  }
  const dash = rest.lastIndexOf('-');
  if (dash >= from) {
    return { scheme, text, epoch, version: rpmSegments(rest.slice(0, dash)), release: rpmSegments(rest.slice(dash + 1)) };
  }
  return { scheme, text, epoch, version: rpmSegments(rest) };
}

/** Epoch, version, then release; an EVR without a release sorts before one with a release. */
export function compareRpm(a: RpmVersion, b: RpmVersion): number {
  const e = cmpNum(a.epoch, b.epoch);
  if (e !== 0) return e;
  const v = rpmvercmp(a.version, b.version);
  if (v !== 0) return v;
  if (a.release === undefined || b.release === undefined) {
    return a.release === b.release ? 0 : a.release === undefined ? -1 : 1;
  }
  return rpmvercmp(a.release, b.release);
}

/** Red Hat, AlmaLinux, Rocky Linux, openSUSE, SUSE and other RPM distributions: rpm order. */
export const rpm: VersionScheme<RpmVersion> = { id: 'RPM', parse: (t) => parseRpm(t, 'RPM'), compare: compareRpm };
