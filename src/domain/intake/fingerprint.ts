import { createHash } from 'node:crypto';
import type { DedupFacts } from './finding';

/**
 * Exact fingerprints (ADR 0010). Several per finding, each from a versioned algorithm, so
 * an algorithm can change without re-deciding old reports (DefectDojo's per-parser hash
 * fields are the cautionary tale: clearinghouse-anchors §4 "Avoid" 3). A hit on any one of a
 * finding's fingerprints makes it an exact duplicate.
 */
export const FINGERPRINT_VERSION = 'v1';

export type FingerprintKind = 'loc' | 'fn' | 'ep' | 'txt';

export interface Fingerprint {
  /** `v1:loc`, `v1:fn`, … */
  readonly algorithm: string;
  /** 128-bit hex digest of the normalised key. */
  readonly value: string;
}

/** A file path as tools write it, reduced to a repository-relative form. */
export function normaliseFile(file: string): string {
  return file
    .trim()
    .replace(/^file:\/\/[^/]*/i, '')
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(?:\.?\/)+/, '');
}

/** A function name without its parameter list or whitespace (`ns::f(int) const` → `ns::f`). */
export function normaliseFunction(fn: string): string {
  return fn
    .trim()
    .replace(/\s*\(.*$/s, '')
    .replace(/\s+/g, '');
}

const ID_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;

/** An HTTP endpoint (`GET /users/42?x=1`) as a route: method upper-case, no query, ids as `:id`. */
export function normaliseEndpoint(endpoint: string): string {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(endpoint);
  const method = m ? m[1]!.toUpperCase() : '';
  let path = (m ? m[2]! : endpoint.trim()).replace(/^[a-z][\w+.-]*:\/\/[^/]+/i, '').split(/[?#]/)[0]!;
  path = path
    .split('/')
    .map((s) => (ID_SEGMENT.test(s) ? ':id' : s.toLowerCase()))
    .join('/')
    .replace(/\/+$/, '');
  return method ? `${method} ${path || '/'}` : path || '/';
}

/** Text as compared for equality: case, punctuation and whitespace do not matter. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const digest = (parts: readonly (string | number)[]): string => createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 32);

/**
 * Every exact fingerprint of a finding: location (file + line), function and endpoint, each
 * with the target and the weakness; the normalised text when the finding names no place.
 */
export function fingerprintsOf(f: DedupFacts): Fingerprint[] {
  const out: Fingerprint[] = [];
  const add = (kind: FingerprintKind, parts: (string | number)[]) =>
    out.push({ algorithm: `${FINGERPRINT_VERSION}:${kind}`, value: digest([FINGERPRINT_VERSION, kind, f.targetKey, f.cwe ?? '', ...parts]) });
  const file = f.file ? normaliseFile(f.file) : '';
  if (file && f.line !== null) add('loc', [file, f.line]);
  if (f.function) add('fn', [file, normaliseFunction(f.function)]);
  if (f.endpoint) add('ep', [normaliseEndpoint(f.endpoint)]);
  // Without any place, the text itself is the fingerprint (an exact resubmission).
  if (out.length === 0) add('txt', [normaliseText(`${f.title}\n${f.description}`)]);
  return out;
}
