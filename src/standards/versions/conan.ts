import { checkVersionText, type ParsedVersion, type VersionScheme } from './types';

/** A Conan version (conans/model/version.py): items, optional pre-release and build, each a version. */
export interface ConanVersion extends ParsedVersion {
  /** Items with trailing zeros removed; numbers where the item is an integer. */
  readonly items: readonly (number | string)[];
  readonly pre?: ConanVersion;
  readonly build?: ConanVersion;
}

function parseConanText(text: string): ConanVersion {
  let value = text;
  let build: ConanVersion | undefined;
  let pre: ConanVersion | undefined;
  const plus = value.lastIndexOf('+');
  if (plus >= 0) {
    build = parseConanText(value.slice(plus + 1));
    value = value.slice(0, plus);
  }
  const dash = value.lastIndexOf('-');
  if (dash >= 0) {
    pre = parseConanText(value.slice(dash + 1));
    value = value.slice(0, dash);
  }
  const items = value.split('.').map((i) => (/^\d+$/.test(i) ? Number(i) : i));
  while (items.length && items[items.length - 1] === 0) items.pop();
  return { scheme: 'conan', text, items, ...(pre ? { pre } : {}), ...(build ? { build } : {}) };
}

/** _VersionItem: integers compare as integers, anything else as text (mixed pairs as text). */
function compareItem(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareItems(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareItem(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareOptional(a: ConanVersion | undefined, b: ConanVersion | undefined): number {
  if (!a || !b) return a === b ? 0 : a ? 1 : -1;
  return compareConan(a, b);
}

/** Version.__lt__: a pre-release sorts before the release with the same items; builds sort after. */
export function compareConan(a: ConanVersion, b: ConanVersion): number {
  const items = compareItems(a.items, b.items);
  if (items !== 0) return items;
  if (a.pre && b.pre) return compareConan(a.pre, b.pre) || compareOptional(a.build, b.build);
  if (a.pre || b.pre) return a.pre ? -1 : 1;
  return compareOptional(a.build, b.build);
}

/** ConanCenter: Conan 2 version order. */
export const conan: VersionScheme<ConanVersion> = {
  id: 'conan',
  parse: (input) => parseConanText(checkVersionText('conan', input)),
  compare: compareConan,
};
