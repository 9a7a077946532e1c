import { FormatError, pointer } from '../problem';
import { metricValue, Reader } from './read';
import {
  INSPECT_LOG_VERSIONS,
  INSPECT_STATUSES,
  type InspectLogFormat,
  type InspectRunSummary,
  type InspectScore,
  type InspectStatus,
  type InspectUsage,
} from './types';

/** The parts of a log the summary needs: the header fields of `EvalLog` and counts over its samples. */
export interface InspectHeader {
  /** `EvalLog` without `samples` (or with: they are not read). */
  readonly log: unknown;
  /** Samples (× epochs) the log holds, and how many of them carry an error. */
  readonly samplesInLog: number;
  readonly sampleErrors: number;
  /** Prefix of every problem's path (`/header.json` inside an `.eval`). */
  readonly base?: string;
}

/**
 * Refuses a log of a format version this reader does not know, naming it and the known ones
 * (as inspect_ai's own `validate_log_file_version` refuses a log newer than it).
 */
export function checkInspectVersion(version: unknown, path = '/version'): number {
  if (typeof version === 'number' && (INSPECT_LOG_VERSIONS as readonly number[]).includes(version)) return version;
  const known = INSPECT_LOG_VERSIONS.join(', ');
  if (version === undefined || version === null) throw new FormatError('inspect', [{ path, message: `is missing (supported versions: ${known})` }]);
  throw new FormatError('inspect', [{ path, message: `unsupported Inspect log format version ${JSON.stringify(version)} (supported versions: ${known})` }]);
}

/**
 * `EvalResults.scores` — or, in version 1 logs, one `scorer` with `metrics` beside it, which
 * inspect_ai itself converts to a one-element `scores` list (`convert_scorer_to_scorers`).
 */
function scoresOf(r: Reader, results: Record<string, unknown> | null, base: string): InspectScore[] {
  if (!results) return [];
  const list: unknown[] = Array.isArray(results.scores)
    ? results.scores
    : results.scorer
      ? [{ ...(results.scorer as object), scorer: (results.scorer as Record<string, unknown>).name, metrics: results.metrics }]
      : [];
  if (results.scores !== undefined && results.scores !== null && !Array.isArray(results.scores)) r.problem(`${base}/scores`, 'must be a list');
  return list.flatMap((s, i) => {
    const path = `${base}/scores/${i}`;
    const o = r.object(s, path);
    if (!o) return [];
    const name = r.string(o, 'name', path);
    const scorer = r.string(o, 'scorer', path, false) ?? name;
    const metrics: Record<string, number | null> = {};
    const m = r.object(o.metrics, `${path}/metrics`, false);
    for (const [key, metric] of Object.entries(m ?? {})) {
      const mo = r.object(metric, pointer(`${path}/metrics`, key));
      metrics[key] = mo ? metricValue(mo.value) : null;
    }
    const reducer = typeof o.reducer === 'string' ? o.reducer : null;
    return name ? [{ name, scorer: scorer ?? name, reducer, metrics }] : [];
  });
}

function usageOf(r: Reader, stats: Record<string, unknown> | null, base: string): InspectUsage[] {
  const usage = r.object(stats?.model_usage, `${base}/model_usage`, false);
  return Object.entries(usage ?? {})
    .map(([model, u]) => {
      const path = pointer(`${base}/model_usage`, model);
      const o = r.object(u, path);
      return {
        model,
        inputTokens: r.count(o, 'input_tokens', path) ?? 0,
        outputTokens: r.count(o, 'output_tokens', path) ?? 0,
        totalTokens: r.count(o, 'total_tokens', path) ?? 0,
      };
    })
    .sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

const timestamp = (r: Reader, o: Record<string, unknown> | null, key: string, path: string): string | null => {
  const s = r.string(o, key, path, false);
  if (s !== null && Number.isNaN(Date.parse(s))) {
    r.problem(pointer(path, key), 'must be an ISO 8601 timestamp');
    return null;
  }
  return s;
};

/**
 * The summary of one Inspect log from its header (`EvalLog` fields, `log/_log.py`): every bad
 * field is named at once in a FormatError; the version is checked first, since what the other
 * fields mean depends on it.
 */
export function summariseInspectLog(format: InspectLogFormat, h: InspectHeader): InspectRunSummary {
  const base = h.base ?? '';
  const r = new Reader(base);
  const log = r.object(h.log, '');
  if (!log) throw new FormatError('inspect', r.problems);
  const version = checkInspectVersion(log.version, `${base}/version`);
  const spec = r.object(log.eval, '/eval');
  const runId = r.string(spec, 'run_id', '/eval');
  const task = r.string(spec, 'task', '/eval');
  const model = r.string(spec, 'model', '/eval');
  const tv = spec?.task_version;
  if (tv !== undefined && typeof tv !== 'number' && typeof tv !== 'string') r.problem('/eval/task_version', 'must be a number or a string');
  const dataset = r.object(spec?.dataset, '/eval/dataset', false);
  const status = log.status ?? 'started';
  if (!(INSPECT_STATUSES as readonly unknown[]).includes(status)) r.problem('/status', `must be one of ${INSPECT_STATUSES.join(', ')}`);
  const results = r.object(log.results, '/results', false);
  const stats = r.object(log.stats, '/stats', false);
  const error = r.object(log.error, '/error', false);
  const scores = scoresOf(r, results, '/results');
  const usage = usageOf(r, stats, '/stats');
  const startedAt = timestamp(r, stats, 'started_at', '/stats');
  const completedAt = timestamp(r, stats, 'completed_at', '/stats');
  const total = r.count(results, 'total_samples', '/results');
  const completed = r.count(results, 'completed_samples', '/results');
  const datasetSamples = r.count(dataset, 'samples', '/eval/dataset');
  if (r.problems.length || !runId || !task || !model) throw new FormatError('inspect', r.problems);
  return {
    format,
    version,
    evalId: typeof spec?.eval_id === 'string' ? spec.eval_id : null,
    runId,
    task,
    taskId: typeof spec?.task_id === 'string' ? spec.task_id : null,
    taskVersion: tv === undefined || tv === null ? '0' : String(tv),
    model,
    dataset: {
      name: typeof dataset?.name === 'string' ? dataset.name : null,
      location: typeof dataset?.location === 'string' ? dataset.location : null,
      samples: datasetSamples,
    },
    status: status as InspectStatus,
    totalSamples: total ?? h.samplesInLog,
    completedSamples: completed ?? h.samplesInLog - h.sampleErrors,
    samplesInLog: h.samplesInLog,
    sampleErrors: h.sampleErrors,
    error: error ? (typeof error.message === 'string' ? error.message : 'error') : null,
    scores,
    usage,
    createdAt: typeof spec?.created === 'string' ? spec.created : null,
    startedAt,
    completedAt,
    durationSeconds: startedAt && completedAt ? (Date.parse(completedAt) - Date.parse(startedAt)) / 1000 : null,
  };
}
