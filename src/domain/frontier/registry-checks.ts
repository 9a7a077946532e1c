import type { FieldProblem } from '../errors';
import type { FactSet } from './facts';

/**
 * Pure checks and shapes of the model registry (issue 11; ADR 0085): checkpoint hashes,
 * release plans, lineage cycles, current facts and the fact set the rule engine reads.
 */

/** A checkpoint is named by the SHA-256 of its weights: `sha256:` and 64 lower-case hex digits. */
export const CHECKPOINT_HASH = /^sha256:[0-9a-f]{64}$/;

export function checkpointHashProblems(hash: string, path = '/hash'): FieldProblem[] {
  return CHECKPOINT_HASH.test(hash) ? [] : [{ path, message: 'must be sha256: followed by 64 lower-case hex digits' }];
}

/** Why an evaluation was recorded. */
export const EVALUATION_TRIGGERS = ['fact_change', 'rule_set_version', 'checkpoint', 'manual'] as const;
export type EvaluationTrigger = (typeof EVALUATION_TRIGGERS)[number];

/** Why the registry asks the designation side to consider a review (FRONTIER.md, cross-helper contract). */
export const REVIEW_TRIGGERS = ['rule_result', 'checkpoint', 'derivative'] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

/**
 * A release plan's dates in order: the release to trusted partners comes before (or with)
 * the general one — it is the early access, not a later one.
 */
export function releasePlanProblems(plan: { plannedTrustedPartnerRelease?: Date | null; plannedGeneralRelease?: Date | null }): FieldProblem[] {
  const tp = plan.plannedTrustedPartnerRelease;
  const general = plan.plannedGeneralRelease;
  if (tp && general && tp.getTime() > general.getTime()) {
    return [{ path: '/plannedTrustedPartnerRelease', message: 'must not be after the planned general release' }];
  }
  return [];
}

/**
 * Whether adding the edge child → parent closes a cycle, given the ancestors of `parent`
 * (every version reachable from it by parent edges, itself excluded). A self-edge is one.
 */
export function closesCycle(child: string, parent: string, ancestorsOfParent: Iterable<string>): boolean {
  if (child === parent) return true;
  for (const a of ancestorsOfParent) if (a === child) return true;
  return false;
}

/** A declared fact as the registry keeps it (the newest per key is current). */
export interface DeclaredFact {
  readonly key: string;
  readonly value: number | boolean;
  readonly recordedAt: Date;
}

/**
 * The current fact of every key: the newest declaration (by `recordedAt`; a later one in
 * the list wins a tie, as it was declared later), sorted by key.
 */
export function currentFacts<F extends DeclaredFact>(facts: readonly F[]): F[] {
  const byKey = new Map<string, F>();
  for (const f of facts) {
    const seen = byKey.get(f.key);
    if (!seen || f.recordedAt.getTime() >= seen.recordedAt.getTime()) byKey.set(f.key, f);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The fact set the rule engine reads, from current facts: `trainingCompute.pretraining` →
 * `{ trainingCompute: { pretraining } }`, `evaluations.cyber` → `{ evaluations: { cyber } }`,
 * top-level keys as they are. Keys are the registry's vocabulary (FACT_SPECS), which is the
 * engine's input shape (`aisc frontier evaluate` NDJSON lines).
 */
export function factSetOf(facts: readonly { readonly key: string; readonly value: number | boolean }[]): FactSet {
  const out: Record<string, unknown> = {};
  for (const { key, value } of facts) {
    const dot = key.indexOf('.');
    if (dot < 0) {
      out[key] = value;
      continue;
    }
    const group = key.slice(0, dot);
    const inner = (out[group] ?? {}) as Record<string, unknown>;
    inner[key.slice(dot + 1)] = value;
    out[group] = inner;
  }
  return out as FactSet;
}
