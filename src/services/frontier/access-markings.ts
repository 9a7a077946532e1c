import type { Marking } from '../../domain/policy/marking';
import type { FrontierVersionRow } from '../../store/frontier/versions';
import { markingOf } from '../../store/visibility';

/**
 * Markings of access records (issue 11 "Everything marked"). A plan is the developer's and
 * the government's: owned by the developer's organisation, shared with the coordinators and
 * with every grantee organisation, at the version's classification. A grant is shared with
 * its own grantee only, so a partner sees its own grants and no one else's; terms, outages,
 * acknowledgements and the access log carry their grant's marking.
 */
export function planMarking(version: FrontierVersionRow, granteeOrganisationIds: readonly string[], createdBy: string | null): Marking {
  const v = markingOf(version);
  return {
    ownerOrganisationId: v.ownerOrganisationId,
    createdBy,
    tlp: 'AMBER+STRICT',
    classification: v.classification,
    accessOrganisations: [...new Set(granteeOrganisationIds)].filter((o) => o !== v.ownerOrganisationId).sort(),
    accessUsers: [],
    coordinators: true,
  };
}

/** A grant's marking: the plan's owner, the coordinators and the grantee. */
export function grantMarking(plan: Marking, granteeOrganisationId: string): Marking {
  return {
    ...plan,
    createdBy: null,
    accessOrganisations: granteeOrganisationId === plan.ownerOrganisationId ? [] : [granteeOrganisationId],
  };
}

/** A nomination's marking: the developer and the coordinators (the partner learns of it through a grant). */
export function nominationMarking(plan: Marking): Marking {
  return { ...plan, createdBy: null, accessOrganisations: [] };
}
