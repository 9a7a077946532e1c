import { AppError, notFound } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { checkCwe } from '../../standards/cwe/check';
import type { ReproductionStatus, Severity } from '../../domain/intake/finding';
import { can } from '../../domain/policy/actions';
import { needsInfoDeadline, type ReportEvent, type ReportState, transitionReport } from '../../domain/intake/report-states';
import { ssvcDecide, ssvcVector, type SsvcInputs } from '../../domain/intake/ssvc';
import { SYSTEM } from '../../domain/policy/viewer';
import { scoreCvss } from '../../standards/cvss/index';
import { FormatError } from '../../standards/problem';
import type { Tx } from '../../store/database';
import { enqueueJobs } from '../../store/jobs';
import { lockVisibleReport, type ReportRow, updateReport } from '../../store/intake/reports';
import { markingOf } from '../../store/visibility';
import { type Actor, actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { mergeInto } from './merge';
import { reportView } from './report-views';
import { intakeSettings } from './settings';

export const CLOSE_NEEDS_INFO_KIND = 'intake.close-needs-info';

const forbidden = () => new AppError('FORBIDDEN', 'Only the clearinghouse’s analysts and admins triage reports');

export interface TransitionRequest {
  readonly event: ReportEvent;
  readonly reason?: string | undefined;
  readonly duplicateOf?: string | undefined;
}

/** Applies one workflow event to a locked report, records it, and schedules what follows. */
async function applyTransition(ctx: ServiceContext, tx: Tx, record: Record_, before: ReportRow, req: TransitionRequest, bySystem: boolean): Promise<ReportRow> {
  const t = transitionReport(before.state as ReportState, req.event, { reason: req.reason, duplicateOf: req.duplicateOf, bySystem });
  if (!t.ok) {
    const path = t.error === 'missing-reason' ? '/reason' : t.error === 'missing-duplicate-of' ? '/duplicateOf' : '/event';
    throw new AppError(t.error === 'forbidden-transition' ? 'CONFLICT' : 'VALIDATION', t.message, [{ path, message: t.message }]);
  }
  const now = ctx.now();
  const { needsInfoCloseDays } = await intakeSettings(tx);
  if (req.event === 'mark-duplicate') {
    if (req.duplicateOf === before.id)
      throw new AppError('VALIDATION', 'A report cannot duplicate itself', [{ path: '/duplicateOf', message: 'another report' }]);
    await mergeInto(ctx, tx, record, req.duplicateOf!, [before]);
  }
  const after = await updateReport(tx, before.id, {
    state: t.to,
    reason:
      t.to === 'rejected' || t.to === 'needs-info'
        ? (req.reason?.trim() ?? `No information received within ${needsInfoCloseDays} days`)
        : t.to === 'triaging'
          ? null
          : before.reason,
    duplicateOf: t.to === 'duplicate' ? req.duplicateOf! : null,
    needsInfoSince: t.to === 'needs-info' ? now : null,
    decidedAt: t.to === 'accepted' || t.to === 'rejected' || t.to === 'duplicate' ? now : null,
    updatedAt: now,
  });
  if (t.to === 'needs-info') {
    const runAt = needsInfoDeadline(now, needsInfoCloseDays);
    await enqueueJobs(
      tx,
      [{ id: ctx.newId(), kind: CLOSE_NEEDS_INFO_KIND, payload: { reportId: before.id, since: now.toISOString() }, runAt, maxAttempts: 5 }],
      now,
    );
  }
  const opts = { triager: true, closeDays: needsInfoCloseDays };
  record({
    action: 'report.transitioned',
    recordType: 'report',
    recordId: before.id,
    before: reportView(before, opts),
    after: reportView(after, opts),
    marking: markingOf(after),
    data: { id: before.id, from: before.state, to: after.state, event: req.event, reason: after.reason },
  });
  return after;
}

/** An analyst moves a report through its workflow (every step audited). */
export async function transitionReportBy(ctx: ServiceContext, p: Principal, id: string, req: TransitionRequest) {
  if (!can(p, 'reports.triage')) throw forbidden();
  const { needsInfoCloseDays } = await intakeSettings(ctx.db);
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockVisibleReport(tx, viewerOf(p), id);
    if (!before) throw notFound('Report');
    return reportView(await applyTransition(ctx, tx, record, before, req, false), { triager: true, closeDays: needsInfoCloseDays });
  });
}

