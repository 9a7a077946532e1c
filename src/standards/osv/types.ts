/**
 * OSV schema 1.7 (https://ossf.github.io/osv-schema/) record types. Field names are the
 * specification's. Lists may be `null` where the official schema allows it.
 */

/** OSV §severity: a score with its scoring system. */
export interface OsvSeverity {
  readonly type: 'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4' | 'Ubuntu';
  readonly score: string;
}

/** OSV §affected[].package: the package in its ecosystem. */
export interface OsvPackage {
  readonly ecosystem: string;
  readonly name: string;
  readonly purl?: string;
}

/** OSV §affected[].ranges[].events: exactly one key per event. */
export type OsvEvent = { readonly introduced: string } | { readonly fixed: string } | { readonly last_affected: string } | { readonly limit: string };

/** OSV §affected[].ranges[]. */
export interface OsvRange {
  readonly type: 'GIT' | 'SEMVER' | 'ECOSYSTEM';
  readonly repo?: string;
  readonly events: readonly OsvEvent[];
  readonly database_specific?: Readonly<Record<string, unknown>>;
}

/** OSV §affected[]. */
export interface OsvAffected {
  readonly package?: OsvPackage;
  readonly severity?: readonly OsvSeverity[] | null;
  readonly ranges?: readonly OsvRange[];
  readonly versions?: readonly string[];
  readonly ecosystem_specific?: Readonly<Record<string, unknown>>;
  readonly database_specific?: Readonly<Record<string, unknown>>;
}

/** OSV §references[].type. */
export type OsvReferenceType = 'ADVISORY' | 'ARTICLE' | 'DETECTION' | 'DISCUSSION' | 'REPORT' | 'FIX' | 'INTRODUCED' | 'GIT' | 'PACKAGE' | 'EVIDENCE' | 'WEB';

export interface OsvReference {
  readonly type: OsvReferenceType;
  readonly url: string;
}

/** OSV §credits[]. */
export interface OsvCredit {
  readonly name: string;
  readonly contact?: readonly string[];
  readonly type?:
    | 'FINDER'
    | 'REPORTER'
    | 'ANALYST'
    | 'COORDINATOR'
    | 'REMEDIATION_DEVELOPER'
    | 'REMEDIATION_REVIEWER'
    | 'REMEDIATION_VERIFIER'
    | 'TOOL'
    | 'SPONSOR'
    | 'OTHER';
}

/** An OSV record (OSV schema 1.7). */
export interface OsvRecord {
  readonly schema_version?: string;
  readonly id: string;
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly aliases?: readonly string[] | null;
  readonly related?: readonly string[];
  readonly upstream?: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  readonly severity?: readonly OsvSeverity[] | null;
  readonly affected?: readonly OsvAffected[] | null;
  readonly references?: readonly OsvReference[] | null;
  readonly credits?: readonly OsvCredit[];
  readonly database_specific?: Readonly<Record<string, unknown>>;
}

/** The schema version this module writes and validates against. */
export const OSV_SCHEMA_VERSION = '1.7.0';
