import type { CaseRow } from '../../store/cases/cases';
import type { VulnerabilityDetails } from '../../store/cases/details';
import type { AttachmentRow } from '../../store/intake/attachments';
import type { ProposalRow } from '../../store/cases/proposals';
import type { StatementRow, VulnerabilityRow } from '../../store/cases/statements';
import type { MessageRow, ThreadRow } from '../../store/cases/threads';
import type { CaseVendorRow } from '../../store/cases/vendors';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * A case as its viewer may see it. Vendors see the case but not who else is invited nor
 * which reports it came from (coordinator-only fields are left out, not nulled).
 */
export function caseView(c: CaseRow, coordinator: boolean) {
  const base = {
    id: c.id,
    kind: c.kind,
    state: c.state,
    title: c.title,
    summary: c.summary,
    pattern: c.pattern,
    cwe: c.cwe,
    exploited: c.exploited,
    fixBypass: c.fixBypass,
    firstNoticeAt: iso(c.firstNoticeAt),
    embargo: { state: c.embargoState, publicAt: iso(c.embargoEnd) },
    advisoryId: c.advisoryId,
    closeReason: c.closeReason,
    /** Why the case was disclosed before its agreed date, when it was (every participant sees it). */
    disclosureReason: c.disclosureReason,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
  return { ...base, ...(coordinator ? { reportIds: [...c.reportIds], vendorCount: c.vendorCount, coordinatorOrganisationId: c.ownerOrganisationId } : {}) };
}
export type CaseView = ReturnType<typeof caseView>;

export const participationView = (v: CaseVendorRow) => ({
  caseId: v.caseId,
  organisationId: v.organisationId,
  status: v.status,
  invitedAt: v.invitedAt.toISOString(),
  acknowledgedAt: iso(v.acknowledgedAt),
  embargoResponse: v.embargoResponse ? { proposalId: v.embargoProposalId, response: v.embargoResponse, at: iso(v.respondedAt) } : null,
});
export type ParticipationView = ReturnType<typeof participationView>;

/** The SSVC decision of a report as a vendor sees it: the outcome and its vector, not who decided. */
function ssvcOf(ssvc: unknown): { decision: string; vector: string } | null {
  if (!ssvc || typeof ssvc !== 'object') return null;
  const { decision, vector } = ssvc as { decision?: unknown; vector?: unknown };
  return typeof decision === 'string' && typeof vector === 'string' ? { decision, vector } : null;
}

/**
 * A case vulnerability with the technical details of its report and the proofs of concept
 * the viewer may download (ADR 0031). A campaign entry with no report has no details. Like
 * the case, it names its report to the coordinators only (ADR 0030).
 */
export const vulnerabilityView = (v: VulnerabilityRow, d: VulnerabilityDetails | undefined, proofs: readonly AttachmentRow[], coordinator: boolean) => ({
  id: v.id,
  caseId: v.caseId,
  ...(coordinator ? { reportId: v.reportId } : {}),
  title: v.title,
  product: v.product,
  cwe: v.cwe,
  vendorOrganisationId: v.vendorOrganisationId,
  description: d?.description ?? null,
  affectedVersions: [...(d?.affectedVersions ?? [])],
  severity: d?.severity ?? null,
  cvss: d?.cvssVector ? { vector: d.cvssVector, score: d.cvssScore } : null,
  ssvc: ssvcOf(d?.ssvc),
  proofOfConcept: proofs
    .filter((a) => v.reportId !== null && a.reportId === v.reportId)
    .map((a) => ({ id: a.id, name: a.name, mediaType: a.mediaType, size: a.size, digest: a.digest })),
  createdAt: v.createdAt.toISOString(),
});
export type VulnerabilityView = ReturnType<typeof vulnerabilityView>;

export const statementView = (s: StatementRow) => ({
  id: s.id,
  caseId: s.caseId,
  vulnerabilityId: s.vulnerabilityId,
  vendorOrganisationId: s.vendorOrganisationId,
  status: s.status,
  justification: s.justification,
  impactStatement: s.impactStatement,
  actionStatement: s.actionStatement,
  fixedVersions: [...s.fixedVersions],
  shared: s.shared,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
export type StatementView = ReturnType<typeof statementView>;

export const threadView = (t: ThreadRow) => ({
  id: t.id,
  caseId: t.caseId,
  subject: t.subject,
  private: t.vendorOrganisationId !== null,
  vendorOrganisationId: t.vendorOrganisationId,
  createdAt: t.createdAt.toISOString(),
});

export const messageView = (m: MessageRow) => ({
  id: m.id,
  threadId: m.threadId,
  body: m.body,
  tlp: m.tlp,
  authorUserId: m.createdBy,
  createdAt: m.createdAt.toISOString(),
});

export const proposalView = (p: ProposalRow) => ({
  id: p.id,
  caseId: p.caseId,
  publicAt: p.publicAt.toISOString(),
  reason: p.reason,
  extension: p.extension,
  proposedByOrganisationId: p.proposedByOrganisation,
  status: p.status,
  decidedAt: iso(p.decidedAt),
  createdAt: p.createdAt.toISOString(),
});
