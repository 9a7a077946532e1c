import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AppError, type FieldProblem, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { CLASSIFICATIONS, type Marking, TLP_LABELS, type Tlp } from '../../domain/policy/marking';
import type { Viewer } from '../../domain/policy/viewer';
import type { InspectRunSummary } from '../../standards/inspect';
import { FormatError } from '../../standards/problem';
import {
  findLog,
  findLogByHash,
  findCheckpointOfEngagement,
  findVisibleCheckpoint,
  findVisibleRun,
  findVisibleRunOfLog,
  insertLogOnce,
  insertRun,
  listVisibleRuns,
  type RunFilter,
} from '../../store/frontier/evaluations';
import { markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { type EvaluationRunView, evaluationRunView } from './evaluation-views';
import { DEFAULT_INSPECT_LIMITS, readInspectLog } from './inspect-read';
import { linkRunInTx } from './engagement-runs';

/** TLPs an importer may choose for a run; AMBER is the default (ADR 0102). */
export const RUN_TLPS = ['AMBER', 'AMBER+STRICT'] as const;

/**
 * What an import takes: the log's bytes and the checkpoint it tested. Kept an object so that
 * what later issues link (an assessment engagement) is one more optional field.
 */
export interface EvaluationImportInput {
  readonly checkpointId: string;
  readonly bytes: Buffer;
  /** The run's name; defaults to `<task> on <model>`. */
  readonly name?: string | undefined;
  readonly tlp?: (typeof RUN_TLPS)[number] | undefined;
  /**
   * The assessment engagement the run is evidence for: linked in the same transaction. The
   * checkpoint may then be one the engagement relies on, which the assessor may not otherwise see.
   */
  readonly engagementId?: string | undefined;
}

export interface EvaluationImport {
  readonly run: EvaluationRunView;
  /** False when these bytes were imported before and that run is answered (idempotent re-import). */
  readonly created: boolean;
}

const sha256Of = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const dateOf = (s: string | null) => (s ? new Date(s) : null);

/** The summary of the log, or its problems under `/log` (to be reported with the other fields' problems). */
async function summaryOf(ctx: ServiceContext, bytes: Buffer): Promise<InspectRunSummary | FieldProblem[]> {
  try {
    return await readInspectLog(bytes, { ...DEFAULT_INSPECT_LIMITS, maxLogBytes: ctx.config.inspectLogLimitBytes });
  } catch (err) {
    if (err instanceof FormatError) return err.problems.map((p) => ({ path: `/log${p.path}`, message: p.message }));
    throw err;
  }
}

/** The strictest of these TLP labels (TLP 2.0: CLEAR < GREEN < AMBER < AMBER+STRICT < RED, the order of TLP_LABELS). */
const strictest = (labels: readonly string[]): Tlp => TLP_LABELS[Math.max(...labels.map((l) => TLP_LABELS.indexOf(l as Tlp)))] ?? 'RED';

/**
 * The marking of a run: owned by the importer's organisation, shared with the model's developer
 * and the coordinators, TLP:AMBER unless the importer asks for AMBER+STRICT — and never looser,
 * nor classified lower, than the checkpoint, version or model it speaks of: a run names them, so
 * whoever sees the run must be able to see them (an AMBER run of an AMBER+STRICT model would show
 * the developer's clients a model they may not see). ADR 0102.
 */
function runMarking(p: Principal, tlps: readonly string[], developer: string, ranks: readonly number[]): Marking {
  return {
    ownerOrganisationId: p.organisationId,
    createdBy: p.userId,
    tlp: strictest(tlps),
    classification: CLASSIFICATIONS[Math.max(0, ...ranks)] ?? 'TOP_SECRET',
    accessOrganisations: developer === p.organisationId ? [] : [developer],
    accessUsers: [],
    coordinators: true,
  };
}

/**
 * Imports an Inspect evaluation log (either format) as a run of a model checkpoint the importer
 * may see, in one transaction: the bytes are stored once by content hash, the run with its
 * summary, an audit entry and an `evaluation_run.imported` event. The same bytes imported again
 * answer the run the caller can already see (`created: false`), writing nothing. Every bad
 * field — the log's problems under `/log`, the checkpoint — is named in one answer.
 */
export async function importEvaluationRun(ctx: ServiceContext, p: Principal, input: EvaluationImportInput): Promise<EvaluationImport> {
  if (!can(p, 'records.write')) throw new AppError('FORBIDDEN', 'Your role or token cannot write');
  const summary = await summaryOf(ctx, input.bytes);
  const sha256 = sha256Of(input.bytes);
  const viewer = viewerOf(p);
  return write(ctx, actorOf(p), async (tx, record) => {
    const found =
      (await findVisibleCheckpoint(tx, viewer, input.checkpointId)) ??
      (input.engagementId ? await findCheckpointOfEngagement(tx, viewer, input.engagementId, input.checkpointId) : null);
    const problems: FieldProblem[] = [
      ...(found ? [] : [{ path: '/checkpointId', message: 'no such checkpoint (or not one you may see)' }]),
      ...(Array.isArray(summary) ? summary : []),
    ];
    if (problems.length || Array.isArray(summary) || !found) throw new AppError('VALIDATION', 'The evaluation log cannot be imported', problems);
    const stored = await findLogByHash(tx, sha256);
    const existing = stored ? await findVisibleRunOfLog(tx, viewer, stored.id) : null;
    const now = ctx.now();
    if (existing) {
      // linking again is a no-op; a re-import into another engagement links the same run there
      if (input.engagementId) await linkRunInTx(tx, record, p, input.engagementId, existing.id, now);
      return { run: evaluationRunView(existing), created: false };
    }
    const log =
      stored ??
      (await insertLogOnce(tx, {
        id: ctx.newId(),
        sha256,
        format: summary.format,
        sizeBytes: input.bytes.length,
        // an .eval is deflated already; JSON logs shrink several times under gzip
        encoding: summary.format === 'json' ? 'gzip' : 'identity',
        content: summary.format === 'json' ? gzipSync(input.bytes) : input.bytes,
        createdAt: now,
      }));
    const { checkpoint, version, model } = found;
    const marking = runMarking(p, [input.tlp ?? 'AMBER', checkpoint.tlp, version.tlp, model.tlp], model.ownerOrganisationId, [
      checkpoint.classification,
      version.classification,
      model.classification,
    ]);
    const run = await insertRun(tx, {
      id: ctx.newId(),
      logId: log.id,
      checkpointId: checkpoint.id,
      versionId: version.id,
      modelId: model.id,
      name: input.name?.trim() || `${summary.task} on ${summary.model}`,
      format: summary.format,
      logVersion: summary.version,
      evalId: summary.evalId,
      runId: summary.runId,
      task: summary.task,
      taskId: summary.taskId,
      taskVersion: summary.taskVersion,
      evalModel: summary.model,
      datasetName: summary.dataset.name,
      datasetLocation: summary.dataset.location,
      datasetSamples: summary.dataset.samples,
      status: summary.status,
      totalSamples: summary.totalSamples,
      completedSamples: summary.completedSamples,
      samplesInLog: summary.samplesInLog,
      sampleErrors: summary.sampleErrors,
      error: summary.error,
      scores: summary.scores.map((s) => ({ ...s, metrics: Object.entries(s.metrics).map(([name, value]) => ({ name, value })) })),
      usage: [...summary.usage],
      startedAt: dateOf(summary.startedAt),
      completedAt: dateOf(summary.completedAt),
      durationSeconds: summary.durationSeconds,
      sha256,
      sizeBytes: input.bytes.length,
      ...markingRow(marking),
      createdAt: now,
    });
    const view = evaluationRunView(run);
    record({
      action: 'evaluation_run.imported',
      recordType: 'frontier_evaluation_run',
      recordId: run.id,
      before: null,
      after: view,
      marking,
      data: { id: run.id, checkpointId: run.checkpointId, versionId: run.versionId, modelId: run.modelId, task: run.task, status: run.status, sha256 },
    });
    if (input.engagementId) await linkRunInTx(tx, record, p, input.engagementId, run.id, now);
    return { run: view, created: true };
  });
}

export async function getEvaluationRun(ctx: ServiceContext, viewer: Viewer, id: string): Promise<EvaluationRunView> {
  const r = await findVisibleRun(ctx.db, viewer, id);
  if (!r) throw notFound('Evaluation run');
  return evaluationRunView(r);
}

export async function listEvaluationRuns(ctx: ServiceContext, viewer: Viewer, f: RunFilter): Promise<{ items: EvaluationRunView[]; next: string | null }> {
  const r = await listVisibleRuns(ctx.db, viewer, f);
  return { items: r.items.map(evaluationRunView), next: r.next };
}

/** The original log of a run the viewer may see, byte for byte as uploaded, with a file name for it. */
export async function evaluationRunLog(ctx: ServiceContext, viewer: Viewer, id: string): Promise<{ bytes: Buffer; format: 'json' | 'eval'; fileName: string }> {
  const r = await findVisibleRun(ctx.db, viewer, id);
  const log = r ? await findLog(ctx.db, r.logId) : null;
  if (!r || !log) throw notFound('Evaluation run');
  const content = Buffer.from(log.content);
  const bytes = log.encoding === 'gzip' ? gunzipSync(content) : content;
  const format = log.format as 'json' | 'eval';
  return { bytes, format, fileName: `${r.task.replace(/[^A-Za-z0-9._-]+/g, '_') || 'log'}-${r.id}.${format}` };
}
