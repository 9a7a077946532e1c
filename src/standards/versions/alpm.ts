import { checkVersionText, type ParsedVersion, type VersionScheme } from './types';

/** An Arch Linux (alpm) version `[epoch:]version[-pkgrel]`. */
export interface AlpmVersion extends ParsedVersion {
  readonly epoch: string;
  readonly version: string;
  readonly release?: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);

/**
 * pacman's rpmvercmp (lib/libalpm/version.c): like rpm's, but separator runs of different
 * lengths decide, and a trailing letter run loses to the end of the string (1.5b < 1.5).
 */
export function alpmVercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const si = i;
    const sj = j;
    while (i < a.length && !isAlnum(a[i])) i++;
    while (j < b.length && !isAlnum(b[j])) j++;
    if (i >= a.length || j >= b.length) break;
    if (i - si !== j - sj) return i - si < j - sj ? -1 : 1;
    const num = isDigit(a[i]);
    const ei = i;
    const ej = j;
    const cls = num ? isDigit : isAlpha;
    while (i < a.length && cls(a[i])) i++;
    while (j < b.length && cls(b[j])) j++;
    if (j === ej) return num ? 1 : -1;
    let x = a.slice(ei, i);
    let y = b.slice(ej, j);
    if (num) {
      x = x.replace(/^0+/, '');
      y = y.replace(/^0+/, '');
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
    }
    if (x !== y) return x < y ? -1 : 1;
  }
  if (i >= a.length && j >= b.length) return 0;
  // the final showdown: a remaining alpha run never beats an empty string
  return (i >= a.length && !isAlpha(b[j])) || isAlpha(a[i]) ? -1 : 1;
}

function parseAlpm(input: string): AlpmVersion {
  const text = checkVersionText('alpm', input);
  const colon = text.indexOf(':');
  const epoch = colon >= 0 && /^\d*$/.test(text.slice(0, colon)) ? text.slice(0, colon) || '0' : '0';
  const rest = colon >= 0 && /^\d*$/.test(text.slice(0, colon)) ? text.slice(colon + 1) : text;
  const dash = rest.lastIndexOf('-');
  return dash >= 0
    ? { scheme: 'alpm', text, epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) }
    : { scheme: 'alpm', text, epoch, version: rest };
}

/** alpm_pkg_vercmp: epoch, version, then pkgrel only when both have one. */
export const alpm: VersionScheme<AlpmVersion> = {
  id: 'alpm',
  parse: parseAlpm,
  compare(a, b) {
    return (
      alpmVercmp(a.epoch, b.epoch) ||
      alpmVercmp(a.version, b.version) ||
      (a.release !== undefined && b.release !== undefined ? alpmVercmp(a.release, b.release) : 0)
    );
  },
};
