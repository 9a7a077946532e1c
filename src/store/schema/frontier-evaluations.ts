import { bigint, customType, index, integer, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { markingColumns } from './marking-columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * One scorer's results as stored (standards/inspect `InspectScore`). Metrics are a list of
 * name/value pairs: jsonb orders an object's keys its own way, and the log's order is the one to show.
 */
export interface StoredScore {
  readonly name: string;
  readonly scorer: string;
  readonly reducer: string | null;
  readonly metrics: readonly { readonly name: string; readonly value: number | null }[];
}

/** Tokens one model used (standards/inspect `InspectUsage`). */
export interface StoredUsage {
  readonly model: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
}

/**
 * Inspect evaluation logs as uploaded, once per content (issue 12, ADR 0102): the SHA-256 of
 * the bytes is the key, so the same file imported twice is stored once. `.json` logs are kept
 * gzip-compressed (`encoding = 'gzip'`), `.eval` archives as they came (already deflated).
 * The table carries no marking of its own: a log is reached only through a run the caller may
 * see (`frontier_evaluation_runs.log_id`), never listed or searched by itself.
 */
export const frontierEvaluationLogs = pgTable('frontier_evaluation_logs', {
  id: uuid('id').primaryKey(),
  /** `sha256:<hex>` of the bytes as uploaded. */
  sha256: text('sha256').notNull().unique('frontier_evaluation_logs_sha256_key'),
  /** `json` | `eval`. */
  format: text('format').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  /** `gzip` | `identity`: how `content` holds the bytes. */
  encoding: text('encoding').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull(),
});

/**
 * One evaluation run extracted from a log and linked to a model checkpoint of the registry:
 * the summary columns to filter and compare on, and the scores, metrics and token usage as
 * JSON. Marked for the importer's organisation, shared with the model's developer and the
 * coordinators (ADR 0102). One run per log and owner: a re-import answers the existing run.
 */
export const frontierEvaluationRuns = pgTable(
  'frontier_evaluation_runs',
  {
    id: uuid('id').primaryKey(),
    logId: uuid('log_id').notNull(),
    checkpointId: uuid('checkpoint_id').notNull(),
    versionId: uuid('version_id').notNull(),
    modelId: uuid('model_id').notNull(),
    /** The importer's name for the run (defaults to the task and the model). */
    name: text('name').notNull(),
    format: text('format').notNull(),
    /** `EvalLog.version`. */
    logVersion: smallint('log_version').notNull(),
    evalId: text('eval_id'),
    runId: text('run_id').notNull(),
    task: text('task').notNull(),
    taskId: text('task_id'),
    taskVersion: text('task_version').notNull(),
    /** `EvalSpec.model`: the model as Inspect named it. */
    evalModel: text('eval_model').notNull(),
    datasetName: text('dataset_name'),
    datasetLocation: text('dataset_location'),
    datasetSamples: integer('dataset_samples'),
    status: text('status').notNull(),
    totalSamples: integer('total_samples').notNull(),
    completedSamples: integer('completed_samples').notNull(),
    samplesInLog: integer('samples_in_log').notNull(),
    sampleErrors: integer('sample_errors').notNull(),
    error: text('error'),
    scores: jsonb('scores').$type<StoredScore[]>().notNull(),
    usage: jsonb('usage').$type<StoredUsage[]>().notNull(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    durationSeconds: real('duration_seconds'),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('frontier_evaluation_runs_log_owner_key').on(t.logId, t.ownerOrganisationId),
    index('frontier_evaluation_runs_model_task_idx').on(t.modelId, t.task),
    index('frontier_evaluation_runs_checkpoint_idx').on(t.checkpointId),
  ],
);
