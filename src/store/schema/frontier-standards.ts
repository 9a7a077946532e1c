import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * Voluntary standards (issue 12, ADR 0105). The practice catalogue as versioned data: one row
 * per version, the document as the validator reads it, the shipped ones seeded at start and an
 * administrator's added through the API. Rows are never changed or deleted: attestations keep
 * the version they were made against. Public material, so unmarked (like rule sets).
 */
export const frontierPracticeCatalogues = pgTable(
  'frontier_practice_catalogues',
  {
    version: text('version').primaryKey(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    addedAt: ts('added_at').notNull(),
    addedBy: uuid('added_by'),
  },
  (t) => [index('frontier_practice_catalogues_added_idx').on(t.addedAt)],
);

/** One step of an attestation's history: what it said before a change or a review. */
export interface AttestationHistoryEntry {
  readonly event: 'attested' | 'changed' | 'reviewed';
  readonly at: string;
  readonly by: string | null;
  readonly status: string;
  readonly evidence: unknown[];
  readonly statement: string;
  readonly expiresAt: string;
  readonly catalogueVersion: string;
  readonly review: { decision: string; comment: string } | null;
}

/**
 * An organisation's attestation of one practice: the current statement in the columns, every
 * earlier one in `history`. Owned by the attesting organisation and shared with the
 * coordinators; nobody else sees it. Whether it has expired is computed on read.
 */
export const frontierAttestations = pgTable(
  'frontier_attestations',
  {
    id: uuid('id').primaryKey(),
    practiceId: text('practice_id').notNull(),
    catalogueVersion: text('catalogue_version').notNull(),
    /** `implemented` | `partial` | `planned` | `not_applicable`. */
    status: text('status').notNull(),
    /** `[{ kind: link | document | assessment, ref, title? }]`. */
    evidence: jsonb('evidence').$type<{ kind: string; ref: string; title?: string }[]>().notNull(),
    statement: text('statement').notNull().default(''),
    expiresAt: ts('expires_at').notNull(),
    /** The clearinghouse's review of the current statement: null until reviewed, reset on a change. */
    reviewDecision: text('review_decision'),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    history: jsonb('history').$type<AttestationHistoryEntry[]>().notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('frontier_attestations_org_practice_key').on(t.ownerOrganisationId, t.practiceId),
    index('frontier_attestations_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** The deployment's scorecard settings (one row, id 1; the default until an admin sets one). */
export const frontierStandardsSettings = pgTable('frontier_standards_settings', {
  id: integer('id').primaryKey(),
  /** The minimum number of developers behind any published figure (ADR 0105; default 3). */
  minGroupSize: integer('min_group_size').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});
