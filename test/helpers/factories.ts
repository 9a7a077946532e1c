import { CLI_ACTOR } from '../../src/services/actor';
import type { ServiceContext } from '../../src/services/context';
import { createOrganisation, type OrganisationInput } from '../../src/services/organisations';
import { createUser } from '../../src/services/users';
import type { Principal } from '../../src/domain/identity/principal';
import type { Role } from '../../src/domain/identity/roles';
import type { Clearance } from '../../src/domain/policy/marking';
import { findUserWithOrganisation } from '../../src/store/users';
import { principalOf } from '../../src/services/principal';

let n = 0;
const unique = (s: string) => `${s}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

/** Makes an organisation (a software vendor unless told otherwise). */
export async function makeOrganisation(ctx: ServiceContext, input: Partial<OrganisationInput> = {}) {
  return createOrganisation(ctx, CLI_ACTOR, {
    name: unique(input.name ?? 'org'),
    kind: input.kind ?? 'software_vendor',
    ...input,
    ...(input.name ? { name: unique(input.name) } : {}),
  });
}

/** Makes an active user (and, unless given, an organisation for them) and returns their session principal. */
export async function makePrincipal(
  ctx: ServiceContext,
  opts: { organisationId?: string; role?: Role; clearance?: Clearance; coordinator?: boolean } = {},
): Promise<Principal> {
  const orgId = opts.organisationId ?? (await makeOrganisation(ctx, { coordinator: opts.coordinator ?? false })).id;
  const { user } = await createUser(ctx, CLI_ACTOR, {
    email: `${unique('user')}@example.test`,
    name: 'Test User',
    organisationId: orgId,
    role: opts.role ?? 'member',
    clearance: opts.clearance ?? 'NONE',
    password: 'a long enough test password',
  });
  const r = await findUserWithOrganisation(ctx.db, user.id);
  return principalOf(r!.user, r!.organisation, null, null);
}
