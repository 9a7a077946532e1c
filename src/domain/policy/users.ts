import { userMarking } from '../identity/directory-marking';
import type { Viewer } from './viewer';
import { canSee, visibilityScope } from './visibility';

/**
 * THE rule for seeing users (issue 9 item 7): a user is a record marked `userMarking` (their
 * organisation, AMBER+STRICT, shared with the coordinators), so the policy table decides.
 * Members see their own organisation's users; members of a coordinating organisation see
 * every user; clients, other organisations and the public see none. Evaluated at read time.
 * A user one cannot see does not exist for one: 404, and "no such user" on an access list.
 */
export const canSeeUser = (viewer: Viewer, organisationId: string): boolean => canSee(viewer, userMarking(organisationId));

/** The same rule as data, for a SQL filter over the users table: every user, one organisation's, or none. */
export type UserScope = { readonly kind: 'all' } | { readonly kind: 'organisation'; readonly organisationId: string } | { readonly kind: 'none' };

/** Compiles `canSeeUser` for one viewer (the policy matrix checks both agree). */
export function userScope(viewer: Viewer): UserScope {
  const s = visibilityScope(viewer);
  const tlp = userMarking('').tlp;
  if (s.unrestricted || s.publicLabels.includes(tlp) || s.communityLabels.includes(tlp) || s.coordinatorLabels.includes(tlp)) return { kind: 'all' };
  if (s.recipientOrganisation?.labels.includes(tlp)) return { kind: 'organisation', organisationId: s.recipientOrganisation.id };
  return { kind: 'none' };
}
