import { addCheckpoint, addLineage } from '../../../src/services/frontier/lineage';
import { createModel, updateModelDetails, updateVersionPlan } from '../../../src/services/frontier/models';
import { addRuleSetVersion, seedBuiltInRuleSets } from '../../../src/services/frontier/rule-sets';
import { setRuleSettings } from '../../../src/services/frontier/rule-settings';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

/**
 * The frontier-model registry, in vendor A acting as a lab: a model (AMBER+STRICT to A and the
 * coordinators) with two versions, facts, a checkpoint, a lineage edge and its evaluations;
 * the shipped rule sets, an administrator's new rule set and the proxy's threshold.
 */
export async function frontierRegistryEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const lab = w.vendors[0]!;
  await seedBuiltInRuleSets(w.ctx);
  const model = await createModel(w.ctx, lab, {
    name: 'CANARY-model-name-A',
    description: 'CANARY-model-description-A',
    versions: [
      {
        version: 'CANARY-version-A',
        facts: [{ key: 'trainingCompute.pretraining', value: 2e25, unit: 'FLOP', method: 'estimated', source: 'CANARY-fact-source-A' }],
      },
      { version: 'v2' },
    ],
  });
  c.plant('CANARY-model-name-A', model.id);
  c.plant('CANARY-model-description-A', model.id);
  const [v1, v2] = model.versions;
  c.plant('CANARY-version-A', v1!.id);
  c.plant('CANARY-fact-source-A', v1!.id);
  await updateModelDetails(w.ctx, lab, model.id, { description: 'CANARY-model-description-A2' });
  c.plant('CANARY-model-description-A2', model.id);
  await updateVersionPlan(w.ctx, lab, v1!.id, { plannedGeneralRelease: '2026-09-20T00:00:00Z' });
  await addCheckpoint(w.ctx, lab, v1!.id, { hash: `sha256:${'c'.repeat(64)}`, label: 'CANARY-checkpoint-label-A' });
  c.plant('CANARY-checkpoint-label-A', v1!.id);
  await addLineage(w.ctx, lab, v2!.id, { parentVersionId: v1!.id, kind: 'fine_tune_of' });
  await setRuleSettings(w.ctx, w.admin, { proxyCyberThreshold: 0.6 });
  await addRuleSetVersion(w.ctx, w.admin, {
    id: 'payload-walk-rule-set',
    version: '1',
    title: 'A rule set of the walk',
    regime: 'test',
    status: 'proposed',
    source: { citation: 'the payload walk' },
    rule: { fact: 'parameters', op: 'gt', value: 1 },
  });
}
