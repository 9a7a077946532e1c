import type { Principal } from '../domain/identity/principal';
import { type Role, type Scope, scopesAllowed } from '../domain/identity/roles';
import type { Clearance } from '../domain/policy/marking';
import type { OrganisationRow } from '../store/organisations';
import type { UserRow } from '../store/users';

/**
 * The principal for a user coming with a credential: a session carries all of the role's
 * scopes; a token carries its own, never more than the role allows today (a demoted
 * user's old admin token loses its admin scope at once).
 */
export function principalOf(user: UserRow, org: OrganisationRow, tokenScopes: readonly string[] | null, tokenId: string | null): Principal {
  const role = user.role as Role;
  const allowed = scopesAllowed(role);
  const scopes = tokenScopes ? allowed.filter((s) => tokenScopes.includes(s)) : allowed;
  return {
    userId: user.id,
    organisationId: org.id,
    clientOf: org.parentId,
    coordinator: org.coordinator,
    role,
    clearance: user.clearance as Clearance,
    scopes: scopes as Scope[],
    label: user.email,
    tokenId,
  };
}
