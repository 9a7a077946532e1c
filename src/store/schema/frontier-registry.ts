import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * The frontier-model registry (issue 11, research/frontier-domain.md §7.2). A model is a
 * named line of work of one developer (the owner organisation of its marking); a version is
 * what gets trained, designated, tested and released; checkpoints are the weights a version
 * went through, identified by hash. Every table carries the platform's marking: a lab's
 * unreleased model is not another lab's business.
 */
export const frontierModels = pgTable(
  'frontier_models',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    family: text('family'),
    description: text('description').notNull().default(''),
    /** What it takes in and gives out: text, image, audio, video, code, biological_sequence… */
    modalities: text('modalities').array().notNull().default(sql`'{}'::text[]`),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_models_owner_name_key').on(t.ownerOrganisationId, t.name), index('frontier_models_created_idx').on(t.createdAt)],
);

/**
 * A version of a model, with its release plan: channels (api, consumer_app, open_weights,
 * internal_only) and the planned date of each release milestone — to trusted partners, to the
 * public. Dates are the developer's declaration; they slip, and the audit trail keeps each.
 */
export const frontierModelVersions = pgTable(
  'frontier_model_versions',
  {
    id: uuid('id').primaryKey(),
    modelId: uuid('model_id').notNull(),
    version: text('version').notNull(),
    releaseChannels: text('release_channels').array().notNull().default(sql`'{}'::text[]`),
    plannedTrustedPartnerRelease: ts('planned_trusted_partner_release'),
    plannedGeneralRelease: ts('planned_general_release'),
    releasedAt: ts('released_at'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_model_versions_model_version_key').on(t.modelId, t.version), index('frontier_model_versions_created_idx').on(t.createdAt)],
);

/**
 * Lineage between versions: `base_model` (pre-trained from), `fine_tune_of`, `distilled_from`,
 * `merged_from`. A derivative of a designated model is a reason to open a review (§7.2 rules).
 * The parent may be another developer's version; the edge carries the child's marking.
 */
export const frontierLineage = pgTable(
  'frontier_lineage',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    parentVersionId: uuid('parent_version_id').notNull(),
    kind: text('kind').notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_lineage_edge_key').on(t.versionId, t.parentVersionId, t.kind), index('frontier_lineage_parent_idx').on(t.parentVersionId)],
);

/** A checkpoint of a version, by content hash (`sha256:<hex>`): the one under test and the one released may differ. */
export const frontierCheckpoints = pgTable(
  'frontier_checkpoints',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    hash: text('hash').notNull(),
    label: text('label').notNull().default(''),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_checkpoints_version_hash_key').on(t.versionId, t.hash)],
);

/**
 * Facts about a version, declared one by one and never overwritten: a new declaration of the
 * same key is a new row, and the newest (by `recordedAt`) is current — the rest is history.
 * `key` is a fact path of the rule engine (`trainingCompute.pretraining`, `parameters`,
 * `bioSequenceDataShare`, `capabilities.reasoning`, `evaluations.<benchmark>`,
 * `developerAnnualRevenueUsd`…); `value` a number or boolean; `method` measured | estimated |
 * declared; `confidence` 0–1. Research §1.2: every attribute carries its provenance.
 */
export const frontierFacts = pgTable(
  'frontier_facts',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').$type<number | boolean>().notNull(),
    unit: text('unit').notNull(),
    method: text('method').notNull(),
    confidence: real('confidence'),
    source: text('source').notNull().default(''),
    /** The date the fact speaks of (a measurement's date, a revenue's year end). */
    asOf: ts('as_of'),
    /** For evaluation scores: the benchmark's version. */
    benchmarkVersion: text('benchmark_version'),
    ...markingColumns(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('frontier_facts_version_key_idx').on(t.versionId, t.key, t.recordedAt)],
);

/**
 * The developer-facing outcome of designation, one row per version: written in the same
 * transaction as the (classified) review's decision, marked for the developer and the
 * coordinators. The review itself stays classified; this row says only what the developer
 * may know — the outcome, when, and the rationale as far as its visibility allows.
 */
export const frontierDesignations = pgTable(
  'frontier_designations',
  {
    versionId: uuid('version_id').primaryKey(),
    /** `designated` | `not_designated` | `deferred` (evidence asked for) | `under_review`. */
    outcome: text('outcome').notNull(),
    /** `full` | `summary` | `none`: how much of the rationale the developer sees. */
    rationaleVisibility: text('rationale_visibility').notNull().default('none'),
    /** The rationale the developer sees (the full text, a summary, or nothing). */
    rationaleForDeveloper: text('rationale_for_developer'),
    decidedAt: ts('decided_at'),
    ...markingColumns(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_designations_outcome_idx').on(t.outcome, t.updatedAt)],
);
