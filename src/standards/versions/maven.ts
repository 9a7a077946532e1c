import { cmpNum, cmpStr, numEq, toNum, type Num } from './numeric';
import { checkVersionText, type ParsedVersion, type VersionScheme } from './types';

/**
 * Maven's ComparableVersion (maven-artifact 3.8.6, the release the public ground truth was generated with), as a tree of items: numbers, qualifiers
 * and sub-lists (a `-` or a digit/letter switch opens a sub-list). See
 * docs/adr/0101-maven-version-order.md for why this, and not an older Maven, is followed.
 */
export type MavenItem =
  | { readonly kind: 0; readonly value: Num }
  | { readonly kind: 1; readonly rank: number; readonly name: string }
  | { readonly kind: 2; readonly items: readonly MavenItem[] };

export interface MavenVersion extends ParsedVersion {
  readonly items: readonly MavenItem[];
}

// ComparableVersion.StringItem: the well-known qualifiers in order; "" is the release.
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_RANK = QUALIFIERS.indexOf('');
const UNKNOWN_RANK = QUALIFIERS.length;

type Item = MavenItem;
type MutableList = { kind: 2; items: Item[] };

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  // "a1", "b2", "m3" are short for alpha-1, beta-2, milestone-3
  if (followedByDigit && v.length === 1) v = v === 'a' ? 'alpha' : v === 'b' ? 'beta' : v === 'm' ? 'milestone' : v;
  v = ALIASES[v] ?? v;
  const i = QUALIFIERS.indexOf(v);
  return i >= 0 ? { kind: 1, rank: i, name: '' } : { kind: 1, rank: UNKNOWN_RANK, name: v };
}

function parseItem(isDigit: boolean, buf: string): Item {
  return isDigit ? { kind: 0, value: toNum(buf.replace(/^0+(?=.)/, '')) } : stringItem(buf, false);
}

function isNull(item: Item): boolean {
  if (item.kind === 0) return numEq(item.value, 0);
  if (item.kind === 1) return item.rank === RELEASE_RANK;
  return item.items.length === 0;
}

/** ListItem.normalize: drop trailing null items (0, "", empty lists) before the last list. */
function normalize(list: MutableList): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const last = list.items[i]!;
    if (isNull(last)) list.items.splice(i, 1);
    else if (last.kind !== 2) break;
  }
}

function parseMaven(input: string): MavenVersion {
  const text = checkVersionText('Maven', input);
  const version = text.toLowerCase();
  const root: MutableList = { kind: 2, items: [] };
  let list = root;
  const stack: MutableList[] = [root];
  const push = (): void => {
    const sub: MutableList = { kind: 2, items: [] };
    list.items.push(sub);
    list = sub;
    stack.push(sub);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < version.length; i++) {
    const c = version[i]!;
    if (c === '.' || c === '-') {
      list.items.push(i === start ? { kind: 0, value: 0 } : parseItem(isDigit, version.slice(start, i)));
      start = i + 1;
      if (c === '-') push();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.items.push(stringItem(version.slice(start, i), true));
        start = i;
        push();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.items.push(parseItem(true, version.slice(start, i)));
        start = i;
        push();
      }
      isDigit = false;
    }
  }
  if (version.length > start) {
    list.items.push(parseItem(isDigit, version.slice(start)));
  }
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i]!);
  return { scheme: 'Maven', text, items: root.items };
}

/** Item.compareTo(null): how an item compares with "nothing" (a missing item). */
function compareWithNull(item: Item): number {
  if (item.kind === 0) return numEq(item.value, 0) ? 0 : 1;
  if (item.kind === 1) return item.rank - RELEASE_RANK;
  // maven-artifact 3.8.6: a list compares with "nothing" through its first item only
  return item.items.length === 0 ? 0 : compareWithNull(item.items[0]!);
}

function compareItems(a: Item, b: Item | undefined): number {
  if (b === undefined) return compareWithNull(a);
  if (a.kind === 0) return b.kind === 0 ? cmpNum(a.value, b.value) : 1;
  if (a.kind === 1) {
    if (b.kind !== 1) return -1;
    return a.rank - b.rank || cmpStr(a.name, b.name);
  }
  if (b.kind === 0) return -1;
  if (b.kind === 1) return 1;
  return compareLists(a.items, b.items);
}

function compareLists(a: readonly Item[], b: readonly Item[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const l = a[i];
    const r = b[i];
    const c = l === undefined ? (r === undefined ? 0 : -compareItems(r, undefined)) : compareItems(l, r);
    if (c !== 0) return c;
  }
  return 0;
}

/** Maven: ComparableVersion order. Every string is a Maven version, so parse only rejects empty or blank input. */
export const maven: VersionScheme<MavenVersion> = {
  id: 'Maven',
  parse: parseMaven,
  compare: (a, b) => compareLists(a.items, b.items),
};