const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:intake' });

/** The needs-info timer: closes the report if it still waits for the same request. */
export async function closeNeedsInfo(ctx: ServiceContext, reportId: string, since: string): Promise<boolean> {
  return write(ctx, SYSTEM_ACTOR, async (tx, record) => {
    const r = await lockVisibleReport(tx, SYSTEM, reportId);
    if (r?.state !== 'needs-info' || r.needsInfoSince?.toISOString() !== since) return false;
    await applyTransition(ctx, tx, record, r, { event: 'expire' }, true);
    return true;
  });
}

export interface TriageUpdate {
  readonly cwe?: string | null | undefined;
  readonly cvss?: string | null | undefined;
  readonly knownExploited?: boolean | undefined;
  readonly reproduction?: ReproductionStatus | undefined;
  readonly ssvc?: SsvcInputs | null | undefined;
}

/** An analyst's assessment: CWE, CVSS, known-exploited flag, reproduction (with who), SSVC decision. */
export async function updateTriage(ctx: ServiceContext, p: Principal, id: string, u: TriageUpdate) {
  if (!can(p, 'reports.triage')) throw forbidden();
  const problems: { path: string; message: string }[] = [];
  let cwe: string | null | undefined = u.cwe;
  if (u.cwe) {
    const c = checkCwe(u.cwe);
    if (c.ok) cwe = c.id;
    else problems.push({ path: '/cwe', message: c.message });
  }
  let cvss: { vector: string; score: number; severity: Severity } | null | undefined = u.cvss === null ? null : undefined;
  if (u.cvss) {
    try {
      const s = scoreCvss(u.cvss);
      cvss = { vector: s.vectorString, score: s.baseScore, severity: s.baseSeverity.toLowerCase() as Severity };
    } catch (err) {
      problems.push(
        ...(err instanceof FormatError
          ? err.problems.map((x) => ({ path: `/cvss${x.path}`, message: x.message }))
          : [{ path: '/cvss', message: 'not a valid CVSS vector' }]),
      );
    }
  }
  if (problems.length) throw new AppError('VALIDATION', 'The assessment has invalid fields', problems);
  const { needsInfoCloseDays } = await intakeSettings(ctx.db);
  const opts = { triager: true, closeDays: needsInfoCloseDays };
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockVisibleReport(tx, viewerOf(p), id);
    if (!before) throw notFound('Report');
    const now = ctx.now();
    const after = await updateReport(tx, id, {
      ...(cwe !== undefined ? { cwe } : {}),
      ...(cvss !== undefined ? { cvssVector: cvss?.vector ?? null, cvssScore: cvss?.score ?? null, severity: cvss?.severity ?? 'unknown' } : {}),
      ...(u.knownExploited !== undefined ? { knownExploited: u.knownExploited } : {}),
      ...(u.reproduction
        ? {
            reproductionStatus: u.reproduction,
            reproducedBy: u.reproduction === 'not-tried' ? null : p.userId,
            reproducedAt: u.reproduction === 'not-tried' ? null : now,
          }
        : {}),
      ...(u.ssvc !== undefined
        ? {
            ssvc: u.ssvc ? { ...u.ssvc, decision: ssvcDecide(u.ssvc), vector: ssvcVector(u.ssvc), decidedBy: p.userId, decidedAt: now.toISOString() } : null,
            ssvcDecision: u.ssvc ? ssvcDecide(u.ssvc) : null,
          }
        : {}),
      updatedAt: now,
    });
    record({
      action: 'report.updated',
      recordType: 'report',
      recordId: id,
      before: reportView(before, opts),
      after: reportView(after, opts),
      marking: markingOf(after),
      data: { id },
    });
    return reportView(after, opts);
  });
}
