import { AppError, notFound } from '../domain/errors';
import { organisationMarking } from '../domain/identity/directory-marking';
import { isSector, sectorProblems, type OrganisationKind, type Sector } from '../domain/identity/organisation';
import { can } from '../domain/policy/actions';
import type { Principal } from '../domain/identity/principal';
import type { Executor } from '../store/database';
import { findOrganisation, insertOrganisation, listOrganisations, updateOrganisation } from '../store/organisations';
import { type Actor, actorOf } from './actor';
import type { ServiceContext } from './context';
import { write } from './unit-of-work';
import { organisationView, type OrganisationView } from './views';

export interface OrganisationInput {
  readonly name: string;
  readonly kind: OrganisationKind;
  /** Checked against the sector list here: the CLI passes what it was given. */
  readonly sectors?: readonly string[] | undefined;
  readonly parentId?: string | null | undefined;
  readonly coordinator?: boolean | undefined;
}

const forbidden = () => new AppError('FORBIDDEN', 'Only platform administrators manage organisations');

async function checkParent(db: Executor, parentId: string | null | undefined, selfId?: string): Promise<void> {
  if (!parentId) return;
  if (parentId === selfId) throw new AppError('VALIDATION', 'Invalid parent', [{ path: '/parentId', message: 'an organisation cannot be its own client' }]);
  const parent = await findOrganisation(db, parentId);
  if (!parent) throw new AppError('VALIDATION', 'Invalid parent', [{ path: '/parentId', message: 'no such organisation' }]);
  // One level only: TLP:AMBER reaches a recipient's clients, not clients of clients.
  if (parent.parentId) throw new AppError('VALIDATION', 'Invalid parent', [{ path: '/parentId', message: 'that organisation is itself a client of another' }]);
}

/** Checks kind and sectors together; returns the sectors typed once every one is known. */
export function assertFacts(kind: OrganisationKind, sectors: readonly string[]): Sector[] {
  const problems = sectorProblems({ kind, sectors });
  if (problems.length) throw new AppError('VALIDATION', 'The organisation is not consistent', problems);
  return sectors.filter(isSector);
}

/** Creates an organisation (platform admins, or the local CLI as `actor`). */
export async function createOrganisation(ctx: ServiceContext, who: Principal | Actor, input: OrganisationInput): Promise<OrganisationView> {
  if ('role' in who && !can(who, 'organisations.manage')) throw forbidden();
  const sectors = assertFacts(input.kind, [...new Set(input.sectors ?? [])]);
  const actor = 'role' in who ? actorOf(who) : who;
  return write(ctx, actor, async (tx, record) => {
    await checkParent(tx, input.parentId);
    const now = ctx.now();
    const org = await insertOrganisation(tx, {
      id: ctx.newId(),
      name: input.name,
      kind: input.kind,
      sectors,
      parentId: input.parentId ?? null,
      coordinator: input.coordinator ?? false,
      createdAt: now,
      updatedAt: now,
    });
    const view = organisationView(org);
    record({ action: 'organisation.created', recordType: 'organisation', recordId: org.id, before: null, after: view, marking: organisationMarking(org.id) });
    return view;
  });
}

export async function updateOrganisationFacts(ctx: ServiceContext, p: Principal, id: string, patch: Partial<OrganisationInput>): Promise<OrganisationView> {
  if (!can(p, 'organisations.manage')) throw forbidden();
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await findOrganisation(tx, id);
    if (!before) throw notFound('Organisation');
    const kind = patch.kind ?? before.kind;
    const sectors = assertFacts(kind, patch.sectors ? [...new Set(patch.sectors)] : kind === 'critical_infrastructure_operator' ? before.sectors : []);
    if (patch.parentId !== undefined) await checkParent(tx, patch.parentId, id);
    const after = await updateOrganisation(tx, id, {
      name: patch.name ?? before.name,
      kind,
      sectors,
      parentId: patch.parentId === undefined ? before.parentId : patch.parentId,
      coordinator: patch.coordinator ?? before.coordinator,
      updatedAt: ctx.now(),
    });
    const view = organisationView(after);
    record({
      action: 'organisation.updated',
      recordType: 'organisation',
      recordId: id,
      before: organisationView(before),
      after: view,
      marking: organisationMarking(id),
    });
    return view;
  });
}

/** The directory is visible to every signed-in user (organisations are TLP:GREEN). */
export async function getOrganisation(ctx: ServiceContext, id: string): Promise<OrganisationView> {
  const o = await findOrganisation(ctx.db, id);
  if (!o) throw notFound('Organisation');
  return organisationView(o);
}

export async function searchOrganisations(
  ctx: ServiceContext,
  f: { q?: string | undefined; kind?: OrganisationKind | undefined; limit: number; offset: number },
): Promise<{ items: OrganisationView[]; total: number }> {
  const r = await listOrganisations(ctx.db, f);
  return { items: r.items.map(organisationView), total: r.total };
}
