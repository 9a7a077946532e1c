import { FormatError, pointer, type Problem } from '../problem';
import { ecosystemFor, type Ecosystem } from '../versions/registry';
import { lenientSemver } from '../versions/semver';
import type { ParsedVersion, VersionScheme } from '../versions/types';
import { inScheme } from './reparse';
import type { VersionMatcher } from './types';

/** The OSV 1.7 `affected[]` fields a matcher needs. */
/** OSV §affected[].ranges[].events[]: exactly one of these keys (checked when compiled). */
export interface OsvRangeEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
  readonly limit?: string;
}

export interface OsvAffected {
  readonly package?: { readonly ecosystem?: string; readonly name?: string };
  readonly ranges?: readonly {
    readonly type: string;
    readonly repo?: string;
    readonly events: readonly OsvRangeEvent[];
  }[];
  readonly versions?: readonly string[];
}

export const INTRODUCED = 0;
export const FIXED = 1;
export const LAST_AFFECTED = 2;
export const LIMIT = 3;
const EVENT_KINDS: Readonly<Record<keyof OsvRangeEvent, number>> = { introduced: INTRODUCED, fixed: FIXED, last_affected: LAST_AFFECTED, limit: LIMIT };
const isEventKey = (key: string | undefined): key is keyof OsvRangeEvent => key !== undefined && Object.hasOwn(EVENT_KINDS, key);
const SEMVER_FAMILY = new Set(['npm', 'Go', 'crates.io', 'Hex', 'Pub', 'semver']);

/** One compiled SEMVER or ECOSYSTEM range: its events sorted by version (OSV §"Evaluation"). */
export interface CompiledRange {
  readonly scheme: VersionScheme;
  readonly kinds: Int8Array;
  /** Event versions in ascending order; `null` is `introduced: "0"` (below everything). */
  readonly bounds: readonly (ParsedVersion | null)[];
}

/** OSV schema §"Evaluation": walk the sorted events, the last applicable one decides. */
function inRange(range: CompiledRange, v: ParsedVersion): boolean {
  let affected = false;
  const { kinds, bounds, scheme } = range;
  for (let i = 0; i < kinds.length; i++) {
    const bound = bounds[i];
    const c = bound === null ? 1 : scheme.compare(v, bound!);
    // events are sorted: once v is below an event, no later event can apply
    if (c < 0) break;
    const kind = kinds[i];
    if (kind === INTRODUCED) affected = true;
    else if (kind === FIXED || kind === LIMIT) affected = false;
    else if (c > 0) affected = false;
  }
  return affected;
}

function compileRange(range: NonNullable<OsvAffected['ranges']>[number], scheme: VersionScheme, path: string, problems: Problem[]): CompiledRange | undefined {
  if (!range || typeof range !== 'object' || !Array.isArray(range.events)) {
    problems.push({ path, message: 'a range needs an events array' });
    return undefined;
  }
  const events: { kind: number; version: ParsedVersion | null; order: number }[] = [];
  range.events.forEach((event, i) => {
    const keys = event && typeof event === 'object' ? Object.keys(event) : [];
    const key = keys[0];
    const at = pointer(pointer(path, 'events'), i);
    if (keys.length !== 1 || !isEventKey(key) || typeof event[key] !== 'string') {
      problems.push({ path: at, message: 'an event has exactly one of introduced, fixed, last_affected, limit (a string)' });
      return;
    }
    const text = event[key]!;
    const kind = EVENT_KINDS[key];
    if (kind === INTRODUCED && text === '0') {
      events.push({ kind, version: null, order: i });
      return;
    }
    try {
      events.push({ kind, version: scheme.parse(text), order: i });
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      problems.push({ path: pointer(at, key), message: err.message });
    }
  });
  events.sort((a, b) =>
    a.version === null || b.version === null
      ? (a.version === null ? 0 : 1) - (b.version === null ? 0 : 1) || a.order - b.order
      : scheme.compare(a.version, b.version) || a.order - b.order,
  );
  return { scheme, kinds: Int8Array.from(events.map((e) => e.kind)), bounds: events.map((e) => e.version) };
}

/** The parts of a compiled `affected` entry, for indexes that place many entries on one axis (affected-table.ts). */
export interface CompiledAffected {
  /** The ecosystem's own order (listed versions are parsed with it). */
  readonly scheme: VersionScheme;
  readonly ranges: readonly CompiledRange[];
  /** `versions` as written (an unparseable one still matches by its text). */
  readonly listedText: ReadonlySet<string>;
  /** `versions` the ecosystem could parse. */
  readonly listed: readonly ParsedVersion[];
}

