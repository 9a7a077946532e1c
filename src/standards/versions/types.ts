import { FormatError } from '../problem';

/**
 * A version parsed once by its scheme. The `text` is what was given; everything a
 * comparison needs lives in scheme-specific, pre-tokenised fields, so comparing two
 * parsed versions does no string parsing.
 */
export interface ParsedVersion {
  /** The id of the scheme that parsed it (e.g. `semver`, `pep440`, `maven`). */
  readonly scheme: string;
  /** The version exactly as given. */
  readonly text: string;
}

/** A version-ordering scheme: parse once, compare many times. */
export interface VersionScheme<V extends ParsedVersion = ParsedVersion> {
  /** Stable id, e.g. `npm`, `pep440`, `debian`. */
  readonly id: string;
  /** Parses a version; throws {@link FormatError} naming the scheme and the version when invalid. */
  parse(text: string): V;
  /** Total order over parsed versions: negative, zero or positive. */
  compare(a: V, b: V): number;
  /** The canonical spelling, where the scheme has one (e.g. NuGet's case-insensitive labels). */
  canonical?(v: V): string;
}

/** The error every scheme throws for a version it does not accept. */
export function invalidVersion(scheme: string, text: string, why: string): FormatError {
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return new FormatError(scheme, [{ path: '', message: `invalid version ${JSON.stringify(shown)}: ${why}` }]);
}

/** Versions longer than this are refused outright: no real ecosystem uses them. */
export const MAX_VERSION_LENGTH = 1024;

/** Whether `t` holds an ASCII control character (U+0000–U+001F or DEL). */
function hasControlCharacter(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * Checks what every scheme requires of its input (a non-empty string of printable
 * characters, no whitespace inside, bounded length) and returns it trimmed.
 */
export function checkVersionText(scheme: string, text: unknown, trim = true): string {
  if (typeof text !== 'string') throw invalidVersion(scheme, String(text), 'not a string');
  const t = trim ? text.trim() : text;
  if (t.length === 0) throw invalidVersion(scheme, text, 'empty');
  if (t.length > MAX_VERSION_LENGTH) throw invalidVersion(scheme, text, `longer than ${MAX_VERSION_LENGTH} characters`);
  if (/\s/.test(t) || hasControlCharacter(t)) throw invalidVersion(scheme, text, 'contains whitespace or control characters');
  return t;
}
