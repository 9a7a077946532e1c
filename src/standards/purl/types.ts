/**
 * A Package URL (ECMA-427 / purl-spec) as decoded components. Every string is the decoded
 * value (no percent-encoding); `serializePurl` produces the canonical string.
 */
export interface PackageURL {
  readonly type: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly version: string | null;
  /** Lower-case keys; `null` when there is none (purl-spec §qualifiers). */
  readonly qualifiers: Readonly<Record<string, string>> | null;
  readonly subpath: string | null;
}

/** Components as a caller supplies them to `buildPurl` (the purl-spec "build" input). */
export interface PurlComponents {
  readonly type?: string | null;
  readonly namespace?: string | null;
  readonly name?: string | null;
  readonly version?: string | null;
  readonly qualifiers?: Readonly<Record<string, string>> | null;
  readonly subpath?: string | null;
}

/**
 * How strictly input is read. `strict` (the default for `parsePurl`) rejects what the
 * purl-spec "required" tests reject; `lenient` (used by `normalizePurl`) repairs what the
 * "recommended" tests repair, e.g. an upper-case qualifier key.
 */
export type PurlMode = 'strict' | 'lenient';
