import { notFound } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { precision } from '../../domain/intake/reputation';
import type { Viewer } from '../../domain/policy/viewer';
import { visibleAttachmentContent, visibleAttachmentsOf } from '../../store/intake/attachments';
import { creditReaderOf, reportCreditsFor } from '../../domain/policy/credits';
import { creditsOfReport, findVisibleFinding, visibleFindingsOfReport } from '../../store/intake/findings';
import type { ReportSort } from '../../domain/intake/queue';
import { decodeQueueCursor, encodeQueueCursor } from '../../domain/intake/queue-cursor';
import { listVisibleReports, type ReportFilter } from '../../store/intake/report-queue';
import { findVisibleReport, type ReportRow, visibleReportIds } from '../../store/intake/reports';
import { reputationCounts, type ReputationRow } from '../../store/intake/reputation';
import { reportCaseStatus } from '../cases/report-case';
import type { ServiceContext } from '../context';
import { findingView, reportView } from './report-views';
import { intakeSettings } from './settings';

const viewerFor = (p: Principal | null): Viewer => (p ? viewerOf(p) : { kind: 'anonymous' });

/** `duplicateOf` names a report only when the viewer may see it (ADR 0013). */
async function withoutUnseenTargets(ctx: ServiceContext, viewer: Viewer, rows: readonly ReportRow[]): Promise<ReportRow[]> {
  const seen = await visibleReportIds(
    ctx.db,
    viewer,
    rows.flatMap((r) => (r.duplicateOf ? [r.duplicateOf] : [])),
  );
  return rows.map((r) => (r.duplicateOf && !seen.has(r.duplicateOf) ? { ...r, duplicateOf: null } : r));
}

/**
 * A report with its findings, attachments, credits and case status, as far as the caller may see them.
 * Credits follow the policy (domain/policy/credits.ts): coordinators see every reporter; a
 * reporter its own credit and `otherCredits`, how many other organisations are credited.
 */
export async function getReport(ctx: ServiceContext, p: Principal | null, id: string) {
  const viewer = viewerFor(p);
  const row = await findVisibleReport(ctx.db, viewer, id);
  if (!row) throw notFound('Report');
  const [r] = await withoutUnseenTargets(ctx, viewer, [row]);
  const { needsInfoCloseDays } = await intakeSettings(ctx.db);
  const found = await visibleFindingsOfReport(ctx.db, viewer, id);
  const attachments = await visibleAttachmentsOf(
    ctx.db,
    viewer,
    found.map((f) => f.id),
  );
  const credits = reportCreditsFor(
    creditReaderOf(p),
    (await creditsOfReport(ctx.db, id)).map((c) => ({ ...c, organisation: c.organisationName })),
  );
  return {
    ...reportView(r!, { triager: !!p && can(p, 'reports.triage'), closeDays: needsInfoCloseDays }),
    findings: found.map((f) => findingView(f, attachments)),
    case: await reportCaseStatus(ctx.db, viewer, r!),
    credits: credits.credits.map((c) => ({
      organisationId: c.organisationId,
      organisation: c.organisation,
      findings: c.findings,
      models: [...c.models],
      firstAt: c.firstAt.toISOString(),
    })),
    otherCredits: credits.others,
  };
}

/**
 * One finding the caller may see: a submitter reads its own findings, also those that joined
 * a report it may not see (then without the report's id).
 */
export async function getFinding(ctx: ServiceContext, p: Principal, id: string) {
  const viewer = viewerOf(p);
  const f = await findVisibleFinding(ctx.db, viewer, id);
  if (!f) throw notFound('Finding');
  const attachments = await visibleAttachmentsOf(ctx.db, viewer, [f.id]);
  const reportVisible = (await visibleReportIds(ctx.db, viewer, [f.reportId])).has(f.reportId);
  return findingView(f, attachments, reportVisible);
}

const reputationOf = (rows: ReputationRow[]) => Object.fromEntries(rows.map((r) => [r.key, { ...r, precision: precision(r) }]));

/** Where a page of the queue starts: after a cursor from a previous page, else at an offset. */
export interface QueuePage {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly offset?: number | undefined;
}

/**
 * The triage queue: reports the caller may see, filtered and sorted, each with the running
 * precision (accepted / decided) of its finder organisation and AI model. Reputation is the
 * clearinghouse's measure and is shown to triagers only. Pages are keyset pages (ADR 0051):
 * `nextCursor` resumes after the last report, null on the last page; `offset` still works.
 */
export async function reportQueue(ctx: ServiceContext, p: Principal, f: ReportFilter, sort: ReportSort, pg: QueuePage) {
  const viewer = viewerOf(p);
  const start = pg.cursor ? { after: decodeQueueCursor(pg.cursor, sort) } : { offset: pg.offset ?? 0 };
  const { needsInfoCloseDays } = await intakeSettings(ctx.db);
  // One row more than the page tells whether another page follows.
  const listed = await listVisibleReports(ctx.db, viewer, f, sort, pg.limit + 1, start);
  const more = listed.items.length > pg.limit;
  const rows = more ? listed.items.slice(0, pg.limit) : listed.items;
  const last = rows.at(-1);
  const items = await withoutUnseenTargets(ctx, viewer, rows);
  const triager = can(p, 'reports.triage');
  const counts = (by: 'organisation' | 'model', keys: string[]) =>
    ctx.reputation ? ctx.reputation.counts(ctx.db, by, keys) : reputationCounts(ctx.db, by, keys);
  const orgs = triager ? await counts('organisation', [...new Set(items.map((r) => r.ownerOrganisationId))]) : [];
  const models = triager ? await counts('model', [...new Set(items.flatMap((r) => (r.modelName ? [r.modelName] : [])))]) : [];
  const byOrg = reputationOf(orgs);
  const byModel = reputationOf(models);
  return {
    items: items.map((r) => ({
      ...reportView(r, { triager, closeDays: needsInfoCloseDays }),
      reputation: triager ? { organisation: byOrg[r.ownerOrganisationId] ?? null, model: r.modelName ? (byModel[r.modelName] ?? null) : null } : null,
    })),
    total: listed.total,
    totalExact: listed.totalExact,
    nextCursor:
      more && last
        ? encodeQueueCursor({
            sort,
            severity: last.severity,
            exploited: last.exploited,
            findingCount: last.findingCount,
            createdAt: last.createdAt.toISOString(),
            id: last.id,
          })
        : null,
  };
}

/** A proof of concept's bytes, for a caller who may see it (TLP:RED: named recipients only). */
export async function getAttachment(ctx: ServiceContext, p: Principal, id: string) {
  const r = await visibleAttachmentContent(ctx.db, viewerOf(p), id);
  if (!r) throw notFound('Attachment');
  return { name: r.attachment.name, mediaType: r.attachment.mediaType, digest: r.attachment.digest, content: Buffer.from(r.content) };
}
