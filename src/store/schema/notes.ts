import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './identity';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * Organisation notes: the first protected record type, proving the marking model end to
 * end. An analyst's or a member's note, optionally about an organisation.
 */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey(),
    subjectOrganisationId: uuid('subject_organisation_id').references(() => organisations.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('notes_owner_idx').on(t.ownerOrganisationId, t.createdAt), index('notes_created_idx').on(t.createdAt)],
);
