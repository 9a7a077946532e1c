/**
 * The vocabulary of the frontier-model registry (issue 11; research/frontier-domain.md §1.2,
 * §7.2). Pure data: the store, the API and the UI read these lists, never their own copies.
 */

/** How a model version came from another (§7.2 `lineage`). */
export const LINEAGE_KINDS = ['base_model', 'fine_tune_of', 'distilled_from', 'merged_from'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

/** Where a version is (to be) released. */
export const RELEASE_CHANNELS = ['api', 'consumer_app', 'open_weights', 'internal_only'] as const;
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];

export const MODALITIES = ['text', 'code', 'image', 'audio', 'video', 'biological_sequence', 'action'] as const;
export type Modality = (typeof MODALITIES)[number];

/** How a fact was obtained (Epoch AI and EU Annex XIII practice). */
export const FACT_METHODS = ['measured', 'estimated', 'declared'] as const;
export type FactMethod = (typeof FACT_METHODS)[number];

/** The release milestones an access window can be counted to. */
export const RELEASE_MILESTONES = ['trusted_partner', 'general'] as const;
export type ReleaseMilestone = (typeof RELEASE_MILESTONES)[number];

/** What a developer learns of designation (the review itself is classified). */
export const DESIGNATION_OUTCOMES = ['under_review', 'designated', 'not_designated', 'deferred'] as const;
export type DesignationOutcome = (typeof DESIGNATION_OUTCOMES)[number];

/** How much of an authority decision's rationale the developer sees. */
export const RATIONALE_VISIBILITIES = ['full', 'summary', 'none'] as const;
export type RationaleVisibility = (typeof RATIONALE_VISIBILITIES)[number];

/**
 * The facts a version can declare, each with the one unit it is recorded in and its kind.
 * `evaluations.<benchmark>` keys are open (any named benchmark), scored 0–1.
 * Compute is in FLOP per phase; the rule engine sums the phases (EU Art. 51(2) "cumulative",
 * SB 53 "including fine-tuning, reinforcement learning and other modifications").
 */
export interface FactSpec {
  readonly unit: string;
  readonly kind: 'quantity' | 'share' | 'boolean' | 'score';
  readonly label: string;
}
export const FACT_SPECS: Readonly<Record<string, FactSpec>> = {
  'trainingCompute.pretraining': { unit: 'FLOP', kind: 'quantity', label: 'Training compute, pre-training' },
  'trainingCompute.fineTuning': { unit: 'FLOP', kind: 'quantity', label: 'Training compute, fine-tuning' },
  'trainingCompute.reinforcementLearning': { unit: 'FLOP', kind: 'quantity', label: 'Training compute, reinforcement learning' },
  'trainingCompute.other': { unit: 'FLOP', kind: 'quantity', label: 'Training compute, other modifications' },
  parameters: { unit: 'parameters', kind: 'quantity', label: 'Parameters' },
  trainingTokens: { unit: 'tokens', kind: 'quantity', label: 'Training tokens' },
  bioSequenceDataShare: { unit: 'ratio', kind: 'share', label: 'Share of biological-sequence training data' },
  'capabilities.reasoning': { unit: 'boolean', kind: 'boolean', label: 'Reasoning' },
  'capabilities.autonomousToolUse': { unit: 'boolean', kind: 'boolean', label: 'Autonomous tool use' },
  developerAnnualRevenueUsd: { unit: 'USD', kind: 'quantity', label: "Developer's prior-year annual revenue" },
};
const EVALUATION_KEY = /^evaluations\.[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const EVALUATION_SPEC: FactSpec = { unit: 'score', kind: 'score', label: 'Evaluation score' };

/** The spec of a fact key, or null for a key the registry does not know. */
export function factSpec(key: string): FactSpec | null {
  return FACT_SPECS[key] ?? (EVALUATION_KEY.test(key) ? EVALUATION_SPEC : null);
}

/** What is wrong with a declared fact (empty when nothing is): unknown key, wrong unit, wrong kind or range of value. */
export function factProblems(
  f: { key: string; value: unknown; unit: string; confidence?: number | null | undefined },
  base = '',
): { path: string; message: string }[] {
  const spec = factSpec(f.key);
  if (!spec) return [{ path: `${base}/key`, message: `unknown fact (one of ${Object.keys(FACT_SPECS).join(', ')}, or evaluations.<benchmark>)` }];
  const problems: { path: string; message: string }[] = [];
  if (f.unit !== spec.unit) problems.push({ path: `${base}/unit`, message: `${f.key} is recorded in ${spec.unit}` });
  if (spec.kind === 'boolean') {
    if (typeof f.value !== 'boolean') problems.push({ path: `${base}/value`, message: 'must be true or false' });
  } else if (typeof f.value !== 'number' || !Number.isFinite(f.value)) {
    problems.push({ path: `${base}/value`, message: 'must be a finite number' });
  } else if (f.value < 0) {
    problems.push({ path: `${base}/value`, message: 'must not be negative' });
  } else if ((spec.kind === 'share' || spec.kind === 'score') && f.value > 1) {
    problems.push({ path: `${base}/value`, message: 'must be between 0 and 1' });
  }
  if (f.confidence !== undefined && f.confidence !== null && !(f.confidence >= 0 && f.confidence <= 1)) {
    problems.push({ path: `${base}/confidence`, message: 'must be between 0 and 1' });
  }
  return problems;
}
