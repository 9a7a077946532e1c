import { sql } from 'drizzle-orm';
import { index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * "Is my model covered?" (issue 11): a developer's question about one of its model versions.
 * Marked for the developer's organisation and the coordinators (AMBER+STRICT): the question and
 * its answer are the developer's; the classified review it opens is not (ADR 0090). The answer
 * holds only what the developer may see: the outcome and the rationale as its visibility allows.
 */
export const frontierCoverageInquiries = pgTable(
  'frontier_coverage_inquiries',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    question: text('question').notNull(),
    /** `open` | `answered` | `withdrawn`. */
    state: text('state').notNull(),
    answerOutcome: text('answer_outcome'),
    answerRationale: text('answer_rationale'),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at'),
    /** The review it routed to; shown only to who may see that review. */
    reviewId: uuid('review_id'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_inquiries_version_idx').on(t.versionId, t.createdAt), index('frontier_inquiries_created_idx').on(t.createdAt)],
);

/**
 * A classified designation review (ADR 0090) of one model version; a decided one is reopened for reassessment.
 * TLP:RED at a classification (a deployment setting, SECRET by default), with an access list of
 * cleared users: only they (and its creator, when cleared) see it. `basis` and `rationale` are
 * classified text and never leave this row and its history.
 */
export const frontierDesignationReviews = pgTable(
  'frontier_designation_reviews',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    state: text('state').notNull(),
    /** What opened or last reopened it: `inquiry` | `rule_result` | `checkpoint` | `derivative` | `manual`. */
    trigger: text('trigger').notNull(),
    /** The trigger's detail (a rule-set id, a checkpoint hash, a parent version id, an analyst's note). */
    detail: text('detail').notNull().default(''),
    inquiryId: uuid('inquiry_id'),
    /** How many times a decision was reopened for reassessment. */
    reassessments: integer('reassessments').notNull().default(0),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    basis: text('basis'),
    rationale: text('rationale'),
    rationaleSummary: text('rationale_summary'),
    rationaleVisibility: text('rationale_visibility'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('frontier_reviews_version_idx').on(t.versionId, t.createdAt), index('frontier_reviews_state_idx').on(t.state, t.updatedAt)],
);

/**
 * Every move of a review: who, when, from, to, why; a decision's fields as decided. Carries
 * its review's marking (kept equal when the access list grows), so it is as classified as it.
 */
export const frontierReviewHistory = pgTable(
  'frontier_review_history',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    trigger: text('trigger'),
    note: text('note').notNull().default(''),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    basis: text('basis'),
    rationale: text('rationale'),
    rationaleSummary: text('rationale_summary'),
    rationaleVisibility: text('rationale_visibility'),
    ...markingColumns(),
    at: ts('at').notNull(),
  },
  (t) => [index('frontier_review_history_review_idx').on(t.reviewId, t.at)],
);

/**
 * The deployment's designation settings (one row, id 1; defaults until a platform admin sets
 * them): the classification of new reviews and the designation panel — the authority's cleared
 * analysts, named on every review opened without a person (by an inquiry or a job).
 */
export const frontierDesignationSettings = pgTable('frontier_designation_settings', {
  id: integer('id').primaryKey(),
  /** Classification rank of new reviews (0 UNCLASSIFIED … 3 TOP_SECRET). */
  classification: smallint('classification').notNull(),
  panelUserIds: uuid('panel_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
  /** The designating authority's organisation: owner of the reviews it opens. */
  authorityOrganisationId: uuid('authority_organisation_id').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});
