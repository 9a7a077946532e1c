/**
 * What AISC keeps of an Inspect evaluation log (UK AISI's `inspect_ai`, `log/_log.py`): the
 * header of the run — spec, results, stats, error — and counts over its samples, never the
 * transcripts. Field names follow AISC's camelCase; each one says where in the log it comes from.
 */

/** The log schema versions this reader understands (`EvalLog.version`; `LOG_SCHEMA_VERSION` is 2 today). */
export const INSPECT_LOG_VERSIONS = [1, 2] as const;

/** The two files Inspect writes: one JSON document (`.json`), or a zip of JSON entries (`.eval`). */
export type InspectLogFormat = 'json' | 'eval';

/** `EvalLog.status`. */
export const INSPECT_STATUSES = ['started', 'success', 'cancelled', 'error'] as const;
export type InspectStatus = (typeof INSPECT_STATUSES)[number];

/** One scorer's results (`EvalResults.scores[]`, an `EvalScore`): metric name → value. */
export interface InspectScore {
  /** `EvalScore.name` (unique in a run; a scorer run twice gets a suffix). */
  readonly name: string;
  /** `EvalScore.scorer`: the scorer function. */
  readonly scorer: string;
  /** `EvalScore.reducer`: how epochs were reduced (`mean`, `mode`…), null when not recorded. */
  readonly reducer: string | null;
  /** `EvalMetric.value` by metric name; null where the log holds no number (NaN is written as null). */
  readonly metrics: Readonly<Record<string, number | null>>;
}

/** Tokens one model used (`EvalStats.model_usage[model]`, a `ModelUsage`). */
export interface InspectUsage {
  readonly model: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
}

export interface InspectRunSummary {
  readonly format: InspectLogFormat;
  /** `EvalLog.version`. */
  readonly version: number;
  /** `EvalSpec.eval_id` (newer logs; null in older ones). */
  readonly evalId: string | null;
  /** `EvalSpec.run_id`: the run several tasks' logs share. */
  readonly runId: string;
  readonly task: string;
  readonly taskId: string | null;
  /** `EvalSpec.task_version` (an integer or a string in the log), as text. */
  readonly taskVersion: string;
  /** `EvalSpec.model`, e.g. `openai/gpt-4o-mini`. */
  readonly model: string;
  readonly dataset: { readonly name: string | null; readonly location: string | null; readonly samples: number | null };
  readonly status: InspectStatus;
  /** `EvalResults.total_samples` (samples × epochs); without results, the samples the log holds. */
  readonly totalSamples: number;
  /** `EvalResults.completed_samples`; without results, the samples held without an error. */
  readonly completedSamples: number;
  /** Samples (× epochs) present in the log: `samples[]` of a JSON log, the summaries of an `.eval`. */
  readonly samplesInLog: number;
  /** Of those, how many carry an `error`. */
  readonly sampleErrors: number;
  /** `EvalLog.error.message` when the run failed. */
  readonly error: string | null;
  readonly scores: readonly InspectScore[];
  readonly usage: readonly InspectUsage[];
  /** `EvalSpec.created`, as written (ISO 8601 with offset). */
  readonly createdAt: string | null;
  /** `EvalStats.started_at` / `completed_at`, as written. */
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  /** completed − started, in seconds; null when either is missing. */
  readonly durationSeconds: number | null;
}
