import type { LocationDisclosure } from '../frontier/compute-vocabulary';
import { type Clearance, type Marking, clearanceRank } from './marking';
import type { Viewer } from './viewer';
import { canSee } from './visibility';

/**
 * Where a compute facility is — country, region, site — is narrower than the facility itself
 * (issue 12: "who may see a facility's location follows its marking"; research §4.3 "site with
 * precision controls"). A partner the owner shares the facility with learns that it exists, its
 * operator, power and status; the location of a `restricted` facility stays with:
 * - members of the owner organisation (who may see the facility), and
 * - cleared coordinator staff: analysts and admins of the clearinghouse whose clearance is at
 *   least `LOCATION_CLEARANCE` (a site of 10^20 OP/s is a security fact, not only a commercial one).
 * A facility marked `with_facility` shows its location to whoever may see the facility. Nobody
 * sees the location of a facility they may not see. The store's SQL twin is `locationVisibleTo`.
 */
export const LOCATION_CLEARANCE: Clearance = 'CONFIDENTIAL';

/** Whether `viewer` may see the location of a facility marked `m` with `disclosure`. */
export function canSeeFacilityLocation(viewer: Viewer, m: Marking, disclosure: LocationDisclosure): boolean {
  if (!canSee(viewer, m)) return false;
  if (disclosure === 'with_facility') return true;
  const s = locationScope(viewer);
  return s.all || s.ownerOrganisationId === m.ownerOrganisationId || s.clearedStaff;
}

/** The rule above as data for one viewer (beyond seeing the facility): what opens a restricted location. */
export interface LocationScope {
  readonly all: boolean;
  readonly ownerOrganisationId: string | null;
  readonly clearedStaff: boolean;
}

export function locationScope(viewer: Viewer): LocationScope {
  if (viewer.kind === 'system') return { all: true, ownerOrganisationId: null, clearedStaff: false };
  if (viewer.kind === 'anonymous') return { all: false, ownerOrganisationId: null, clearedStaff: false };
  if (viewer.kind === 'organisation') return { all: false, ownerOrganisationId: viewer.organisationId, clearedStaff: false };
  return {
    all: false,
    ownerOrganisationId: viewer.organisationId,
    clearedStaff: viewer.staff && clearanceRank(viewer.clearance) >= clearanceRank(LOCATION_CLEARANCE),
  };
}
