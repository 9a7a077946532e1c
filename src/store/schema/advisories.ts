import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AdvisoryContent } from '../../domain/advisory/content';
import type { OsvRecord } from '../../domain/advisory/osv-record';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * Advisories (ADR 0020): AISC's own (`AISC-YYYY-NNNNN`, drafted here) and imported ones
 * (keyed by their own id: GHSA-…, GO-…). A protected record: drafts are marked (AMBER by
 * default), published ones are TLP:CLEAR. `osv` is the current published document (the
 * latest revision's), null until publication; `content` is what a coordinator edits.
 */
export const advisories = pgTable(
  'advisories',
  {
    /** The public id once published (`AISC-YYYY-NNNNN`, or an imported id); a draft's internal id before (ADR 0021). */
    id: text('id').primaryKey(),
    /** The internal id the advisory had as a draft (`AISC-DRAFT-<uuid>`), kept after publication so old links resolve. */
    draftId: text('draft_id'),
    /** `aisc` (written here) or `import` (another database's record). */
    source: text('source').notNull(),
    state: text('state').notNull(),
    title: text('title').notNull(),
    cveId: text('cve_id'),
    content: jsonb('content').$type<AdvisoryContent>(),
    osv: jsonb('osv').$type<OsvRecord>(),
    /** SHA-256 of the canonical source document (imports): re-importing it changes nothing. */
    sourceHash: text('source_hash'),
    revision: integer('revision').notNull().default(0),
    /** The coordination case it came from, when there is one (later issues). */
    caseId: text('case_id'),
    publishAt: ts('publish_at'),
    publishedAt: ts('published_at'),
    modifiedAt: ts('modified_at'),
    withdrawnAt: ts('withdrawn_at'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('advisories_state_idx').on(t.state, t.modifiedAt),
    index('advisories_owner_idx').on(t.ownerOrganisationId, t.updatedAt),
    index('advisories_cve_idx').on(t.cveId),
    uniqueIndex('advisories_draft_id_key').on(t.draftId),
  ],
);

/**
 * Every published revision, kept (OSV `modified`, CSAF `revision_history`). Rows exist
 * only for published or withdrawn advisories, whose marking is TLP:CLEAR; reads still go
 * through the advisory's visibility.
 */
export const advisoryRevisions = pgTable(
  'advisory_revisions',
  {
    advisoryId: text('advisory_id')
      .notNull()
      .references(() => advisories.id),
    number: integer('number').notNull(),
    at: ts('at').notNull(),
    summary: text('summary').notNull(),
    osv: jsonb('osv').$type<OsvRecord>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.advisoryId, t.number] })],
);

/**
 * The per-year id counter. Incremented with INSERT … ON CONFLICT DO UPDATE in the
 * publication transaction (ADR 0021; drafting before that, ADR 0020): the row stays locked until commit, so ids are neither raced nor
 * lost (a rolled-back draft rolls its number back too) — ADR 0020.
 */
export const advisoryCounters = pgTable('advisory_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
