import { cweName } from '../../standards/cwe/check';
import { eventsFrom, needsInfoDeadline } from '../../domain/intake/report-states';
import type { AttachmentRow } from '../../store/intake/attachments';
import type { FindingRow } from '../../store/intake/findings';
import type { ReportRow } from '../../store/intake/reports';
import { markingOf } from '../../store/visibility';
import { markingView } from '../markings';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The API shape of a report. `closesAt` is when a needs-info report closes by itself. Who
 * else reported it is not part of it: that is a credit, read through the policy
 * (domain/policy/credits.ts), and this shape also goes into audit entries and events.
 */
export function reportView(r: ReportRow, opts: { triager: boolean; closeDays: number }) {
  return {
    id: r.id,
    state: r.state,
    title: r.title,
    product: r.targetKey,
    purl: r.purl,
    cpe: r.cpe,
    repository: r.repository,
    cwe: r.cwe,
    cweName: r.cwe ? (cweName(r.cwe) ?? null) : null,
    severity: r.severity,
    cvss: r.cvssVector ? { vector: r.cvssVector, score: r.cvssScore } : null,
    exploited: r.exploited,
    knownExploited: r.knownExploited,
    finderKind: r.finderKind,
    modelName: r.modelName,
    findingCount: r.findingCount,
    reproduction: { status: r.reproductionStatus, by: r.reproducedBy, at: iso(r.reproducedAt) },
    ssvc: r.ssvc ?? null,
    reason: r.reason,
    duplicateOf: r.duplicateOf,
    needsInfoSince: iso(r.needsInfoSince),
    closesAt: r.needsInfoSince ? needsInfoDeadline(r.needsInfoSince, opts.closeDays).toISOString() : null,
    decidedAt: iso(r.decidedAt),
    actions: opts.triager ? eventsFrom(r.state) : [],
    marking: markingView(markingOf(r)),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type ReportView = ReturnType<typeof reportView>;

export function attachmentView(a: AttachmentRow) {
  return {
    id: a.id,
    findingId: a.findingId,
    name: a.name,
    mediaType: a.mediaType,
    size: a.size,
    digest: a.digest,
    tlp: a.tlp,
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * The API shape of a finding. `reportVisible` is false when the finding sits on a report its
 * reader may not see (another organisation's, which it duplicated): the report id is then
 * withheld (ADR 0013).
 */
export function findingView(f: FindingRow, attachments: readonly AttachmentRow[], reportVisible = true) {
  return {
    id: f.id,
    reportId: reportVisible ? f.reportId : null,
    disposition: f.disposition,
    duplicateKind: f.duplicateKind,
    similarity: f.similarity,
    source: f.source,
    organisationId: f.ownerOrganisationId,
    provenance: {
      finderKind: f.finderKind,
      model: f.modelName ? { name: f.modelName, version: f.modelVersion } : null,
      autonomy: f.autonomy,
      harness: f.harnessName ? { name: f.harnessName, version: f.harnessVersion } : null,
      runId: f.runId,
      configurationHash: f.configurationHash,
    },
    target: { purl: f.purl, cpe: f.cpe, repository: f.repository, commit: f.commit, affectedVersions: f.affectedVersions },
    location: { file: f.file, line: f.line, function: f.function, endpoint: f.endpoint },
    cwe: f.cwe,
    title: f.title,
    description: f.description,
    stackTrace: f.stackTrace,
    cvss: f.cvssVector ? { vector: f.cvssVector, score: f.cvssScore } : null,
    severity: f.severity,
    exploited: f.exploited,
    proofOfConcept: attachments.filter((a) => a.findingId === f.id).map(attachmentView),
    marking: markingView(markingOf(f)),
    createdAt: f.createdAt.toISOString(),
  };
}
export type FindingView = ReturnType<typeof findingView>;
