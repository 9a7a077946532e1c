import type { EvaluationRunRow } from '../../store/frontier/evaluations';
import { markingOf } from '../../store/visibility';
import { markingView } from '../markings';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of an imported evaluation run (issue 12): its summary, scores, usage and errors; never the log's content. */
export const evaluationRunView = (r: EvaluationRunRow) => ({
  id: r.id,
  name: r.name,
  checkpointId: r.checkpointId,
  versionId: r.versionId,
  modelId: r.modelId,
  log: { sha256: r.sha256, format: r.format as 'json' | 'eval', sizeBytes: r.sizeBytes, version: r.logVersion },
  evalId: r.evalId,
  runId: r.runId,
  task: r.task,
  taskId: r.taskId,
  taskVersion: r.taskVersion,
  evalModel: r.evalModel,
  dataset: { name: r.datasetName, location: r.datasetLocation, samples: r.datasetSamples },
  status: r.status as 'started' | 'success' | 'cancelled' | 'error',
  samples: { total: r.totalSamples, completed: r.completedSamples, inLog: r.samplesInLog, errors: r.sampleErrors },
  error: r.error,
  scores: r.scores.map((s) => ({ name: s.name, scorer: s.scorer, reducer: s.reducer, metrics: Object.fromEntries(s.metrics.map((m) => [m.name, m.value])) })),
  usage: r.usage.map((u) => ({ ...u })),
  startedAt: iso(r.startedAt),
  completedAt: iso(r.completedAt),
  durationSeconds: r.durationSeconds,
  marking: markingView(markingOf(r)),
  importedAt: r.createdAt.toISOString(),
});
export type EvaluationRunView = ReturnType<typeof evaluationRunView>;
