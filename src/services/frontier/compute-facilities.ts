import { AppError, notFound } from '../../domain/errors';
import { facilityProblems } from '../../domain/frontier/compute-checks';
import type { FacilityStatus, LocationDisclosure } from '../../domain/frontier/compute-vocabulary';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Viewer } from '../../domain/policy/viewer';
import {
  type FacilityFilter,
  type FacilityRow,
  findVisibleFacility,
  insertFacility,
  listVisibleFacilities,
  updateFacility,
} from '../../store/frontier/compute';
import { findOrganisation } from '../../store/organisations';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type MarkingInput, markingFor } from '../markings';
import { write } from '../unit-of-work';
import { facilityView, type FacilityView } from './compute-views';

/**
 * Unless the owner says otherwise a facility is TLP:AMBER to its organisation, shared with the
 * coordinators; its location is `restricted` (the owner and cleared staff, policy/compute-location.ts).
 */
export const DEFAULT_FACILITY_MARKING: MarkingInput = Object.freeze({ tlp: 'AMBER', coordinators: true });

export interface FacilityInput {
  readonly name: string;
  readonly operatorOrganisationId?: string | null | undefined;
  readonly operatorName?: string | undefined;
  readonly country?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly site?: string | null | undefined;
  readonly locationDisclosure?: LocationDisclosure | undefined;
  readonly powerCapacityMw?: number | null | undefined;
  readonly status: FacilityStatus;
  readonly marking?: MarkingInput | undefined;
}
export type FacilityPatch = Partial<Omit<FacilityInput, 'marking'>>;

/** Events name the facility and its status, never where it is: the location is narrower than the row. */
const eventData = (f: FacilityRow) => ({ id: f.id, status: f.status, powerCapacityMw: f.powerCapacityMw, operatorOrganisationId: f.operatorOrganisationId });

/** Audit entries keep a digest of the location, not the place, for the same reason. */
const auditState = (f: FacilityRow) => ({ ...f, country: f.country ? 'set' : null, region: f.region ? 'set' : null, site: f.site ? 'set' : null });

async function operatorProblems(ctx: ServiceContext, id: string | null | undefined) {
  if (!id) return [];
  return (await findOrganisation(ctx.db, id)) ? [] : [{ path: '/operatorOrganisationId', message: 'no such organisation' }];
}

/** Registers a facility of the caller's organisation (its writers). */
export async function registerFacility(ctx: ServiceContext, p: Principal, input: FacilityInput): Promise<FacilityView> {
  if (!can(p, 'frontier.register-compute', { organisationId: p.organisationId }))
    throw new AppError('FORBIDDEN', 'Only a writer of the owner organisation registers its compute');
  const problems = [...facilityProblems(input), ...(await operatorProblems(ctx, input.operatorOrganisationId))];
  if (problems.length) throw new AppError('VALIDATION', 'The facility is not valid', problems);
  const marking = await markingFor(ctx.db, p, input.marking ?? DEFAULT_FACILITY_MARKING);
  return write(ctx, actorOf(p), async (tx, record) => {
    const now = ctx.now();
    const f = await insertFacility(tx, {
      id: ctx.newId(),
      name: input.name,
      operatorOrganisationId: input.operatorOrganisationId ?? null,
      operatorName: input.operatorName ?? '',
      country: input.country ?? null,
      region: input.region ?? null,
      site: input.site ?? null,
      locationDisclosure: input.locationDisclosure ?? 'restricted',
      powerCapacityMw: input.powerCapacityMw ?? null,
      status: input.status,
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    record({
      action: 'frontier_facility.registered',
      recordType: 'frontier_facility',
      recordId: f.id,
      before: null,
      after: auditState(f),
      marking,
      data: eventData(f),
    });
    return facilityView(f, viewerOf(p));
  });
}

/** Changes a facility (status, power, operator, location) — a writer of its owner. */
export async function changeFacility(ctx: ServiceContext, p: Principal, id: string, patch: FacilityPatch): Promise<FacilityView> {
  const problems = [...facilityProblems(patch), ...(await operatorProblems(ctx, patch.operatorOrganisationId))];
  return write(ctx, actorOf(p), async (tx, record) => {
    const f = await findVisibleFacility(tx, viewerOf(p), id, true);
    if (!f) throw notFound('Facility');
    if (!can(p, 'frontier.register-compute', { organisationId: f.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Only a writer of the facility's owner changes it");
    if (problems.length) throw new AppError('VALIDATION', 'The facility is not valid', problems);
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const after = await updateFacility(tx, f.id, { ...set, updatedAt: ctx.now() });
    record({
      action: 'frontier_facility.updated',
      recordType: 'frontier_facility',
      recordId: f.id,
      before: auditState(f),
      after: auditState(after),
      marking: markingOf(after),
      data: eventData(after),
    });
    return facilityView(after, viewerOf(p));
  });
}

export async function getFacility(ctx: ServiceContext, viewer: Viewer, id: string): Promise<FacilityView> {
  const f = await findVisibleFacility(ctx.db, viewer, id);
  if (!f) throw notFound('Facility');
  return facilityView(f, viewer);
}

export async function listFacilities(ctx: ServiceContext, viewer: Viewer, f: FacilityFilter, limit: number, offset: number) {
  const r = await listVisibleFacilities(ctx.db, viewer, f, limit, offset);
  return { items: r.items.map((x) => facilityView(x, viewer)), total: r.total };
}
