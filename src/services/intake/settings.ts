import { AppError } from '../../domain/errors';
import type { IntakeLimits } from '../../domain/intake/admission';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { organisationMarking } from '../../domain/identity/directory-marking';
import type { Executor } from '../../store/database';
import {
  deleteIntakeQuota,
  findIntakeQuota,
  findIntakeSettings,
  listIntakeQuotas,
  upsertIntakeQuota,
  upsertIntakeSettings,
} from '../../store/intake/admission';
import { findOrganisation } from '../../store/organisations';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { DEFAULT_LIMITS, DEFAULT_NEEDS_INFO_CLOSE_DAYS } from './admission';

export interface IntakeSettings extends IntakeLimits {
  readonly needsInfoCloseDays: number;
}

const forbidden = () => new AppError('FORBIDDEN', 'Only platform administrators configure intake');

/** The platform's intake settings (defaults when an admin has set none). */
export async function intakeSettings(db: Executor): Promise<IntakeSettings> {
  const s = await findIntakeSettings(db);
  return s
    ? {
        findingsPerMinute: s.findingsPerMinute,
        priorityFindingsPerMinute: s.priorityFindingsPerMinute,
        findingsPerDay: s.findingsPerDay,
        needsInfoCloseDays: s.needsInfoCloseDays,
      }
    : { ...DEFAULT_LIMITS, needsInfoCloseDays: DEFAULT_NEEDS_INFO_CLOSE_DAYS };
}

export async function setIntakeSettings(ctx: ServiceContext, p: Principal, input: IntakeSettings): Promise<IntakeSettings> {
  if (!can(p, 'intake.configure')) throw forbidden();
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await intakeSettings(tx);
    await upsertIntakeSettings(tx, { ...input, updatedAt: ctx.now(), updatedBy: p.userId });
    record({
      action: 'intake_settings.updated',
      recordType: 'intake_settings',
      recordId: '1',
      before,
      after: input,
      marking: organisationMarking(p.organisationId),
    });
    return input;
  });
}

export const quotaView = (q: {
  organisationId: string;
  findingsPerMinute: number;
  priorityFindingsPerMinute: number;
  findingsPerDay: number;
  updatedAt: Date;
}) => ({
  organisationId: q.organisationId,
  findingsPerMinute: q.findingsPerMinute,
  priorityFindingsPerMinute: q.priorityFindingsPerMinute,
  findingsPerDay: q.findingsPerDay,
  updatedAt: q.updatedAt.toISOString(),
});

export async function listQuotas(ctx: ServiceContext, p: Principal) {
  if (!can(p, 'intake.configure')) throw forbidden();
  return (await listIntakeQuotas(ctx.db)).map(quotaView);
}

/** Sets an organisation's own limits (or, with `null`, returns it to the defaults). */
export async function setQuota(ctx: ServiceContext, p: Principal, organisationId: string, limits: IntakeLimits | null) {
  if (!can(p, 'intake.configure')) throw forbidden();
  return write(ctx, actorOf(p), async (tx, record) => {
    if (!(await findOrganisation(tx, organisationId))) throw new AppError('NOT_FOUND', 'Organisation not found');
    const before = await findIntakeQuota(tx, organisationId);
    const marking = { ...organisationMarking(organisationId), tlp: 'AMBER+STRICT' as const, accessOrganisations: [p.organisationId] };
    if (!limits) {
      await deleteIntakeQuota(tx, organisationId);
      record({
        action: 'intake_quota.updated',
        recordType: 'intake_quota',
        recordId: organisationId,
        before: before && quotaView(before),
        after: null,
        marking,
      });
      return null;
    }
    const row = await upsertIntakeQuota(tx, { organisationId, ...limits, updatedAt: ctx.now(), updatedBy: p.userId });
    record({
      action: 'intake_quota.updated',
      recordType: 'intake_quota',
      recordId: organisationId,
      before: before && quotaView(before),
      after: quotaView(row),
      marking,
    });
    return quotaView(row);
  });
}
