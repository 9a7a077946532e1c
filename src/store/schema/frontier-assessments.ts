import { boolean, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** One state change, kept on the record (who, when, why). */
export type EngagementHistoryEntry = { from: string | null; to: string; event: string; at: string; by: string; reason?: string };

/**
 * Third-party risk assessments (issue 12; research frontier-domain.md §3.2, §7.4; ADR 0103):
 * engagements, their findings, one conclusion per risk domain, classified annexes and the
 * evaluation runs they rely on. Every row is marked: an engagement is owned by the commissioning
 * organisation and shared with the assessor, the developer and the coordinators; its parts keep
 * those recipients at their own label and classification.
 */
export const frontierAssessmentEngagements = pgTable(
  'frontier_assessment_engagements',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    title: text('title').notNull(),
    commissioningOrganisationId: uuid('commissioning_organisation_id').notNull(),
    /** `developer` or `government` (the clearinghouse's staff commissioned it). */
    commissionedBy: text('commissioned_by').notNull(),
    assessorOrganisationId: uuid('assessor_organisation_id').notNull(),
    developerOrganisationId: uuid('developer_organisation_id').notNull(),
    purpose: text('purpose').notNull(),
    scopeDomains: text('scope_domains').array().notNull(),
    threatModels: jsonb('threat_models').$type<string[]>().notNull(),
    outOfScope: jsonb('out_of_scope').$type<string[]>().notNull(),
    /** Registry checkpoints (frontier_checkpoints.id) and access grants (frontier_access_grants.id) relied on. */
    checkpointIds: uuid('checkpoint_ids').array().notNull(),
    grantIds: uuid('grant_ids').array().notNull(),
    financialTies: text('financial_ties').notNull().default(''),
    assessorChosenBy: text('assessor_chosen_by').notNull(),
    developerReviewRight: boolean('developer_review_right').notNull(),
    publicationRights: text('publication_rights').notNull(),
    startsOn: ts('starts_on'),
    endsOn: ts('ends_on'),
    state: text('state').notNull(),
    /** The public summary, set when the commissioner publishes. */
    summary: text('summary'),
    withdrawalReason: text('withdrawal_reason'),
    history: jsonb('history').$type<EngagementHistoryEntry[]>().notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_assessment_engagements_version_idx').on(t.versionId), index('frontier_assessment_engagements_state_idx').on(t.state, t.createdAt)],
);

/**
 * A finding. Its marking governs what it is (title, severity, domain, remediation); its detail
 * and evidence carry a narrower label and classification of their own (`detail_tlp`,
 * `detail_classification`), decided by the same policy rule on every read and export.
 */
export const frontierAssessmentFindings = pgTable(
  'frontier_assessment_findings',
  {
    id: uuid('id').primaryKey(),
    engagementId: uuid('engagement_id').notNull(),
    domain: text('domain').notNull(),
    severity: text('severity').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    detailTlp: text('detail_tlp').notNull(),
    detailClassification: smallint('detail_classification').notNull().default(0),
    remediationState: text('remediation_state').notNull(),
    remediationHistory: jsonb('remediation_history')
      .$type<{ from: string; to: string; event: string; note: string; evidence: string[]; at: string; by: string }[]>()
      .notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_assessment_findings_engagement_idx').on(t.engagementId, t.createdAt)],
);

/** The engagement's conclusion in one domain: the common level, and the developer's framework label with the mapping's version. */
export const frontierAssessmentConclusions = pgTable(
  'frontier_assessment_conclusions',
  {
    id: uuid('id').primaryKey(),
    engagementId: uuid('engagement_id').notNull(),
    domain: text('domain').notNull(),
    level: text('level').notNull(),
    /** A shipped risk-scale mapping (domain/frontier/risk-scales), its label and version; null when the developer has no framework label. */
    framework: text('framework'),
    frameworkLabel: text('framework_label'),
    mappingVersion: text('mapping_version'),
    rationale: text('rationale').notNull().default(''),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_assessment_conclusions_domain_key').on(t.engagementId, t.domain)],
);

/** A classified annex: a section of the report with its own classification marking. */
export const frontierAssessmentAnnexes = pgTable(
  'frontier_assessment_annexes',
  {
    id: uuid('id').primaryKey(),
    engagementId: uuid('engagement_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('frontier_assessment_annexes_engagement_idx').on(t.engagementId, t.createdAt)],
);

/**
 * Evaluation runs an engagement relies on. `run_id` names an imported Inspect run; it has no
 * foreign key yet (the run table is another part of issue 12, wired at merge). Marked as the engagement.
 */
export const frontierEngagementRuns = pgTable(
  'engagement_runs',
  {
    engagementId: uuid('engagement_id').notNull(),
    runId: uuid('run_id').notNull(),
    linkedBy: uuid('linked_by').notNull(),
    ...markingColumns(),
    linkedAt: ts('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.runId] }), index('engagement_runs_run_idx').on(t.runId)],
);
