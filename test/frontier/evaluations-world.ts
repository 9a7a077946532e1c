import { readFileSync } from 'node:fs';
import type { Principal } from '../../src/domain/identity/principal';
import type { ServiceContext } from '../../src/services/context';
import { addCheckpoint } from '../../src/services/frontier/lineage';
import { vectorPath } from '../helpers/vectors';
import { makeModel } from './registry-world';

let n = 0;

/** The bytes of a public sample log (test/vectors/standards/inspect). */
export const sampleLog = (name: string): Buffer => readFileSync(vectorPath(`standards/inspect/${name}`));

/** A small Inspect JSON log (version 2) of `task` with one `match` scorer whose accuracy is `accuracy`. */
export function inspectLog(task: string, accuracy: number, over: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      version: 2,
      status: 'success',
      eval: { run_id: `run-${++n}`, task, task_version: 1, model: 'lab/model', dataset: { name: task, samples: 10 } },
      results: {
        total_samples: 10,
        completed_samples: 10,
        scores: [{ name: 'match', scorer: 'match', metrics: { accuracy: { name: 'accuracy', value: accuracy } } }],
      },
      stats: {
        started_at: '2026-05-01T10:00:00Z',
        completed_at: '2026-05-01T10:02:00Z',
        model_usage: { 'lab/model': { input_tokens: 10, output_tokens: 5, total_tokens: 15 } },
      },
      ...over,
    }),
  );
}

/** A model of `p`'s lab with a version `v1` and `count` checkpoints (oldest first). */
export async function modelWithCheckpoints(ctx: ServiceContext, p: Principal, count = 1) {
  const { model, versionId } = await makeModel(ctx, p);
  const checkpoints: string[] = [];
  for (let i = 0; i < count; i++) {
    const hex = (++n).toString(16).padStart(64, '0');
    checkpoints.push((await addCheckpoint(ctx, p, versionId, { hash: `sha256:${hex}`, label: `step ${i + 1}` })).id);
  }
  return { modelId: model.id, versionId, checkpoints };
}
