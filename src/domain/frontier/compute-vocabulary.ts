/**
 * The vocabulary of the compute registry (issue 12; research §4.3, §7.5). Pure data, read by
 * the store, the API and the UI.
 */

/** A facility's life (Epoch AI's GPU-cluster statuses, research §4.2). */
export const FACILITY_STATUSES = ['planned', 'under_construction', 'operational', 'decommissioned'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** A cluster's life: the same, since a cluster is built, run and retired with its hall. */
export const CLUSTER_STATUSES = FACILITY_STATUSES;
export type ClusterStatus = FacilityStatus;

/**
 * Who may see where a facility is (country, region, site): `restricted` — its owner organisation
 * and cleared coordinator staff only (policy/compute-location.ts); `with_facility` — whoever sees
 * the facility.
 */
export const LOCATION_DISCLOSURES = ['restricted', 'with_facility'] as const;
export type LocationDisclosure = (typeof LOCATION_DISCLOSURES)[number];

/** The phases of a training run, each the fact key of the registry it adds to (src/domain/frontier/registry.ts). */
export const TRAINING_PHASES = ['pretraining', 'fineTuning', 'reinforcementLearning', 'other'] as const;
export type TrainingPhase = (typeof TRAINING_PHASES)[number];
export const PHASE_FACT_KEY: Readonly<Record<TrainingPhase, string>> = {
  pretraining: 'trainingCompute.pretraining',
  fineTuning: 'trainingCompute.fineTuning',
  reinforcementLearning: 'trainingCompute.reinforcementLearning',
  other: 'trainingCompute.other',
};

/** Absurdity bounds: beyond these a number is a typo, not a cluster (issue 12, "Bad input"). */
export const MAX_CHIPS_PER_LINE = 10_000_000;
export const MAX_RUN_FLOP = 1e32;
export const MAX_INTERCONNECT_GBPS = 1_000_000;
export const MAX_POWER_MW = 100_000;
export const MAX_INVENTORY_LINES = 50;
