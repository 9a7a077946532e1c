import { FormatError } from '../problem';
import type { ParsedVersion, VersionScheme } from '../versions/types';
import { satisfies } from './dnf';
import { inScheme } from './reparse';
import type { Comparator, VersionMatcher } from './types';
import { VERS_SCHEMES } from './vers-schemes';

/** A decoded vers: `vers:<scheme>/<constraint>|<constraint>…` (vers-spec). */
export interface Vers {
  readonly scheme: string;
  /** `[comparator, version]` pairs; `['*', '']` alone means every version. */
  readonly constraints: readonly (readonly [Comparator | '*', string])[];
}

const fail = (text: string, why: string): FormatError => new FormatError('vers', [{ path: '', message: `${why}: ${JSON.stringify(text)}` }]);

const COMPARATORS: readonly Comparator[] = ['<=', '>=', '!=', '<', '>', '='];
const OP_ORDER: Record<string, number> = { '<': 0, '<=': 1, '=': 2, '!=': 3, '>=': 4, '>': 5, '*': 6 };

/** vers-spec: versions are percent-decoded once; encodings must be valid, with upper-case hex. */
function decodeVersion(raw: string, text: string, scheme: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) throw fail(text, 'non-canonical VERS: invalid percent-encoding in version');
  if (/%[0-9A-F]?[a-f]/.test(raw)) throw fail(text, 'non-canonical VERS: percent-encoding in version is not canonical');
  if (scheme === 'datetime' && /%3A/.test(raw)) throw fail(text, 'non-canonical VERS: datetime time colons must be unencoded');
  try {
    return decodeURIComponent(raw);
  } catch {
    throw fail(text, 'non-canonical VERS: invalid percent-encoding in version');
  }
}

