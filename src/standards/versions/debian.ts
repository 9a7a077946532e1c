import { cmpNumArrays, toNum, type Num } from './numeric';
import { checkVersionText, invalidVersion, type ParsedVersion, type VersionScheme } from './types';

/**
 * A Debian version `[epoch:]upstream[-revision]` (Debian Policy §5.6.12). Upstream and
 * revision are pre-encoded for dpkg's verrevcmp: each non-digit run as character weights
 * closed by 0, then the digit run's value — so comparison is a numeric array walk.
 */
export interface DebianVersion extends ParsedVersion {
  readonly epoch: Num;
  readonly upstream: readonly Num[];
  readonly revision: readonly Num[];
}

/** dpkg lib/dpkg/version.c order(): `~` before the end, letters before other symbols. */
function weight(c: number): number {
  if (c === 0x7e) return -1;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return c;
  return c + 256;
}

/** Encodes a version part for {@link compareDebianKeys}. */
export function encodeVerrev(s: string): Num[] {
  const key: Num[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && !(s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39)) key.push(weight(s.charCodeAt(i++)));
    key.push(0);
    const start = i;
    while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
    key.push(start === i ? 0 : toNum(s.slice(start, i)));
  }
  return key;
}

/** verrevcmp over encoded keys: a missing position counts as 0 (an empty run or number). */
export const compareDebianKeys = (a: readonly Num[], b: readonly Num[]): number => cmpNumArrays(a, b);

const UPSTREAM = /^[0-9][A-Za-z0-9.+~:-]*$/;
const REVISION = /^[A-Za-z0-9.+~]+$/;

/** Parses per dpkg parseversion(), refusing what it reports as bad syntax. */
export function parseDebian(input: string, scheme = 'Debian'): DebianVersion {
  const text = checkVersionText(scheme, input);
  let rest = text;
  let epoch: Num = 0;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const e = rest.slice(0, colon);
    if (!/^\d+$/.test(e)) throw invalidVersion(scheme, text, 'epoch in version is not a number');
    epoch = toNum(e);
    rest = rest.slice(colon + 1);
    if (!rest) throw invalidVersion(scheme, text, 'nothing after colon in version number');
  }
  const dash = rest.lastIndexOf('-');
  let revision = '';
  if (dash >= 0) {
    revision = rest.slice(dash + 1);
    rest = rest.slice(0, dash);
    if (!revision) throw invalidVersion(scheme, text, 'revision number is empty');
    if (!REVISION.test(revision)) throw invalidVersion(scheme, text, 'invalid character in revision number');
  }
  if (!rest) throw invalidVersion(scheme, text, 'version number is empty');
  if (!UPSTREAM.test(rest)) {
    throw invalidVersion(scheme, text, /^[0-9]/.test(rest) ? 'invalid character in version number' : 'version number does not start with digit');
  }
  return { scheme, text, epoch, upstream: encodeVerrev(rest), revision: encodeVerrev(revision) };
}

/** dpkg's version comparison: epoch, then upstream, then revision (Debian Policy §5.6.12). */
export function compareDebian(a: DebianVersion, b: DebianVersion): number {
  if (a.epoch < b.epoch) return -1;
  if (a.epoch > b.epoch) return 1;
  return compareDebianKeys(a.upstream, b.upstream) || compareDebianKeys(a.revision, b.revision);
}

/** Debian and Ubuntu: dpkg order. */
export const debian: VersionScheme<DebianVersion> = { id: 'Debian', parse: (t) => parseDebian(t), compare: compareDebian };
