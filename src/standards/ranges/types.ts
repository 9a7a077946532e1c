import type { ParsedVersion } from '../versions/types';

/** A compiled range: built once, asked many times. */
export interface VersionMatcher {
  /** Whether the version (parsed by the same ecosystem) lies in the range. */
  matches(version: ParsedVersion): boolean;
}

/** Comparison operators shared by native ranges and vers. */
export type Comparator = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** One comparator applied to a pre-parsed version. */
export interface Constraint {
  readonly op: Comparator;
  readonly version: ParsedVersion;
}
