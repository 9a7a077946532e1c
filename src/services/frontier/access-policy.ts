import { AppError } from '../../domain/errors';
import { type AccessPolicy, accessPolicyProblems, DEFAULT_ACCESS_POLICY, normaliseAccessPolicy } from '../../domain/frontier/access-vocabulary';
import { organisationMarking } from '../../domain/identity/directory-marking';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Executor } from '../../store/database';
import { findAccessSettings, upsertAccessSettings } from '../../store/frontier/access';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';

/** The deployment's access policy: the defaults until a platform admin sets one (ADR 0095). */
export async function accessPolicy(db: Executor): Promise<AccessPolicy> {
  const stored = (await findAccessSettings(db)) as Partial<AccessPolicy> | null;
  return stored ? { ...DEFAULT_ACCESS_POLICY, ...stored } : DEFAULT_ACCESS_POLICY;
}

/**
 * Sets the access policy (platform admins only), naming every bad field. Every plan's window
 * follows at once: nothing is stored from the old policy, the window is computed on read.
 */
export async function setAccessPolicy(ctx: ServiceContext, p: Principal, policy: AccessPolicy): Promise<AccessPolicy> {
  if (!can(p, 'frontier.configure-access')) throw new AppError('FORBIDDEN', 'Only platform administrators set the access policy');
  const problems = accessPolicyProblems(policy);
  if (problems.length) throw new AppError('VALIDATION', 'The access policy is not valid', problems);
  const clean = normaliseAccessPolicy(policy);
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await accessPolicy(tx);
    await upsertAccessSettings(tx, clean, ctx.now(), p.userId);
    record({
      action: 'frontier_access_settings.updated',
      recordType: 'frontier_access_settings',
      recordId: '1',
      before,
      after: clean,
      marking: organisationMarking(p.organisationId),
      data: { ...clean },
    });
    return clean;
  });
}
