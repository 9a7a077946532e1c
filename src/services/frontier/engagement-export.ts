import { AppError, notFound } from '../../domain/errors';
import { headerMarking } from '../../domain/frontier/engagement-markings';
import { type EngagementParts, type ExportAudience, exportFor } from '../../domain/frontier/engagement-export';
import { SYSTEM, type Viewer } from '../../domain/policy/viewer';
import { canSee } from '../../domain/policy/visibility';
import { findPublishedEngagement, findVisibleEngagement, visibleAnnexesOf, visibleConclusionsOf, visibleFindingsOf } from '../../store/frontier/assessments';
import { markingOf } from '../../store/visibility';
import type { ServiceContext } from '../context';
import { detailMarkingOf } from './engagement-parties';
import { annexView, conclusionView, engagementSummaryView } from './engagement-views';

/**
 * An engagement exported for an audience (issue 12): the public summary, the partner version
 * (TLP:AMBER) or the full government version. Every part is loaded whole and then decided by
 * the policy module (domain/frontier/engagement-export.ts): what the audience may not see —
 * and what the requester may not see — is absent. The public summary exists only for an
 * engagement that is `published_summary`; to anyone else it is not found.
 */
export async function exportEngagement(ctx: ServiceContext, requester: Viewer, id: string, audience: ExportAudience) {
  const visible = await findVisibleEngagement(ctx.db, requester, id);
  // A published header is marked TLP:CLEAR (headerMarking): the same rule opens it to anyone.
  const published = visible ? null : audience === 'public' ? await findPublishedEngagement(ctx.db, id) : null;
  const e = visible ?? (published && canSee(requester, headerMarking(markingOf(published), published.state)) ? published : null);
  if (!e) throw notFound('Engagement');
  if (audience === 'public' && e.state !== 'published_summary')
    throw new AppError('CONFLICT', `The engagement has no published summary (it is ${e.state})`, [
      { path: '/audience', message: 'public needs a published summary' },
    ]);
  // Loaded whole (the system viewer) and decided part by part below, by the same rule reads use.
  const [findings, conclusions, annexes] = await Promise.all([
    visibleFindingsOf(ctx.db, SYSTEM, e.id),
    visibleConclusionsOf(ctx.db, SYSTEM, e.id),
    visibleAnnexesOf(ctx.db, SYSTEM, e.id),
  ]);
  const { withdrawalReason: _w, ...header } = engagementSummaryView(e);
  type FindingSummary = { id: string; domain: string; severity: string; title: string; remediationState: string };
  type FindingDetail = { text: string; evidence: string[] };
  const parts: EngagementParts<typeof header, ReturnType<typeof conclusionView>, FindingSummary, FindingDetail, ReturnType<typeof annexView>> = {
    commissioningOrganisationId: e.commissioningOrganisationId,
    header: { marking: headerMarking(markingOf(e), e.state), value: header },
    conclusions: conclusions.map((c) => ({ marking: markingOf(c), value: conclusionView(c) })),
    findings: findings.map((f) => ({
      summary: { marking: markingOf(f), value: { id: f.id, domain: f.domain, severity: f.severity, title: f.title, remediationState: f.remediationState } },
      detail: { marking: detailMarkingOf(f), value: { text: f.detail, evidence: [...f.evidence] } },
    })),
    annexes: annexes.map((a) => ({ marking: markingOf(a), value: annexView(a) })),
  };
  return { engagementId: e.id, ...exportFor(parts, audience, requester) };
}
