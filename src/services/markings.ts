import { AppError, type FieldProblem } from '../domain/errors';
import { type Principal, viewerOf } from '../domain/identity/principal';
import { type Classification, type Marking, type Tlp, classificationRank, clearanceRank } from '../domain/policy/marking';
import { canSeeUser } from '../domain/policy/users';
import type { Executor } from '../store/database';
import { findOrganisation } from '../store/organisations';
import { findUser } from '../store/users';

/** How a caller asks for a record to be marked. */
export interface MarkingInput {
  readonly tlp: Tlp;
  readonly classification?: Classification | undefined;
  readonly access?: { readonly organisations?: readonly string[]; readonly users?: readonly string[] } | undefined;
  /** Share with the clearinghouse's coordinators, whoever they are when it is read (ADR 0008). */
  readonly coordinators?: boolean | undefined;
}

/**
 * The marking of a record a principal creates: owned by their organisation, created by
 * them. One cannot mark a record above one's own clearance (one would lose sight of it),
 * and every access-list entry must exist. A user the caller may not see (policy/users.ts)
 * is refused exactly as an id nobody holds, so an access list is no oracle for who exists
 * elsewhere (issue 9 item 8). Organisations need no such care: the directory is TLP:GREEN.
 */
export async function markingFor(db: Executor, p: Principal, input: MarkingInput, base = '/marking'): Promise<Marking> {
  const classification = input.classification ?? 'UNCLASSIFIED';
  const problems: FieldProblem[] = [];
  if (classificationRank(classification) > clearanceRank(p.clearance)) {
    problems.push({ path: `${base}/classification`, message: 'above your clearance' });
  }
  const orgs = [...new Set(input.access?.organisations ?? [])];
  const users = [...new Set(input.access?.users ?? [])];
  for (const [i, id] of orgs.entries()) {
    if (!(await findOrganisation(db, id))) problems.push({ path: `${base}/access/organisations/${i}`, message: 'no such organisation' });
  }
  const viewer = viewerOf(p);
  for (const [i, id] of users.entries()) {
    const user = await findUser(db, id);
    if (!user || !canSeeUser(viewer, user.organisationId)) problems.push({ path: `${base}/access/users/${i}`, message: 'no such user' });
  }
  if (problems.length) throw new AppError('VALIDATION', 'The marking is not valid', problems);
  return {
    ownerOrganisationId: p.organisationId,
    createdBy: p.userId,
    tlp: input.tlp,
    classification,
    accessOrganisations: orgs.filter((o) => o !== p.organisationId),
    accessUsers: users.filter((u) => u !== p.userId),
    coordinators: input.coordinators ?? false,
  };
}

/** The API shape of a marking. */
export const markingView = (m: Marking) => ({
  tlp: m.tlp,
  classification: m.classification,
  ownerOrganisationId: m.ownerOrganisationId,
  createdBy: m.createdBy,
  access: { organisations: [...m.accessOrganisations], users: [...m.accessUsers] },
  coordinators: m.coordinators ?? false,
});

/** The owner of a record the system itself writes (seeded data): no organisation. */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/**
 * The marking of published material — shipped or admin-added rule sets and practice catalogues
 * (ADR 0085, 0105): TLP:CLEAR, so their audit entries and events reach everyone; owned by the
 * adding organisation, or by no organisation when the system seeds them.
 */
export const publishedMarking = (ownerOrganisationId: string | null, createdBy: string | null): Marking => ({
  ownerOrganisationId: ownerOrganisationId ?? NO_ORGANISATION,
  createdBy,
  tlp: 'CLEAR',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
});
