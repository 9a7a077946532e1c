import { bigint, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * Voluntary pre-release access (issue 11, research/frontier-domain.md §7.3, ADR 0095). A plan
 * per model version, its grants, their outages, terms, acknowledgements and access log, and
 * trusted-partner nominations. The window's figures (lead time, effective days, status) are
 * computed on read from these rows, the version's release dates and the deployment's policy;
 * only the scheduled days per milestone are cached on the plan, for the portfolio's filter (ADR 0097).
 */

/** The deployment's access policy (one row, id 1; defaults until an admin sets one). */
export const frontierAccessSettings = pgTable('frontier_access_settings', {
  id: integer('id').primaryKey(),
  policy: jsonb('policy').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

/**
 * The access plan of one version: the developer's and the government's. Owned by the
 * developer's organisation, shared with the coordinators and with every grantee organisation
 * (`access_organisations` grows as grants are added).
 */
export const frontierAccessPlans = pgTable(
  'frontier_access_plans',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    notes: text('notes').notNull().default(''),
    /**
     * `scheduledAccessDays × 100` up to each milestone's date (the trusted-partner release falling
     * back to the general one, and the general release): a cache of the pure window function's
     * figure, recomputed in the same transaction by every write of the plan's grants and outages
     * and of its version's release dates (store/frontier/scheduled-access.ts, ADR 0097), so the
     * portfolio's status filter is an indexed comparison.
     */
    scheduledCentidaysTrustedPartner: integer('scheduled_centidays_trusted_partner').notNull().default(0),
    scheduledCentidaysGeneral: integer('scheduled_centidays_general').notNull().default(0),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('frontier_access_plans_version_key').on(t.versionId),
    index('frontier_access_plans_scheduled_tp_idx').on(t.scheduledCentidaysTrustedPartner),
    index('frontier_access_plans_scheduled_general_idx').on(t.scheduledCentidaysGeneral),
  ],
);

/**
 * A grant of access to one organisation. Its marking is its own (the developer's, the
 * coordinators' and the grantee's): a partner sees its own grants, never another's.
 */
export const frontierAccessGrants = pgTable(
  'frontier_access_grants',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id').notNull(),
    granteeOrganisationId: uuid('grantee_organisation_id').notNull(),
    /** Set when the grantee is an approved trusted partner of this plan. */
    nominationId: uuid('nomination_id'),
    accessKind: text('access_kind').notNull(),
    environment: text('environment').notNull(),
    /** The checkpoint under test and the one to be released (`sha256:…`): drift when both are given and differ. */
    testedCheckpoint: text('tested_checkpoint'),
    releasedCheckpoint: text('released_checkpoint'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    budgetQueries: bigint('budget_queries', { mode: 'number' }),
    budgetTokens: bigint('budget_tokens', { mode: 'number' }),
    budgetComputeHours: real('budget_compute_hours'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_access_grants_plan_idx').on(t.planId, t.startsAt), index('frontier_access_grants_grantee_idx').on(t.granteeOrganisationId)],
);

/** A time a grant's access was down; it follows the grant's marking. */
export const frontierAccessOutages = pgTable(
  'frontier_access_outages',
  {
    id: uuid('id').primaryKey(),
    grantId: uuid('grant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    reason: text('reason').notNull().default(''),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('frontier_access_outages_grant_idx').on(t.grantId, t.startsAt), index('frontier_access_outages_plan_idx').on(t.planId)],
);

/** A version of a grant's terms: structured protections; a change is a new version, acknowledged afresh. */
export const frontierAccessTerms = pgTable(
  'frontier_access_terms',
  {
    id: uuid('id').primaryKey(),
    grantId: uuid('grant_id').notNull(),
    termsVersion: integer('terms_version').notNull(),
    /** `[{ protection, detail }]`, one per protection (domain/frontier/access-vocabulary.ts TERMS_PROTECTIONS). */
    protections: jsonb('protections').$type<{ protection: string; detail: string }[]>().notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_access_terms_grant_version_key').on(t.grantId, t.termsVersion)],
);

/** One side's acknowledgement of one version of a grant's terms: who, when. */
export const frontierAccessAcknowledgements = pgTable(
  'frontier_access_acknowledgements',
  {
    id: uuid('id').primaryKey(),
    grantId: uuid('grant_id').notNull(),
    termsVersion: integer('terms_version').notNull(),
    side: text('side').notNull(),
    userId: uuid('user_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    acknowledgedAt: ts('acknowledged_at').notNull(),
    ...markingColumns(),
  },
  (t) => [uniqueIndex('frontier_access_ack_key').on(t.grantId, t.termsVersion, t.side)],
);

/** The access log: a session of use of a grant, imported from the developer's side or recorded by the grantee. */
export const frontierAccessSessions = pgTable(
  'frontier_access_sessions',
  {
    id: uuid('id').primaryKey(),
    grantId: uuid('grant_id').notNull(),
    /** Who used the grant, as the source names them (an account, an e-mail). */
    actor: text('actor').notNull(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    environment: text('environment').notNull(),
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    ...markingColumns(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('frontier_access_sessions_grant_idx').on(t.grantId, t.startedAt)],
);

/**
 * A trusted-partner nomination: a critical-infrastructure operator, by sector, for early
 * access under one plan; vetted by the government. `history` keeps every state change.
 */
export const frontierPartnerNominations = pgTable(
  'frontier_partner_nominations',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id').notNull(),
    partnerOrganisationId: uuid('partner_organisation_id').notNull(),
    sector: text('sector').notNull(),
    nominatedBy: text('nominated_by').notNull(),
    state: text('state').notNull(),
    reason: text('reason').notNull().default(''),
    history: jsonb('history').$type<{ from: string | null; to: string; event: string; at: string; by: string }[]>().notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_partner_nominations_plan_partner_key').on(t.planId, t.partnerOrganisationId)],
);

/** Reminders sent (ADR 0095): one row per (plan, milestone, milestone date, offset), so each is sent once; marked as the plan. */
export const frontierAccessReminders = pgTable(
  'frontier_access_reminders',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id').notNull(),
    milestone: text('milestone').notNull(),
    milestoneAt: ts('milestone_at').notNull(),
    offsetDays: integer('offset_days').notNull(),
    ...markingColumns(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [uniqueIndex('frontier_access_reminders_key').on(t.planId, t.milestone, t.milestoneAt, t.offsetDays)],
);
