import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { EmbargoPolicy } from '../../domain/cases/embargo-policy';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * Coordination cases (ADR 0030). Owned by the coordinating organisation, AMBER+STRICT, with
 * the invited vendors on the access list: the case is visible to coordinators and to its
 * vendors only. `embargoEnd` is the agreed public date (null until one is agreed).
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    /** `single` (opened from reports) or `campaign` (one bug pattern across many products). */
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    pattern: text('pattern'),
    cwe: text('cwe'),
    exploited: boolean('exploited').notNull().default(false),
    fixBypass: boolean('fix_bypass').notNull().default(false),
    reportIds: uuid('report_ids').array().notNull().default(sql`'{}'::uuid[]`),
    vendorCount: integer('vendor_count').notNull().default(0),
    firstNoticeAt: ts('first_notice_at'),
    embargoState: text('embargo_state').notNull().default('none'),
    embargoEnd: ts('embargo_end'),
    advisoryId: text('advisory_id'),
    closeReason: text('close_reason'),
    /** Why the case was disclosed before its agreed public date (issue 9 item 18), as the coordinator confirmed it. */
    disclosureReason: text('disclosure_reason'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('cases_state_idx').on(t.state, t.createdAt), index('cases_created_idx').on(t.createdAt)],
);

/**
 * A vendor's participation: marked for the coordinator and that vendor only, so a vendor
 * never learns who else is invited. Also holds its answer to the current embargo proposal.
 */
export const caseVendors = pgTable(
  'case_vendors',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    status: text('status').notNull(),
    invitedAt: ts('invited_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    embargoProposalId: uuid('embargo_proposal_id'),
    embargoResponse: text('embargo_response'),
    respondedAt: ts('responded_at'),
    ...markingColumns(),
  },
  (t) => [uniqueIndex('case_vendors_case_org_key').on(t.caseId, t.organisationId), index('case_vendors_org_idx').on(t.organisationId, t.invitedAt)],
);

/** A vulnerability in a case; a campaign's per-product ones may be limited to one vendor. */
export const caseVulnerabilities = pgTable(
  'case_vulnerabilities',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    reportId: uuid('report_id'),
    title: text('title').notNull(),
    product: text('product'),
    cwe: text('cwe'),
    vendorOrganisationId: uuid('vendor_organisation_id'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_vulnerabilities_case_idx').on(t.caseId, t.createdAt)],
);

/** A vendor's VEX statement on one vulnerability: marked for the coordinator and that vendor (others once shared). */
export const vendorStatements = pgTable(
  'vendor_statements',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    vulnerabilityId: uuid('vulnerability_id').notNull(),
    vendorOrganisationId: uuid('vendor_organisation_id').notNull(),
    status: text('status').notNull(),
    justification: text('justification'),
    impactStatement: text('impact_statement'),
    actionStatement: text('action_statement'),
    fixedVersions: text('fixed_versions').array().notNull().default(sql`'{}'::text[]`),
    shared: boolean('shared').notNull().default(false),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('vendor_statements_vuln_vendor_key').on(t.vulnerabilityId, t.vendorOrganisationId),
    index('vendor_statements_case_vendor_idx').on(t.caseId, t.vendorOrganisationId),
  ],
);

/** A discussion thread: case-wide, or private between the coordinator and one vendor. */
export const caseThreads = pgTable(
  'case_threads',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    subject: text('subject').notNull(),
    vendorOrganisationId: uuid('vendor_organisation_id'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_threads_case_idx').on(t.caseId, t.createdAt)],
);

/** A message, with its own TLP label (its marking). */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    threadId: uuid('thread_id').notNull(),
    body: text('body').notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_messages_thread_idx').on(t.threadId, t.createdAt)],
);

/**
 * Proposed public dates (the Vultron embargo protocol). The coordinator's proposals are
 * case-wide; a vendor's counter-proposal is marked for the coordinator and that vendor.
 */
export const embargoProposals = pgTable(
  'embargo_proposals',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    publicAt: ts('public_at').notNull(),
    reason: text('reason'),
    extension: boolean('extension').notNull().default(false),
    proposedByOrganisation: uuid('proposed_by_organisation').notNull(),
    /** `open`, `adopted`, `declined`. */
    status: text('status').notNull(),
    decidedAt: ts('decided_at'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('embargo_proposals_case_idx').on(t.caseId, t.createdAt)],
);

/** The platform's embargo policy (one row, id 1); defaults when absent. */
export const caseSettings = pgTable('case_settings', {
  id: integer('id').primaryKey(),
  policy: jsonb('policy').$type<EmbargoPolicy>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});
