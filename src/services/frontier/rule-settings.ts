import { AppError } from '../../domain/errors';
import { organisationMarking } from '../../domain/identity/directory-marking';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Executor } from '../../store/database';
import { findRuleSettings, upsertRuleSettings } from '../../store/frontier/rule-sets';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';

/** The authority's parameters of the transparent rule sets. */
export interface RuleSettings {
  /** The us-eo14409-proxy's cyber-evaluation threshold (0–1); the default is 0.5. */
  readonly proxyCyberThreshold: number;
}
export const DEFAULT_RULE_SETTINGS: RuleSettings = Object.freeze({ proxyCyberThreshold: 0.5 });

export async function ruleSettings(db: Executor): Promise<RuleSettings> {
  const row = await findRuleSettings(db);
  return row ? { proxyCyberThreshold: row.proxyCyberThreshold } : DEFAULT_RULE_SETTINGS;
}

/** The parameter overrides per rule-set id that the settings stand for. */
export async function ruleParameters(db: Executor): Promise<Record<string, Record<string, unknown>>> {
  const s = await ruleSettings(db);
  return { 'us-eo14409-proxy': { cyberThreshold: s.proxyCyberThreshold } };
}

/**
 * Sets the proxy's threshold (platform administrators, for the authority). It applies to
 * evaluations from now on; results already recorded keep what they were computed with.
 */
export async function setRuleSettings(ctx: ServiceContext, p: Principal, input: RuleSettings): Promise<RuleSettings> {
  if (!can(p, 'platform.administer')) throw new AppError('FORBIDDEN', 'Only platform administrators set the rule-set parameters');
  if (!(Number.isFinite(input.proxyCyberThreshold) && input.proxyCyberThreshold >= 0 && input.proxyCyberThreshold <= 1)) {
    throw new AppError('VALIDATION', 'The settings are not valid', [{ path: '/proxyCyberThreshold', message: 'must be between 0 and 1' }]);
  }
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await ruleSettings(tx);
    await upsertRuleSettings(tx, input.proxyCyberThreshold, ctx.now(), p.userId);
    const after: RuleSettings = { proxyCyberThreshold: input.proxyCyberThreshold };
    record({
      action: 'frontier_rule_settings.updated',
      recordType: 'frontier_rule_settings',
      recordId: '1',
      before,
      after,
      marking: organisationMarking(p.organisationId),
    });
    return after;
  });
}
