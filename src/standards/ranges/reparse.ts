import type { ParsedVersion, VersionScheme } from '../versions/types';

const reparsed = new WeakMap<ParsedVersion, ParsedVersion | null>();

/**
 * The version in the scheme a range was compiled with. A version parsed by another scheme
 * (e.g. an npm version against a vers `semver` range) is re-read once and remembered;
 * `null` when that scheme rejects it.
 */
export function inScheme(v: ParsedVersion, scheme: VersionScheme): ParsedVersion | null {
  if (v.scheme === scheme.id) return v;
  let hit = reparsed.get(v);
  if (hit === undefined || (hit !== null && hit.scheme !== scheme.id)) {
    try {
      hit = scheme.parse(v.text);
    } catch {
      hit = null;
    }
    reparsed.set(v, hit);
  }
  return hit;
}
