/**
 * The vocabulary of a finding: one raw result from a person or an AI system, with its
 * provenance (DESIGN.md "Vulnerabilities", clearinghouse-anchors §3 item 1).
 */

/** Who found it: a person, an AI system, or a person working with one. */
export const FINDER_KINDS = ['human', 'ai', 'hybrid'] as const;
export type FinderKind = (typeof FINDER_KINDS)[number];

/** How much a person steered or checked the AI system that found it. */
export const AUTONOMY_LEVELS = ['fully-autonomous', 'human-directed', 'human-validated'] as const;
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];

/** Whether the proof of concept has been replayed, and with what result. */
export const REPRODUCTION_STATUSES = ['not-tried', 'reproduced', 'failed'] as const;
export type ReproductionStatus = (typeof REPRODUCTION_STATUSES)[number];

/** Qualitative severity, CVSS v3.1 §5 / v4.0 §6 bands, plus `unknown` when no vector was given. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What an item of a submission was answered (per item, in order). */
export const ITEM_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The facts deduplication reads from a finding, already validated. */
export interface DedupFacts {
  /** Normalised product: purl without version, CPE vendor:product, or repository. */
  readonly targetKey: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly function: string | null;
  readonly endpoint: string | null;
  /** `CWE-<n>` or null. */
  readonly cwe: string | null;
  readonly title: string;
  readonly description: string;
  readonly stackTrace: string | null;
}
