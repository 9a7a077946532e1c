import { type Marking, type Tlp, TLP_LABELS, classificationRank, clearanceRank } from './marking';
import type { Viewer } from './viewer';

/**
 * How a viewer relates to a record. A record is visible when the viewer's clearance covers
 * its classification and one of the viewer's relations is in the audience of its TLP label.
 */
export type Relation =
  /** Anyone, signed in or not. */
  | 'public'
  /** Any signed-in member of this clearinghouse: the TLP "community". */
  | 'community'
  /** A member of the owner organisation or of an organisation on the access list. */
  | 'recipient-organisation'
  /** A member of an organisation that is a client of a recipient organisation. */
  | 'client-organisation'
  /** The record's creator or a user named on the access list. */
  | 'recipient-user';

/**
 * THE need-to-know table (TLP 2.0 definitions):
 * - CLEAR: "Recipients can spread this to the world, there is no limit on disclosure."
 * - GREEN: "…may share … with peers and partner organizations within their community, but
 *   not via publicly accessible channels." Community = everyone signed in here.
 * - AMBER: "…may share … with members of their own organization and its clients on a
 *   need-to-know basis." Clients = organisations registered as clients of a recipient.
 * - AMBER+STRICT: "…restricts sharing to the organization only."
 * - RED: "For the eyes and ears of individual recipients only, no further disclosure."
 *   Organisations on the access list do not open a RED record; only named users do.
 * Roles never widen visibility: an admin sees what a viewer of the same standing sees.
 *
 * A record marked "shared with the coordinators" (`Marking.coordinators`, ADR 0008) names a
 * group whose membership is read at read time: members of a coordinating organisation hold
 * `recipient-organisation` towards it, coordinator staff `recipient-user` (so a TLP:RED proof
 * of concept opens to staff only). This is a relation the record's marking grants, like an
 * access list, not a role override: without the flag a coordinator's role opens nothing.
 * Clients of a coordinating organisation gain nothing from it (the flag names the
 * clearinghouse's own people, not their clients).
 */
export const TLP_AUDIENCE: Readonly<Record<Tlp, readonly Relation[]>> = {
  CLEAR: ['public', 'community', 'recipient-organisation', 'client-organisation', 'recipient-user'],
  GREEN: ['community', 'recipient-organisation', 'client-organisation', 'recipient-user'],
  AMBER: ['recipient-organisation', 'client-organisation', 'recipient-user'],
  'AMBER+STRICT': ['recipient-organisation', 'recipient-user'],
  RED: ['recipient-user'],
};

/** The TLP labels whose audience includes `relation`. */
export function labelsFor(relation: Relation): Tlp[] {
  return TLP_LABELS.filter((tlp) => TLP_AUDIENCE[tlp].includes(relation));
}

const isRecipientOrg = (org: string, m: Marking): boolean => m.ownerOrganisationId === org || m.accessOrganisations.includes(org);

/** Every relation that holds between `viewer` and a record marked `m`. */
export function relationsOf(viewer: Viewer, m: Marking): Set<Relation> {
  const rel = new Set<Relation>(['public']);
  if (viewer.kind === 'anonymous' || viewer.kind === 'system') return rel;
  rel.add('community');
  if (isRecipientOrg(viewer.organisationId, m)) rel.add('recipient-organisation');
  if (viewer.clientOf && isRecipientOrg(viewer.clientOf, m)) rel.add('client-organisation');
  if (viewer.kind === 'user' && (m.createdBy === viewer.userId || m.accessUsers.includes(viewer.userId))) {
    rel.add('recipient-user');
  }
  if (m.coordinators && viewer.coordinator) {
    rel.add('recipient-organisation');
    if (viewer.kind === 'user' && viewer.staff) rel.add('recipient-user');
  }
  return rel;
}

/** The clearance rank a viewer holds (organisations and the public hold none). */
export function viewerClearanceRank(viewer: Viewer): number {
  if (viewer.kind === 'system') return Number.POSITIVE_INFINITY;
  return viewer.kind === 'user' ? clearanceRank(viewer.clearance) : 0;
}

/** Whether `viewer` may see a record marked `m`. The in-memory twin of `visibilityScope`. */
export function canSee(viewer: Viewer, m: Marking): boolean {
  if (viewer.kind === 'system') return true;
  if (classificationRank(m.classification) > viewerClearanceRank(viewer)) return false;
  const audience = TLP_AUDIENCE[m.tlp];
  for (const r of relationsOf(viewer, m)) if (audience.includes(r)) return true;
  return false;
}

/**
 * The same rule as data, for the store to turn into one SQL predicate: for each relation
 * the viewer can hold, the labels it opens and the ids that establish it.
 */
export interface VisibilityScope {
  readonly unrestricted: boolean;
  readonly maxClassificationRank: number;
  readonly publicLabels: readonly Tlp[];
  readonly communityLabels: readonly Tlp[];
  readonly recipientOrganisation: { readonly id: string; readonly labels: readonly Tlp[] } | null;
  readonly clientOrganisation: { readonly id: string; readonly labels: readonly Tlp[] } | null;
  readonly recipientUser: { readonly id: string; readonly labels: readonly Tlp[] } | null;
  /** The labels a record marked "shared with the coordinators" opens to this viewer (none when not one of them). */
  readonly coordinatorLabels: readonly Tlp[];
}

/** Compiles the table above for one viewer. */
export function visibilityScope(viewer: Viewer): VisibilityScope {
  const base = {
    unrestricted: viewer.kind === 'system',
    maxClassificationRank: viewer.kind === 'system' ? Number.MAX_SAFE_INTEGER : viewerClearanceRank(viewer),
    publicLabels: labelsFor('public'),
    communityLabels: [] as Tlp[],
    recipientOrganisation: null,
    clientOrganisation: null,
    recipientUser: null,
    coordinatorLabels: [] as Tlp[],
  };
  if (viewer.kind === 'anonymous' || viewer.kind === 'system') return base;
  const staff = viewer.kind === 'user' && viewer.staff;
  return {
    ...base,
    communityLabels: labelsFor('community'),
    recipientOrganisation: { id: viewer.organisationId, labels: labelsFor('recipient-organisation') },
    clientOrganisation: viewer.clientOf ? { id: viewer.clientOf, labels: labelsFor('client-organisation') } : null,
    recipientUser: viewer.kind === 'user' ? { id: viewer.userId, labels: labelsFor('recipient-user') } : null,
    coordinatorLabels: viewer.coordinator
      ? TLP_LABELS.filter((tlp) => TLP_AUDIENCE[tlp].includes('recipient-organisation') || (staff && TLP_AUDIENCE[tlp].includes('recipient-user')))
      : [],
  };
}
