import { eventsFrom, movesFor, type EngagementParty, type EngagementState } from '../../domain/frontier/engagement-states';
import { REMEDIATION_EVENT_PARTIES, REMEDIATION_EVENTS, REMEDIATION_TRANSITIONS, type RemediationState } from '../../domain/frontier/finding-remediation';
import type { Viewer } from '../../domain/policy/viewer';
import { canSee } from '../../domain/policy/visibility';
import type { AnnexRow, ConclusionRow, EngagementRow, EngagementRunRow, FindingRow } from '../../store/frontier/assessments';
import { markingOf } from '../../store/visibility';
import { detailMarkingOf } from './engagement-parties';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What an engagement is, without its parts (lists, exports' header). */
export function engagementSummaryView(e: EngagementRow) {
  const m = markingOf(e);
  return {
    id: e.id,
    versionId: e.versionId,
    title: e.title,
    commissioningOrganisationId: e.commissioningOrganisationId,
    commissionedBy: e.commissionedBy,
    assessorOrganisationId: e.assessorOrganisationId,
    developerOrganisationId: e.developerOrganisationId,
    purpose: e.purpose,
    scope: { domains: [...e.scopeDomains], threatModels: [...e.threatModels], outOfScope: [...e.outOfScope] },
    checkpointIds: [...e.checkpointIds],
    grantIds: [...e.grantIds],
    independence: { financialTies: e.financialTies, assessorChosenBy: e.assessorChosenBy, developerReviewRight: e.developerReviewRight },
    publicationRights: e.publicationRights,
    startsOn: iso(e.startsOn),
    endsOn: iso(e.endsOn),
    state: e.state,
    summary: e.summary,
    withdrawalReason: e.withdrawalReason,
    tlp: m.tlp,
    classification: m.classification,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type EngagementSummaryView = ReturnType<typeof engagementSummaryView>;

/** A finding as `viewer` may read it: its detail and evidence only when the detail's marking lets them. */
export function findingView(f: FindingRow, viewer: Viewer, parties: ReadonlySet<EngagementParty>) {
  const detailVisible = canSee(viewer, detailMarkingOf(f));
  const state = f.remediationState as RemediationState;
  const d = detailMarkingOf(f);
  return {
    id: f.id,
    engagementId: f.engagementId,
    domain: f.domain,
    severity: f.severity,
    title: f.title,
    detail: detailVisible ? f.detail : null,
    evidence: detailVisible ? [...f.evidence] : null,
    tlp: f.tlp,
    detailTlp: d.tlp,
    detailClassification: d.classification,
    remediationState: f.remediationState,
    remediationHistory: f.remediationHistory.map((h) => ({ ...h, evidence: detailVisible ? h.evidence : [] })),
    remediationMoves: REMEDIATION_EVENTS.filter((ev) => REMEDIATION_TRANSITIONS[state][ev] && parties.has(REMEDIATION_EVENT_PARTIES[ev])),
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}
export type FindingView = ReturnType<typeof findingView>;

export function conclusionView(c: ConclusionRow) {
  return {
    id: c.id,
    domain: c.domain,
    level: c.level,
    framework: c.framework,
    frameworkLabel: c.frameworkLabel,
    mappingVersion: c.mappingVersion,
    rationale: c.rationale,
    tlp: c.tlp,
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type ConclusionView = ReturnType<typeof conclusionView>;

export function annexView(a: AnnexRow) {
  const m = markingOf(a);
  return { id: a.id, title: a.title, body: a.body, tlp: m.tlp, classification: m.classification, createdAt: a.createdAt.toISOString() };
}
export type AnnexView = ReturnType<typeof annexView>;

export const runLinkView = (r: EngagementRunRow) => ({ runId: r.runId, linkedBy: r.linkedBy, linkedAt: r.linkedAt.toISOString() });

/** An engagement with the parts the viewer may see, the caller's parties and the moves it may make now. */
export function engagementView(
  e: EngagementRow,
  viewer: Viewer,
  parties: ReadonlySet<EngagementParty>,
  parts: { findings: readonly FindingRow[]; conclusions: readonly ConclusionRow[]; annexes: readonly AnnexRow[]; runs: readonly EngagementRunRow[] },
) {
  const facts = {
    state: e.state as EngagementState,
    developerReviewRight: e.developerReviewRight,
    publicationRights: e.publicationRights as 'none' | 'summary' | 'full',
  };
  return {
    ...engagementSummaryView(e),
    history: e.history.map((h) => ({ ...h })),
    parties: [...parties],
    moves: movesFor(facts, parties),
    possibleMoves: eventsFrom(facts.state),
    findings: parts.findings.map((f) => findingView(f, viewer, parties)),
    conclusions: parts.conclusions.map(conclusionView),
    annexes: parts.annexes.map(annexView),
    runs: parts.runs.map(runLinkView),
  };
}
export type EngagementView = ReturnType<typeof engagementView>;
