import { notFound } from '../../domain/errors';
import type { Viewer } from '../../domain/policy/viewer';
import { runsOfTask } from '../../store/frontier/evaluations';
import { findVisibleModel } from '../../store/frontier/models';
import type { ServiceContext } from '../context';

/** The most runs one comparison reads (a chart with more points than this says nothing more). */
export const COMPARE_LIMIT = 2000;

export interface MetricKey {
  readonly scorer: string;
  readonly metric: string;
}

/**
 * One task's results across a model's checkpoints, for a chart (issue 12): per checkpoint (in
 * registration order) the newest visible run's value of every scorer's metric, and how many
 * runs it had. `metrics` lists every scorer/metric pair any of them has, in first-seen order.
 */
export async function compareEvaluationRuns(ctx: ServiceContext, viewer: Viewer, q: { modelId: string; task: string }) {
  if (!(await findVisibleModel(ctx.db, viewer, q.modelId))) throw notFound('Model');
  const rows = await runsOfTask(ctx.db, viewer, q.modelId, q.task, COMPARE_LIMIT);
  const metrics: MetricKey[] = [];
  const seen = new Set<string>();
  const byCheckpoint = new Map<string, { row: (typeof rows)[number]; runs: number }>();
  for (const row of rows) {
    const at = byCheckpoint.get(row.checkpoint.id);
    // rows come in import order within a checkpoint: the last one is the newest
    byCheckpoint.set(row.checkpoint.id, { row, runs: (at?.runs ?? 0) + 1 });
    for (const s of row.run.scores)
      for (const { name: metric } of s.metrics) {
        const key = JSON.stringify([s.name, metric]);
        if (!seen.has(key)) metrics.push({ scorer: s.name, metric });
        seen.add(key);
      }
  }
  const checkpoints = [...byCheckpoint.values()].map(({ row, runs }) => ({
    checkpointId: row.checkpoint.id,
    hash: row.checkpoint.hash,
    label: row.checkpoint.label,
    versionId: row.version.id,
    version: row.version.version,
    runId: row.run.id,
    runs,
    values: row.run.scores.flatMap((s) => s.metrics.map((m) => ({ scorer: s.name, metric: m.name, value: m.value }))),
  }));
  return { modelId: q.modelId, task: q.task, metrics, checkpoints };
}
export type EvaluationComparison = Awaited<ReturnType<typeof compareEvaluationRuns>>;
