import { notFound } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import { precision } from '../../domain/intake/reputation';
import type { Viewer } from '../../domain/policy/viewer';
import { visibleAttachmentContent, visibleAttachmentsOf } from '../../store/intake/attachments';
import { creditsOfReport, visibleFindingsOfReport } from '../../store/intake/findings';
import type { ReportSort } from '../../domain/intake/queue';
import { findVisibleReport, listVisibleReports, type ReportFilter } from '../../store/intake/reports';
import { reputationCounts, type ReputationRow } from '../../store/intake/reputation';
import type { ServiceContext } from '../context';
import { findingView, reportView } from './report-views';
import { intakeSettings } from './settings';

const viewerFor = (p: Principal | null): Viewer => (p ? viewerOf(p) : { kind: 'anonymous' });

/** A report with its findings, attachments and credits, as far as the caller may see them. */
export async function getReport(ctx: ServiceContext, p: Principal | null, id: string) {
  const viewer = viewerFor(p);
  const r = await findVisibleReport(ctx.db, viewer, id);
  if (!r) throw notFound('Report');
  const { needsInfoCloseDays } = await intakeSettings(ctx.db);
  const found = await visibleFindingsOfReport(ctx.db, viewer, id);
  const attachments = await visibleAttachmentsOf(ctx.db, viewer, found.map((f) => f.id));
  const credits = await creditsOfReport(ctx.db, id);
  return {
    ...reportView(r, { triager: !!p && can(p, 'reports.triage'), closeDays: needsInfoCloseDays }),
    findings: found.map((f) => findingView(f, attachments)),
    credits: credits.map((c) => ({ organisationId: c.organisationId, organisation: c.organisationName, findings: c.findings, models: c.models, firstAt: c.firstAt.toISOString() })),
  };
}

const reputationOf = (rows: ReputationRow[]) =>
  Object.fromEntries(rows.map((r) => [r.key, { ...r, precision: precision(r) }]));

/**
 * The triage queue: reports the caller may see, filtered and sorted, each with the running
 * precision (accepted / decided) of its finder organisation and AI model. Reputation is the
 * clearinghouse's measure and is shown to triagers only.
 */
export async function reportQueue(ctx: ServiceContext, p: Principal, f: ReportFilter, sort: ReportSort, limit: number, offset: number) {
  const viewer = viewerOf(p);
  const { needsInfoCloseDays } = await intakeSettings(ctx.db);
  const page = await listVisibleReports(ctx.db, viewer, f, sort, limit, offset);
  const triager = can(p, 'reports.triage');
  const orgs = triager ? await reputationCounts(ctx.db, 'organisation', [...new Set(page.items.map((r) => r.ownerOrganisationId))]) : [];
  const models = triager ? await reputationCounts(ctx.db, 'model', [...new Set(page.items.flatMap((r) => (r.modelName ? [r.modelName] : [])))]) : [];
  const byOrg = reputationOf(orgs);
  const byModel = reputationOf(models);
  return {
    items: page.items.map((r) => ({
      ...reportView(r, { triager, closeDays: needsInfoCloseDays }),
      reputation: triager ? { organisation: byOrg[r.ownerOrganisationId] ?? null, model: r.modelName ? (byModel[r.modelName] ?? null) : null } : null,
    })),
    total: page.total,
  };
}

/** A proof of concept's bytes, for a caller who may see it (TLP:RED: named recipients only). */
export async function getAttachment(ctx: ServiceContext, p: Principal, id: string) {
  const r = await visibleAttachmentContent(ctx.db, viewerOf(p), id);
  if (!r) throw notFound('Attachment');
  return { name: r.attachment.name, mediaType: r.attachment.mediaType, digest: r.attachment.digest, content: Buffer.from(r.content) };
}
