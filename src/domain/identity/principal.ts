import type { Clearance } from '../policy/marking';
import { isCoordinatorStaff } from '../policy/staff';
import type { Viewer } from '../policy/viewer';
import type { Role, Scope } from './roles';

/**
 * An authenticated user as services see them: who they are, their standing, and what
 * the credential they came with allows.
 */
export interface Principal {
  readonly userId: string;
  readonly organisationId: string;
  /** The organisation theirs is a client of (for TLP:AMBER), if any. */
  readonly clientOf: string | null;
  /** Whether their organisation coordinates this clearinghouse (its admins run the platform). */
  readonly coordinator: boolean;
  readonly role: Role;
  readonly clearance: Clearance;
  /** What the credential allows: all of the role's scopes for a session, the token's otherwise. */
  readonly scopes: readonly Scope[];
  /** A label for audit entries (email). */
  readonly label: string;
  /** The API token used, if any (for per-token rate limits and last-used times). */
  readonly tokenId: string | null;
}

/** The policy view of a principal. */
export function viewerOf(p: Principal): Viewer {
  return {
    kind: 'user',
    userId: p.userId,
    organisationId: p.organisationId,
    clientOf: p.clientOf,
    clearance: p.clearance,
    coordinator: p.coordinator,
    staff: isCoordinatorStaff(p),
  };
}
