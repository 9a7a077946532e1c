import { AppError, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import type { Viewer } from '../../domain/policy/viewer';
import type { LineageKind } from '../../domain/frontier/registry';
import { checkpointHashProblems, closesCycle } from '../../domain/frontier/registry-checks';
import { lockVisibleVersion } from '../../store/frontier/models';
import { ancestorIds, insertCheckpoint, insertLineage, isDesignated, listVisibleCheckpoints, listVisibleLineage } from '../../store/frontier/records';
import { findVisibleVersion } from '../../store/frontier/versions';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { assertSpeaksFor } from './developer';
import { evaluateVersionIn } from './evaluation';
import { considerReviewIn } from './review-triggers';
import { type CheckpointView, checkpointView, type LineageView, lineageView } from './views';

export interface CheckpointInput {
  readonly hash: string;
  readonly label?: string | undefined;
}

/**
 * Adds a checkpoint to a version (a writer of its developer), recorded with the version's
 * marking and evaluated again (trigger `checkpoint`). A new checkpoint of a designated version
 * asks the designation side to consider a reassessment (same transaction).
 */
export async function addCheckpoint(ctx: ServiceContext, p: Principal, versionId: string, input: CheckpointInput): Promise<CheckpointView> {
  const problems = checkpointHashProblems(input.hash);
  if (problems.length) throw new AppError('VALIDATION', 'The checkpoint is not valid', problems);
  return write(ctx, actorOf(p), async (tx, record) => {
    const found = await lockVisibleVersion(tx, viewerOf(p), versionId);
    if (!found) throw notFound('Version');
    assertSpeaksFor(p, found.model);
    const marking = markingOf(found.version);
    const row = await insertCheckpoint(tx, {
      id: ctx.newId(),
      versionId,
      hash: input.hash,
      label: input.label ?? '',
      ...markingRow(marking),
      createdAt: ctx.now(),
    });
    const view = checkpointView(row);
    record({
      action: 'frontier_checkpoint.added',
      recordType: 'frontier_checkpoint',
      recordId: row.id,
      before: null,
      after: view,
      marking,
      data: { id: row.id, versionId, hash: row.hash },
    });
    await evaluateVersionIn(ctx, tx, record, found.version, 'checkpoint');
    if (await isDesignated(tx, versionId)) await considerReviewIn(ctx, tx, versionId, 'checkpoint', row.hash);
    return view;
  });
}

export interface LineageInput {
  readonly parentVersionId: string;
  readonly kind: LineageKind;
}

/**
 * Records where a version came from (a writer of its developer). The parent must be a version
 * the caller can see (another lab's released model, say); no self-edge, no cycle. A derivative
 * of a designated version asks the designation side to consider a review (same transaction).
 */
export async function addLineage(ctx: ServiceContext, p: Principal, versionId: string, input: LineageInput): Promise<LineageView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const viewer = viewerOf(p);
    const found = await lockVisibleVersion(tx, viewer, versionId);
    if (!found) throw notFound('Version');
    assertSpeaksFor(p, found.model);
    if (!(await findVisibleVersion(tx, viewer, input.parentVersionId))) {
      throw new AppError('VALIDATION', 'Unknown parent version', [{ path: '/parentVersionId', message: 'no such version' }]);
    }
    if (closesCycle(versionId, input.parentVersionId, await ancestorIds(tx, input.parentVersionId))) {
      throw new AppError('VALIDATION', 'A version cannot descend from itself', [{ path: '/parentVersionId', message: 'would make a cycle in the lineage' }]);
    }
    const marking = markingOf(found.version);
    const row = await insertLineage(tx, {
      id: ctx.newId(),
      versionId,
      parentVersionId: input.parentVersionId,
      kind: input.kind,
      ...markingRow(marking),
      createdAt: ctx.now(),
    });
    const view = lineageView(row);
    // The parent's id stays out of the event: the child's audience may not see the parent.
    record({
      action: 'frontier_lineage.added',
      recordType: 'frontier_lineage',
      recordId: row.id,
      before: null,
      after: view,
      marking,
      data: { id: row.id, versionId, kind: row.kind },
    });
    if (await isDesignated(tx, input.parentVersionId)) await considerReviewIn(ctx, tx, versionId, 'derivative', input.parentVersionId);
    return view;
  });
}

export async function listCheckpoints(ctx: ServiceContext, viewer: Viewer, versionId: string): Promise<CheckpointView[]> {
  if (!(await findVisibleVersion(ctx.db, viewer, versionId))) throw notFound('Version');
  return (await listVisibleCheckpoints(ctx.db, viewer, versionId)).map(checkpointView);
}

export async function listLineage(ctx: ServiceContext, viewer: Viewer, versionId: string): Promise<{ parents: LineageView[]; children: LineageView[] }> {
  if (!(await findVisibleVersion(ctx.db, viewer, versionId))) throw notFound('Version');
  const r = await listVisibleLineage(ctx.db, viewer, versionId);
  return { parents: r.parents.map(lineageView), children: r.children.map(lineageView) };
}
