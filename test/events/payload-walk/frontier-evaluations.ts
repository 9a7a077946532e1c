import { importEvaluationRun } from '../../../src/services/frontier/evaluation-runs';
import { addCheckpoint } from '../../../src/services/frontier/lineage';
import { createModel } from '../../../src/services/frontier/models';
import type { Canaries } from './canaries';
import type { PayloadWorld } from './world';

/** A minimal Inspect JSON log (version 2) whose task is a canary of the run. */
const log = (task: string) =>
  Buffer.from(
    JSON.stringify({
      version: 2,
      status: 'success',
      eval: { run_id: 'r1', task, task_version: 0, model: 'lab/model', dataset: { name: 'd', samples: 1 } },
      results: {
        total_samples: 1,
        completed_samples: 1,
        scores: [{ name: 'match', scorer: 'match', metrics: { accuracy: { name: 'accuracy', value: 0.5 } } }],
      },
      stats: { started_at: '2026-01-01T00:00:00Z', completed_at: '2026-01-01T00:00:05Z', model_usage: {} },
    }),
  );

/**
 * Evaluation runs (issue 12): vendor A, as a lab, imports an Inspect log against a checkpoint of
 * its own model; the run is AMBER to A and the coordinators, and its task a canary.
 */
export async function frontierEvaluationEvents(w: PayloadWorld, c: Canaries): Promise<void> {
  const lab = w.vendors[0]!;
  const model = await createModel(w.ctx, lab, { name: 'evaluated model', versions: [{ version: 'e1' }] });
  const cp = await addCheckpoint(w.ctx, lab, model.versions[0]!.id, { hash: `sha256:${'e'.repeat(64)}` });
  const { run } = await importEvaluationRun(w.ctx, lab, { checkpointId: cp.id, bytes: log('CANARY-evaluation-task-A'), name: 'CANARY-run-name-A' });
  c.plant('CANARY-evaluation-task-A', run.id);
}
