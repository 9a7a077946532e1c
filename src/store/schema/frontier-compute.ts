import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * The compute registry (issue 12; research §4.3, §7.5). A facility is a site with an owner and an
 * operator; its location (country, region, site) is shown by a narrower rule than the row
 * (policy/compute-location.ts, `locationDisclosure`). Clusters live in a facility and carry their
 * chip inventory; the computed figures (aggregate peak OP/s, H100-equivalents, reportable flags)
 * are stored with the rules version that computed them, so lists filter on them in SQL.
 */
export const frontierFacilities = pgTable(
  'frontier_facilities',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    operatorOrganisationId: uuid('operator_organisation_id'),
    operatorName: text('operator_name').notNull().default(''),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    region: text('region'),
    site: text('site'),
    locationDisclosure: text('location_disclosure').notNull().default('restricted'),
    powerCapacityMw: doublePrecision('power_capacity_mw'),
    status: text('status').notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_facilities_owner_idx').on(t.ownerOrganisationId, t.createdAt), index('frontier_facilities_country_idx').on(t.country)],
);

export interface InventoryLineRow {
  readonly acceleratorId: string;
  readonly count: number;
}
export interface ClusterFlagRow {
  readonly rule: string;
  readonly version: string;
}

export const frontierClusters = pgTable(
  'frontier_clusters',
  {
    id: uuid('id').primaryKey(),
    facilityId: uuid('facility_id').notNull(),
    name: text('name').notNull(),
    inventory: jsonb('inventory').$type<InventoryLineRow[]>().notNull(),
    interconnectGbps: doublePrecision('interconnect_gbps'),
    status: text('status').notNull(),
    firstOperationalOn: date('first_operational_on', { mode: 'string' }),
    /** Aggregate peak dense OP/s, each chip at its best precision (the rules' precision). */
    peakOpsPerSecond: doublePrecision('peak_ops_per_second').notNull(),
    h100Equivalents: doublePrecision('h100_equivalents').notNull(),
    /** `rule@version` of every rule that flags it reportable. */
    reportable: text('reportable').array().notNull().default(sql`'{}'::text[]`),
    rulesVersion: text('rules_version').notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_clusters_facility_idx').on(t.facilityId), index('frontier_clusters_created_idx').on(t.createdAt)],
);

/**
 * A training run of a model version on clusters, with its FLOP per phase. Saved by (version,
 * name): saving the same run again updates it. The registry's training-compute facts of the
 * version are the exact sums over its runs.
 */
export const frontierTrainingRuns = pgTable(
  'frontier_training_runs',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    name: text('name').notNull(),
    clusterIds: uuid('cluster_ids').array().notNull().default(sql`'{}'::uuid[]`),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    flopPretraining: doublePrecision('flop_pretraining'),
    flopFineTuning: doublePrecision('flop_fine_tuning'),
    flopReinforcementLearning: doublePrecision('flop_reinforcement_learning'),
    flopOther: doublePrecision('flop_other'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_training_runs_version_name_key').on(t.versionId, t.name), index('frontier_training_runs_created_idx').on(t.createdAt)],
);

/**
 * Each training-compute threshold a version has crossed, once (the key): the crossing that asked
 * for a designation review. Re-saving a run finds its row and asks for nothing. No route reads it
 * (the review it asked for carries the facts); it carries the version's marking all the same.
 */
export const frontierComputeCrossings = pgTable(
  'frontier_compute_crossings',
  {
    versionId: uuid('version_id').notNull(),
    threshold: text('threshold').notNull(),
    thresholdVersion: text('threshold_version').notNull(),
    runId: uuid('run_id').notNull(),
    detail: text('detail').notNull(),
    ...markingColumns(),
    crossedAt: ts('crossed_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_compute_crossings_key').on(t.versionId, t.threshold, t.thresholdVersion)],
);
