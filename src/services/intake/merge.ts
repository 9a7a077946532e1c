import { AppError, notFound } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { SYSTEM } from '../../domain/policy/viewer';
import type { Tx } from '../../store/database';
import { moveAttachments } from '../../store/intake/attachments';
import { lockIntake } from '../../store/intake/admission';
import { repointDedupKeys } from '../../store/intake/dedup';
import { findingsOfReport, moveFindings } from '../../store/intake/findings';
import { insertReports, lockVisibleReport, type ReportRow, updateReport } from '../../store/intake/reports';
import { markingOf } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { reportView } from './report-views';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const opts = { triager: true, closeDays: 0 };

/**
 * Moves every finding of `sources` to `targetId` (credits follow the findings) and points
 * their dedup keys at it. The sources keep their history; the caller sets their state.
 * Merging is deduplication, not sharing: the target's audience stays as it was, each finding
 * stays visible to its own submitter, and sharing the target is a decision of its own
 * (`shareReport`, ADR 0013).
 */
export async function mergeInto(ctx: ServiceContext, tx: Tx, record: Record_, targetId: string, sources: readonly ReportRow[]): Promise<ReportRow> {
  await lockIntake(tx);
  const target = await lockVisibleReport(tx, SYSTEM, targetId);
  if (!target) throw new AppError('VALIDATION', 'No such report to merge into', [{ path: '/duplicateOf', message: 'no such report' }]);
  let after = target;
  for (const s of sources) {
    const moved = (await findingsOfReport(tx, s.id)).map((f) => f.id);
    await moveFindings(tx, moved, target.id);
    await moveAttachments(tx, moved, target.id);
    await repointDedupKeys(tx, moved, target.id);
    after = await updateReport(tx, target.id, {
      findingCount: after.findingCount + moved.length,
      exploited: after.exploited || s.exploited,
      reporterOrganisations: union(after.reporterOrganisations, s.reporterOrganisations),
      updatedAt: ctx.now(),
    });
    await updateReport(tx, s.id, { findingCount: 0, updatedAt: ctx.now() });
    // Not the source's id: the target's audience need not see the source report (issue 9 item 4);
    // the source's own `report.transitioned` names the target, to the source's audience.
    record({
      action: 'report.merged',
      recordType: 'report',
      recordId: target.id,
      before: reportView(target, opts),
      after: reportView(after, opts),
      marking: markingOf(after),
      data: { id: target.id, findings: moved.length },
    });
  }
  return after;
}

/** Analysts merge reports: the sources become duplicates of the target. */
export async function mergeReports(ctx: ServiceContext, p: Principal, targetId: string, sourceIds: readonly string[]) {
  if (!can(p, 'reports.triage')) throw new AppError('FORBIDDEN', 'Only the clearinghouse’s analysts and admins merge reports');
  return write(ctx, actorOf(p), async (tx, record) => {
    const sources: ReportRow[] = [];
    for (const [i, id] of sourceIds.entries()) {
      if (id === targetId)
        throw new AppError('VALIDATION', 'A report cannot be merged into itself', [{ path: `/sourceReportIds/${i}`, message: 'the target itself' }]);
      const s = await lockVisibleReport(tx, viewerOf(p), id);
      if (!s) throw new AppError('VALIDATION', 'No such report', [{ path: `/sourceReportIds/${i}`, message: 'no such report' }]);
      sources.push(s);
    }
    if (!(await lockVisibleReport(tx, viewerOf(p), targetId))) throw notFound('Report');
    const after = await mergeInto(ctx, tx, record, targetId, sources);
    for (const s of sources) {
      const dup = await updateReport(tx, s.id, { state: 'duplicate', duplicateOf: targetId, decidedAt: ctx.now(), updatedAt: ctx.now() });
      record({
        action: 'report.transitioned',
        recordType: 'report',
        recordId: s.id,
        before: reportView(s, opts),
        after: reportView(dup, opts),
        marking: markingOf(dup),
        data: { id: s.id, from: s.state, to: 'duplicate', event: 'merge', duplicateOf: targetId },
      });
    }
    return reportView(after, opts);
  });
}

/** Analysts split findings off a report into a new report (state received), audited. */
export async function splitReport(ctx: ServiceContext, p: Principal, id: string, findingIds: readonly string[]) {
  if (!can(p, 'reports.triage')) throw new AppError('FORBIDDEN', 'Only the clearinghouse’s analysts and admins split reports');
  return write(ctx, actorOf(p), async (tx, record) => {
    await lockIntake(tx);
    const before = await lockVisibleReport(tx, viewerOf(p), id);
    if (!before) throw notFound('Report');
    const all = await findingsOfReport(tx, id);
    const picked = findingIds.map((fid, i) => {
      const f = all.find((x) => x.id === fid);
      if (!f) throw new AppError('VALIDATION', 'The finding is not on this report', [{ path: `/findingIds/${i}`, message: 'not a finding of this report' }]);
      return f;
    });
    if (picked.length === all.length)
      throw new AppError('VALIDATION', 'Leave at least one finding on the report', [{ path: '/findingIds', message: 'would empty the report' }]);
    // The new report belongs to the old one's owner when it keeps a finding of its own there;
    // else to the first picked finding's organisation. Its audience is the old report's:
    // nobody gains sight of another organisation's findings by a split (ADR 0013).
    const first = picked.find((f) => f.ownerOrganisationId === before.ownerOrganisationId) ?? picked[0]!;
    const now = ctx.now();
    const newId = ctx.newId();
    const orgs = [...new Set(picked.map((f) => f.ownerOrganisationId))];
    await insertReports(tx, [
      {
        id: newId,
        state: 'received',
        title: first.title,
        targetKey: first.targetKey,
        purl: first.purl,
        cpe: first.cpe,
        repository: first.repository,
        cwe: first.cwe,
        severity: first.severity,
        cvssVector: first.cvssVector,
        cvssScore: first.cvssScore,
        exploited: picked.some((f) => f.exploited),
        finderKind: first.finderKind,
        modelName: first.modelName,
        reporterOrganisations: orgs,
        findingCount: picked.length,
        ownerOrganisationId: first.ownerOrganisationId,
        createdBy: first.createdBy,
        tlp: before.tlp,
        classification: before.classification,
        accessOrganisations: before.accessOrganisations.filter((o) => o !== first.ownerOrganisationId),
        accessUsers: before.accessUsers,
        coordinators: before.coordinators,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const ids = picked.map((f) => f.id);
    await moveFindings(tx, ids, newId);
    await moveAttachments(tx, ids, newId);
    await repointDedupKeys(tx, ids, newId);
    const after = await updateReport(tx, id, { findingCount: before.findingCount - picked.length, updatedAt: now });
    record({
      action: 'report.split',
      recordType: 'report',
      recordId: id,
      before: reportView(before, opts),
      after: reportView(after, opts),
      marking: markingOf(after),
      data: { id, into: newId, findings: ids.length },
    });
    return { report: reportView(after, opts), split: newId };
  });
}
