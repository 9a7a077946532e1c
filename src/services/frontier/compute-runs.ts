import { AppError, type FieldProblem, notFound } from '../../domain/errors';
import { trainingRunProblems } from '../../domain/frontier/compute-checks';
import { PHASE_FACT_KEY, TRAINING_PHASES, type TrainingPhase } from '../../domain/frontier/compute-vocabulary';
import { currentFacts } from '../../domain/frontier/registry-checks';
import { crossedThresholds, decimalToNumber, phaseTotals } from '../../domain/frontier/training-thresholds';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { SYSTEM, type Viewer } from '../../domain/policy/viewer';
import type { Tx } from '../../store/database';
import {
  findRunByName,
  findVisibleClusters,
  findVisibleRun,
  insertRun,
  listVisibleRuns,
  recordCrossing,
  runsOfVersion,
  type TrainingRunRow,
  updateRun,
} from '../../store/frontier/compute';
import { lockVisibleVersion } from '../../store/frontier/models';
import { listVisibleFacts } from '../../store/frontier/records';
import type { FrontierVersionRow } from '../../store/frontier/versions';
import { enqueueJobs } from '../../store/jobs';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { declareFactsIn, type FactInput } from './facts';
import { CONSIDER_REVIEW_JOB } from './review-triggers';
import { trainingRunView, type TrainingRunView } from './compute-views';

export interface TrainingRunInput {
  readonly versionId: string;
  /** The run's name within the version: saving the same name again updates the run. */
  readonly name: string;
  readonly clusterIds?: readonly string[] | undefined;
  readonly startedAt?: string | null | undefined;
  readonly endedAt?: string | null | undefined;
  readonly flop: Partial<Record<TrainingPhase, number | null>>;
}

const runFlop = (r: TrainingRunRow): Partial<Record<TrainingPhase, number | null>> => ({
  pretraining: r.flopPretraining,
  fineTuning: r.flopFineTuning,
  reinforcementLearning: r.flopReinforcementLearning,
  other: r.flopOther,
});

/** No cluster ids: a run's audience (the version's) need not see every cluster it names. */
const eventData = (r: TrainingRunRow) => ({ id: r.id, versionId: r.versionId, flop: runFlop(r) });

/**
 * Saves a training run of a model version (a writer of the model's developer) and, in the same
 * transaction: the version's training-compute facts become the exact per-phase sums over its
 * runs (declared only where a sum changed, so the registry's evaluation runs as for any fact);
 * every threshold of `compute-rules.json` the cumulative sum is newly above is recorded once and
 * asks the designation side for a review through the registry's job (`frontier.consider-review`,
 * trigger `rule_result`, the detail naming the threshold and the sums). Saving the same run again
 * changes no fact and crosses nothing new, so it asks for nothing.
 */
export async function saveTrainingRun(ctx: ServiceContext, p: Principal, input: TrainingRunInput): Promise<TrainingRunView> {
  const clusterIds = [...(input.clusterIds ?? [])];
  const problems: FieldProblem[] = trainingRunProblems({ ...input, clusterIds });
  return write(ctx, actorOf(p), async (tx, record) => {
    const found = await lockVisibleVersion(tx, viewerOf(p), input.versionId);
    if (!found) throw new AppError('VALIDATION', 'The training run is not valid', [...problems, { path: '/versionId', message: 'no such model version' }]);
    if (!can(p, 'frontier.register-compute', { organisationId: found.model.ownerOrganisationId }))
      throw new AppError('FORBIDDEN', "Only a writer of the model's developer records its training runs");
    const visible = await findVisibleClusters(tx, viewerOf(p), clusterIds);
    clusterIds.forEach((id, i) => {
      if (!visible.has(id)) problems.push({ path: `/clusterIds/${i}`, message: 'no such cluster' });
    });
    if (problems.length) throw new AppError('VALIDATION', 'The training run is not valid', problems);
    const now = ctx.now();
    const fields = {
      clusterIds,
      startedAt: input.startedAt ? new Date(input.startedAt) : null,
      endedAt: input.endedAt ? new Date(input.endedAt) : null,
      flopPretraining: input.flop.pretraining ?? null,
      flopFineTuning: input.flop.fineTuning ?? null,
      flopReinforcementLearning: input.flop.reinforcementLearning ?? null,
      flopOther: input.flop.other ?? null,
    };
    const existing = await findRunByName(tx, found.version.id, input.name, true);
    const run = existing
      ? await updateRun(tx, existing.id, { ...fields, updatedAt: now })
      : await insertRun(tx, {
          id: ctx.newId(),
          versionId: found.version.id,
          name: input.name,
          ...fields,
          ...markingRow(markingOf(found.version)),
          createdAt: now,
          updatedAt: now,
        });
    record({
      action: 'frontier_training_run.saved',
      recordType: 'frontier_training_run',
      recordId: run.id,
      before: existing,
      after: run,
      marking: markingOf(run),
      data: eventData(run),
    });
    await applyRunsToVersion(ctx, tx, record, found.version, run.id);
    return trainingRunView(run);
  });
}

/** The facts and the threshold crossings of a version, from all its runs (inside the caller's transaction). */
async function applyRunsToVersion(ctx: ServiceContext, tx: Tx, record: Record_, version: FrontierVersionRow, runId: string): Promise<void> {
  const totals = phaseTotals((await runsOfVersion(tx, version.id)).map((r) => ({ flop: runFlop(r) })));
  // Crossings first, at a higher priority than the evaluation's own job: the review opens with the facts that crossed.
  for (const { threshold, detail } of crossedThresholds(totals)) {
    const isNew = await recordCrossing(tx, {
      versionId: version.id,
      threshold: threshold.id,
      thresholdVersion: threshold.version,
      runId,
      detail,
      ...markingRow(markingOf(version)),
      crossedAt: ctx.now(),
    });
    if (isNew) {
      await enqueueJobs(
        tx,
        [
          {
            id: ctx.newId(),
            kind: CONSIDER_REVIEW_JOB,
            payload: { versionId: version.id, trigger: 'rule_result', detail },
            runAt: ctx.now(),
            priority: 1,
            maxAttempts: 10,
          },
        ],
        ctx.now(),
      );
    }
  }
  const current = new Map(currentFacts(await listVisibleFacts(tx, SYSTEM, version.id)).map((f) => [f.key, f.value]));
  const changed: FactInput[] = [];
  for (const phase of TRAINING_PHASES) {
    const total = totals[phase];
    if (total === null) continue;
    const value = decimalToNumber(total);
    if (current.get(PHASE_FACT_KEY[phase]) === value) continue;
    changed.push({ key: PHASE_FACT_KEY[phase], value, unit: 'FLOP', method: 'declared', source: 'sum of the version’s training runs (compute registry)' });
  }
  if (changed.length) await declareFactsIn(ctx, tx, record, version, changed);
}

export async function getTrainingRun(ctx: ServiceContext, viewer: Viewer, id: string): Promise<TrainingRunView> {
  const r = await findVisibleRun(ctx.db, viewer, id);
  if (!r) throw notFound('Training run');
  return trainingRunView(r);
}

export async function listTrainingRuns(
  ctx: ServiceContext,
  viewer: Viewer,
  f: { versionId?: string | undefined; clusterId?: string | undefined },
  limit: number,
  offset: number,
) {
  const r = await listVisibleRuns(ctx.db, viewer, f, limit, offset);
  return { items: r.items.map(trainingRunView), total: r.total };
}
