import { bigint, integer, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

/** The audit chain (ADR 0004). `seq` is assigned under a lock, contiguous from 1. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    beforeDigest: text('before_digest'),
    afterDigest: text('after_digest'),
    ...markingColumns(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_record_idx').on(t.recordType, t.recordId, t.seq)],
);

/** The chain's head, updated in the same transaction as each append: detects deleted newest rows. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