/** A compiled OSV `affected` entry. */
export interface AffectedMatcher extends VersionMatcher {
  /** GIT ranges are about commits, not versions: they are kept out of `matches`. */
  readonly gitRanges: number;
  readonly compiled: CompiledAffected;
}

/**
 * Compiles one OSV `affected[]` entry (OSV schema 1.7 §affected.ranges, §affected.versions)
 * for an ecosystem (default: the entry's own `package.ecosystem`). SEMVER ranges use the
 * ecosystem's SemVer order when it has one and lenient SemVer otherwise; ECOSYSTEM ranges
 * use the ecosystem's order. Every malformed event is reported, each with its JSON Pointer.
 */
export function compileAffected(entry: OsvAffected, ecosystem?: Ecosystem | string): AffectedMatcher {
  const problems: Problem[] = [];
  if (!entry || typeof entry !== 'object') throw new FormatError('osv', [{ path: '', message: 'an affected entry is an object' }]);
  const ecoName = typeof ecosystem === 'string' ? ecosystem : (ecosystem?.name ?? entry.package?.ecosystem);
  if (!ecoName) throw new FormatError('osv', [{ path: '/package/ecosystem', message: 'no ecosystem given' }]);
  const eco = typeof ecosystem === 'object' ? ecosystem : ecosystemFor(ecoName);
  const semverScheme = SEMVER_FAMILY.has(eco.scheme.id) ? eco.scheme : lenientSemver;
  const ranges: CompiledRange[] = [];
  let gitRanges = 0;
  (entry.ranges ?? []).forEach((range, i) => {
    const path = pointer('/ranges', i);
    if (range?.type === 'GIT') {
      gitRanges++;
      return;
    }
    if (range?.type !== 'SEMVER' && range?.type !== 'ECOSYSTEM') {
      problems.push({ path: pointer(path, 'type'), message: 'range type must be SEMVER, ECOSYSTEM or GIT' });
      return;
    }
    const compiled = compileRange(range, range.type === 'SEMVER' ? semverScheme : eco.scheme, path, problems);
    if (compiled) ranges.push(compiled);
  });
  const listedText = new Set<string>();
  const listed: ParsedVersion[] = [];
  if (entry.versions !== undefined && !Array.isArray(entry.versions)) problems.push({ path: '/versions', message: 'versions is an array of strings' });
  for (const [i, text] of (entry.versions ?? []).entries()) {
    if (typeof text !== 'string') {
      problems.push({ path: pointer('/versions', i), message: 'a version is a string' });
      continue;
    }
    listedText.add(text);
    try {
      listed.push(eco.scheme.parse(text));
    } catch {
      // a listed version the ecosystem cannot parse can still match by its exact text
    }
  }
  if (problems.length) throw new FormatError('osv', problems);
  const search = listedSearch(listed, eco.scheme);
  return { gitRanges, compiled: { scheme: eco.scheme, ranges, listedText, listed }, matches: (v) => matchAffected(v, ranges, listedText, search) };
}

/** Lists at most this long are scanned; longer ones (GHSA lists hundreds of versions) are searched. */
const SCAN_LIMIT = 16;

/**
 * Finds a listed version equal to `v` under the scheme's order (another spelling of a listed
 * version, such as `1.0` for `1.0.0`): a binary search over the list sorted once, or a scan
 * when the list is short or its order is not consistent (a scheme's few versions outside its
 * total order, e.g. Composer branch aliases).
 */
function listedSearch(listed: ParsedVersion[], scheme: VersionScheme): (v: ParsedVersion) => boolean {
  const scan = (v: ParsedVersion) => {
    for (const l of listed) if (l.scheme === v.scheme && scheme.compare(v, l) === 0) return true;
    return false;
  };
  if (listed.length <= SCAN_LIMIT) return scan;
  const sorted = [...listed].sort((a, b) => scheme.compare(a, b));
  for (let i = 1; i < sorted.length; i++) if (scheme.compare(sorted[i - 1]!, sorted[i]!) > 0) return scan;
  return (v) => {
    if (v.scheme !== sorted[0]!.scheme) return false;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = scheme.compare(v, sorted[mid]!);
      if (c === 0) return true;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return false;
  };
}

function matchAffected(v: ParsedVersion, ranges: readonly CompiledRange[], listedText: ReadonlySet<string>, listed: (v: ParsedVersion) => boolean): boolean {
  if (listedText.size && listedText.has(v.text)) return true;
  if (listed(v)) return true;
  for (const range of ranges) {
    const own = inScheme(v, range.scheme);
    if (own && inRange(range, own)) return true;
  }
  return false;
}
