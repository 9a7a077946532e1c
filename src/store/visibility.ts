import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Marking } from '../domain/policy/marking';
import { CLASSIFICATIONS, type Tlp } from '../domain/policy/marking';
import type { Viewer } from '../domain/policy/viewer';
import { userScope } from '../domain/policy/users';
import { type VisibilityScope, visibilityScope } from '../domain/policy/visibility';

/** The marking columns of a protected table (see schema/marking-columns.ts). */
export interface MarkedTable {
  readonly ownerOrganisationId: PgColumn;
  readonly createdBy: PgColumn;
  readonly tlp: PgColumn;
  readonly classification: PgColumn;
  readonly accessOrganisations: PgColumn;
  readonly accessUsers: PgColumn;
  readonly coordinators: PgColumn;
}

const labels = (tlps: readonly Tlp[]): SQL =>
  sql`(${sql.join(
    tlps.map((t) => sql`${t}`),
    sql`, `,
  )})`;

/**
 * The SQL twin of `canSee` (domain/policy/visibility.ts): one predicate built from the
 * policy's own table, so every get, list, count, search and export filters the same way.
 * The policy matrix test checks that both agree on every case.
 */
export function visibleTo(viewer: Viewer, t: MarkedTable): SQL {
  return visibleToScope(visibilityScope(viewer), t, (_slot, id) => id);
}

/** How an id of the viewer enters the predicate: as a bound value, or as a named placeholder of a prepared statement. */
type IdBinder = (slot: 'recipientOrganisation' | 'clientOrganisation' | 'recipientUser', id: string) => string | Placeholder;

function visibleToScope(s: VisibilityScope, t: MarkedTable, bind: IdBinder): SQL {
  if (s.unrestricted) return sql`true`;
  const anyOf: SQL[] = [sql`${t.tlp} in ${labels(s.publicLabels)}`];
  if (s.communityLabels.length) anyOf.push(sql`${t.tlp} in ${labels(s.communityLabels)}`);
  for (const slot of ['recipientOrganisation', 'clientOrganisation'] as const) {
    const org = s[slot];
    if (!org) continue;
    const id = bind(slot, org.id);
    anyOf.push(sql`(${t.tlp} in ${labels(org.labels)} and (${t.ownerOrganisationId} = ${id} or ${t.accessOrganisations} @> array[${id}]::uuid[]))`);
  }
  if (s.recipientUser) {
    const u = s.recipientUser;
    const id = bind('recipientUser', u.id);
    anyOf.push(sql`(${t.tlp} in ${labels(u.labels)} and (${t.createdBy} = ${id} or ${t.accessUsers} @> array[${id}]::uuid[]))`);
  }
  if (s.coordinatorLabels.length) anyOf.push(sql`(${t.coordinators} and ${t.tlp} in ${labels(s.coordinatorLabels)})`);
  return sql`(${t.classification} <= ${s.maxClassificationRank} and (${sql.join(anyOf, sql` or `)}))`;
}

/**
 * The same predicate for a prepared statement (ADR 0050): the viewer's ids become named
 * placeholders, everything else (labels, clearance rank) is fixed per `shape`. Viewers
 * with the same shape share one statement; `params` carries this viewer's ids.
 */
export function preparedVisibility(viewer: Viewer, t: MarkedTable): { shape: string; params: Record<string, string>; where: () => SQL } {
  const s = visibilityScope(viewer);
  const params: Record<string, string> = {};
  for (const slot of ['recipientOrganisation', 'clientOrganisation', 'recipientUser'] as const) {
    const id = s[slot]?.id;
    if (id) params[slot] = id;
  }
  const shape = JSON.stringify(s, (k, v: unknown) => (k === 'id' ? '?' : v));
  return { shape, params, where: () => visibleToScope(s, t, (slot) => sql.placeholder(slot)) };
}

/** The SQL twin of `canSeeUser` (domain/policy/users.ts) over a users table's organisation column. */
export function usersVisibleTo(viewer: Viewer, organisationId: PgColumn): SQL {
  const s = userScope(viewer);
  if (s.kind === 'all') return sql`true`;
  if (s.kind === 'organisation') return sql`${organisationId} = ${s.organisationId}`;
  return sql`false`;
}

/** Marking → column values. */
export function markingRow(m: Marking) {
  return {
    ownerOrganisationId: m.ownerOrganisationId,
    createdBy: m.createdBy,
    tlp: m.tlp,
    classification: CLASSIFICATIONS.indexOf(m.classification),
    accessOrganisations: [...m.accessOrganisations],
    accessUsers: [...m.accessUsers],
    coordinators: m.coordinators ?? false,
  };
}

/** Column values → marking. */
export function markingOf(row: {
  ownerOrganisationId: string;
  createdBy: string | null;
  tlp: string;
  classification: number;
  accessOrganisations: string[];
  accessUsers: string[];
  coordinators: boolean;
}): Marking {
  return {
    ownerOrganisationId: row.ownerOrganisationId,
    createdBy: row.createdBy,
    tlp: row.tlp as Tlp,
    classification: CLASSIFICATIONS[row.classification] ?? 'TOP_SECRET',
    accessOrganisations: row.accessOrganisations,
    accessUsers: row.accessUsers,
    coordinators: row.coordinators,
  };
}