/** Percent-encodes what would break a vers string apart. */
function encodeVersion(version: string): string {
  return version.replace(/[%|\s/?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The version order of a vers scheme; FormatError when the scheme is unknown. */
export function versScheme(scheme: string): VersionScheme {
  const s = VERS_SCHEMES[scheme];
  if (!s) throw new FormatError('vers', [{ path: '', message: `unsupported vers versioning scheme ${JSON.stringify(scheme)}` }]);
  return s;
}

/**
 * Parses a vers string. With `canonical` (the default) it refuses every departure from the
 * canonical form (whitespace, empty constraints, unsorted versions, non-canonical encoding);
 * without, it only requires a well-formed vers, as {@link normalizeVers} needs.
 */
export function parseVers(text: string, canonical = true): Vers {
  if (/\s/.test(text)) throw fail(text, 'non-canonical VERS: whitespace is not permitted');
  const m = /^vers:([^/]+)\/(.*)$/i.exec(text);
  if (!m) throw fail(text, 'not a vers: expected vers:<scheme>/<constraints>');
  if (canonical && !text.startsWith('vers:')) throw fail(text, 'non-canonical VERS: the URI scheme is lower case');
  const scheme = canonical ? m[1]! : m[1]!.toLowerCase();
  if (canonical && scheme !== scheme.toLowerCase()) throw fail(text, 'non-canonical VERS: the versioning scheme is lower case');
  const body = m[2]!;
  if (!body) throw fail(text, 'no constraints');
  if (body.startsWith('|')) throw fail(text, 'non-canonical VERS: leading pipe is not permitted');
  if (body.endsWith('|')) throw fail(text, 'non-canonical VERS: trailing pipe is not permitted');
  if (body.includes('||')) throw fail(text, 'non-canonical VERS: consecutive pipes are not permitted');
  if (body === '*') return { scheme, constraints: [['*', '']] };
  const constraints = body.split('|').map((raw): [Comparator, string] => {
    if (raw === '*') throw fail(text, '"*" must be the only constraint');
    const op = COMPARATORS.find((c) => raw.startsWith(c));
    const rest = op ? raw.slice(op.length) : raw;
    if (!rest) throw fail(text, 'a constraint needs a version');
    if (canonical && op === '=') throw fail(text, 'non-canonical VERS: "=" is implied');
    const version = decodeVersion(rest, text, scheme);
    if (scheme === 'datetime' && /[tz]/.test(version)) throw fail(text, 'non-canonical VERS: datetime must use uppercase T and Z');
    return [op ?? '=', version];
  });
  if (canonical && VERS_SCHEMES[scheme] && constraints.length > 1) {
    const s = VERS_SCHEMES[scheme]!;
    const parsed = constraints.map(([, v]) => s.parse(v));
    for (let i = 1; i < parsed.length; i++) {
      if (s.compare(parsed[i - 1]!, parsed[i]!) > 0) throw fail(text, 'non-canonical VERS: constraints are not sorted by version');
    }
  }
  return { scheme, constraints };
}

/** Writes a vers in canonical form (constraints as given; see {@link normalizeVers} to sort). */
export function serializeVers(vers: Vers): string {
  if (vers.constraints.length === 1 && vers.constraints[0]![0] === '*') return `vers:${vers.scheme}/*`;
  return `vers:${vers.scheme}/${vers.constraints.map(([op, v]) => `${op === '=' ? '' : op}${encodeVersion(v)}`).join('|')}`;
}

/** Sorts constraints by version (stable), the canonical order of vers-spec. */
export function sortVers(vers: Vers): Vers {
  if (vers.constraints[0]?.[0] === '*') return vers;
  const s = versScheme(vers.scheme);
  const keyed = vers.constraints.map((c) => ({ c, v: s.parse(c[1]) }));
  // equal versions: upper bounds before lower bounds, so adjacent intervals read in order
  keyed.sort((a, b) => s.compare(a.v, b.v) || OP_ORDER[a.c[0]]! - OP_ORDER[b.c[0]]!);
  return { scheme: vers.scheme, constraints: keyed.map((k) => k.c) };
}

/** Parses a well-formed vers and returns its canonical string. */
export function normalizeVers(text: string): string {
  return serializeVers(sortVers(parseVers(text, false)));
}

/**
 * Compiles a vers for containment (vers-spec "Checking if a version is contained within a
 * range"): `=`/`!=` decide first, then the first `<`/`<=`, the last `>`/`>=`, and each
 * `>`…`<` pair of the remaining sorted constraints.
 */
export function compileVers(text: string | Vers): VersionMatcher & { readonly vers: Vers; readonly scheme: VersionScheme } {
  const vers = sortVers(typeof text === 'string' ? parseVers(text, false) : text);
  const scheme = versScheme(vers.scheme);
  const star = vers.constraints[0]?.[0] === '*';
  const cs = star ? [] : vers.constraints.map(([op, v]) => ({ op: op as Comparator, version: scheme.parse(v) }));
  const equalities = cs.filter((c) => c.op === '=' || c.op === '!=');
  const ordered = cs.filter((c) => c.op !== '=' && c.op !== '!=');
  const contains = (v: ParsedVersion): boolean => {
    if (star) return true;
    for (const c of equalities) if (scheme.compare(v, c.version) === 0) return c.op === '=';
    const last = ordered.length - 1;
    for (let i = 0; i <= last; i++) {
      const c = ordered[i]!;
      const cmp = scheme.compare(v, c.version);
      if (i === 0 && (c.op === '<' || c.op === '<=') && satisfies(c.op, cmp)) return true;
      if (i === last && (c.op === '>' || c.op === '>=') && satisfies(c.op, cmp)) return true;
      const next = ordered[i + 1];
      if (next && (c.op === '>' || c.op === '>=') && (next.op === '<' || next.op === '<=')) {
        if (satisfies(c.op, cmp) && satisfies(next.op, scheme.compare(v, next.version))) return true;
      }
    }
    return false;
  };
  return {
    vers,
    scheme,
    matches(version) {
      const own = inScheme(version, scheme);
      return own !== null && contains(own);
    },
  };
}
