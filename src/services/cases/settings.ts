import { checkPolicy, DEFAULT_EMBARGO_POLICY, type EmbargoPolicy } from '../../domain/cases/embargo-policy';
import { can } from '../../domain/policy/actions';
import { organisationMarking } from '../../domain/identity/directory-marking';
import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { findCaseSettings, upsertCaseSettings } from '../../store/cases/proposals';
import type { Executor } from '../../store/database';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';

/** The platform's embargo policy (the defaults until an admin sets one). */
export async function embargoPolicy(db: Executor): Promise<EmbargoPolicy> {
  const row = await findCaseSettings(db);
  return row ? { ...DEFAULT_EMBARGO_POLICY, ...(row.policy as Partial<EmbargoPolicy>) } : DEFAULT_EMBARGO_POLICY;
}

/** Sets the embargo policy (platform admins), naming every bad field. */
export async function setEmbargoPolicy(ctx: ServiceContext, p: Principal, policy: EmbargoPolicy): Promise<EmbargoPolicy> {
  if (!can(p, 'cases.configure')) throw new AppError('FORBIDDEN', 'Only platform administrators set the embargo policy');
  const problems = checkPolicy(policy);
  if (problems.length) throw new AppError('VALIDATION', 'The embargo policy is not valid', problems);
  const clean: EmbargoPolicy = { ...policy, reminderOffsetsMinutes: [...new Set(policy.reminderOffsetsMinutes)].sort((a, b) => b - a) };
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await embargoPolicy(tx);
    await upsertCaseSettings(tx, clean, ctx.now(), p.userId);
    record({
      action: 'case_settings.updated',
      recordType: 'case_settings',
      recordId: '1',
      before,
      after: clean,
      marking: organisationMarking(p.organisationId),
    });
    return clean;
  });
}
