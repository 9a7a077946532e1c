import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * Coverage rule sets as versioned data (issue 11, ADR 0085): one row per (id, version), the
 * document as the pure engine reads it. The built-in ones are seeded from the JSON files that
 * ship with the code; an administrator adds a new version through the API, without code. Rows
 * are never changed or deleted: results keep the version they were computed with. Rule sets
 * are public law or a published triage aid, so the table carries no marking.
 */
export const frontierRuleSets = pgTable(
  'frontier_rule_sets',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    addedAt: ts('added_at').notNull(),
    /** The administrator who added it; null for a built-in one. */
    addedBy: uuid('added_by'),
  },
  (t) => [primaryKey({ name: 'frontier_rule_sets_pkey', columns: [t.id, t.version] }), index('frontier_rule_sets_added_idx').on(t.id, t.addedAt)],
);

/**
 * What a rule set (at one version) said about a model version's facts, appended on every
 * evaluation and never overwritten: the newest row per rule set is current, the rest is
 * history. Marked like the model version it is about.
 */
export const frontierEvaluations = pgTable(
  'frontier_evaluations',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    ruleSetVersion: text('rule_set_version').notNull(),
    /** `covered` | `not_covered` | `insufficient_evidence`. */
    outcome: text('outcome').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    /** SHA-256 of the canonical JSON of the fact set evaluated (which facts a result rests on). */
    factsDigest: text('facts_digest').notNull(),
    /** `fact_change` | `rule_set_version` | `checkpoint` | `manual`. */
    trigger: text('trigger').notNull(),
    ...markingColumns(),
    evaluatedAt: ts('evaluated_at').notNull(),
  },
  (t) => [index('frontier_evaluations_version_idx').on(t.versionId, t.ruleSetId, t.evaluatedAt)],
);

/** The designating authority's parameters of the transparent rule sets (one row, id 1; defaults when absent). */
export const frontierRuleSettings = pgTable('frontier_rule_settings', {
  id: integer('id').primaryKey(),
  /** The us-eo14409-proxy's cyber-evaluation threshold, on a 0–1 scale (default 0.5). */
  proxyCyberThreshold: doublePrecision('proxy_cyber_threshold').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});
