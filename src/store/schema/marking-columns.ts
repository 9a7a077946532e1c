import { sql } from 'drizzle-orm';
import { boolean, smallint, text, uuid } from 'drizzle-orm/pg-core';

/**
 * The columns every protected table spreads in (ADR 0003). The store's visibility
 * predicate reads exactly these, so a new record type only declares them.
 * `classification` holds the rank (0 = UNCLASSIFIED … 3 = TOP_SECRET). `coordinators`
 * shares the record with the clearinghouse's coordinators, evaluated at read time (ADR 0008).
 */
export const markingColumns = () => ({
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  createdBy: uuid('created_by'),
  tlp: text('tlp').notNull(),
  classification: smallint('classification').notNull().default(0),
  accessOrganisations: uuid('access_organisations').array().notNull().default(sql`'{}'::uuid[]`),
  accessUsers: uuid('access_users').array().notNull().default(sql`'{}'::uuid[]`),
  coordinators: boolean('coordinators').notNull().default(false),
});
