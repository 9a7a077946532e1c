import type { ChunkPlan } from '../../domain/intake/chunk-plan';
import { placeOf } from '../../domain/intake/dedup-index';
import type { Fingerprint } from '../../domain/intake/fingerprint';
import { MINHASH_ALGORITHM } from '../../domain/intake/minhash';
import type { Marking } from '../../domain/policy/marking';
import { fingerprintEntry, type NewDedupKey } from '../../store/intake/dedup';
import type { ChunkRows } from '../../store/intake/chunk';
import type { NewFinding } from '../../store/intake/findings';
import type { NewReport } from '../../store/intake/reports';
import { markingRow } from '../../store/visibility';
import type { ValidFinding } from './finding-input';

/**
 * A finding and its report: the submitter's organisation and the clearinghouse's coordinators
 * (AMBER+STRICT). The coordinators are a relation read when the record is read (ADR 0008),
 * not a copy of today's coordinating organisations.
 */
export function intakeMarking(organisationId: string, userId: string): Marking {
  return {
    ownerOrganisationId: organisationId,
    createdBy: userId,
    tlp: 'AMBER+STRICT',
    classification: 'UNCLASSIFIED',
    accessOrganisations: [],
    accessUsers: [],
    coordinators: true,
  };
}

/** A proof of concept: TLP:RED, for the submitter and the coordinator staff as they stand when it is read (ADR 0008). */
export function proofMarking(organisationId: string, userId: string): Marking {
  return {
    ownerOrganisationId: organisationId,
    createdBy: userId,
    tlp: 'RED',
    classification: 'UNCLASSIFIED',
    accessOrganisations: [],
    accessUsers: [],
    coordinators: true,
  };
}

export function findingRow(
  f: ValidFinding,
  ids: { id: string; reportId: string },
  disposition: { disposition: 'accepted' | 'duplicate'; duplicateKind: 'exact' | 'near' | null; similarity: number | null },
  source: string,
  marking: Marking,
  now: Date,
): NewFinding {
  const p = f.input.provenance;
  const loc = f.input.location ?? {};
  return {
    id: ids.id,
    reportId: ids.reportId,
    idempotencyKey: f.idempotencyKey,
    contentDigest: f.contentDigest,
    ...disposition,
    source,
    finderKind: p.finderKind,
    modelName: p.model?.name ?? null,
    modelVersion: p.model?.version ?? null,
    autonomy: p.autonomy ?? null,
    harnessName: p.harness?.name ?? null,
    harnessVersion: p.harness?.version ?? null,
    runId: p.runId ?? null,
    configurationHash: p.configurationHash ?? null,
    purl: f.purl,
    cpe: f.cpe,
    targetKey: f.dedup.targetKey,
    repository: f.input.target.repository ?? null,
    commit: f.input.target.commit ?? null,
    affectedVersions: f.affectedVersions,
    file: loc.file ?? null,
    line: loc.line ?? null,
    function: loc.function ?? null,
    endpoint: loc.endpoint ?? null,
    cwe: f.dedup.cwe,
    title: f.dedup.title,
    description: f.dedup.description,
    stackTrace: f.dedup.stackTrace,
    cvssVector: f.cvssVector,
    cvssScore: f.cvssScore,
    severity: f.severity,
    exploited: f.exploited,
    ...markingRow(marking),
    createdAt: now,
  };
}

export function reportRow(f: ValidFinding, id: string, organisationId: string, marking: Marking, now: Date): NewReport {
  return {
    id,
    state: 'received',
    title: f.dedup.title,
    targetKey: f.dedup.targetKey,
    purl: f.purl,
    cpe: f.cpe,
    repository: f.input.target.repository ?? null,
    cwe: f.dedup.cwe,
    severity: f.severity,
    cvssVector: f.cvssVector,
    cvssScore: f.cvssScore,
    exploited: f.exploited,
    finderKind: f.finderKind,
    modelName: f.input.provenance.model?.name ?? null,
    reporterOrganisations: [organisationId],
    findingCount: 1,
    ...markingRow(marking),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A finding's row in the dedup log: the fingerprints it taught the index and, when it opened
 * a report, its signature with the target, weakness and place it is compared under.
 */
export function dedupKeyRow(
  f: ValidFinding,
  findingId: string,
  reportId: string,
  fingerprints: readonly Fingerprint[],
  signature: Uint32Array | null,
): NewDedupKey {
  return {
    findingId,
    reportId,
    fingerprints: fingerprints.map(fingerprintEntry),
    targetKey: f.dedup.targetKey,
    ...(signature
      ? {
          algorithm: MINHASH_ALGORITHM,
          cwe: f.dedup.cwe,
          ...placeOf(f.dedup),
          signature: new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength),
        }
      : { algorithm: null, cwe: null, file: null, line: null, signature: null }),
  };
}

/** The rows a chunk's plan stores (store/intake/chunk.ts writes them set-based). */
export function chunkRows(plan: ChunkPlan<ValidFinding>, who: { organisationId: string; userId: string }, source: string, now: Date): ChunkRows {
  const marking = intakeMarking(who.organisationId, who.userId);
  const proof = markingRow(proofMarking(who.organisationId, who.userId));
  const rows: ChunkRows = {
    reports: [...plan.reports.values()].map((r) => ({
      ...reportRow(r.opener, r.id, who.organisationId, marking, now),
      findingCount: r.findingCount,
      exploited: r.exploited,
    })),
    findings: plan.findings.map((f) => ({
      ...findingRow(
        f.finding,
        { id: f.id, reportId: f.reportId },
        { disposition: f.disposition, duplicateKind: f.duplicateKind, similarity: f.similarity },
        source,
        marking,
        now,
      ),
      publicCredit: f.finding.input.publicCredit ?? null,
    })),
    joins: [...plan.joins.values()].map((j) => ({ ...j, organisationId: who.organisationId })),
    dedupKeys: plan.dedupKeys.map((k) => dedupKeyRow(k.finding, k.findingId, k.reportId, k.fingerprints, k.signature)),
    blobs: [],
    attachments: [],
  };
  for (const f of plan.findings)
    f.finding.attachments.forEach((a, i) => {
      rows.blobs.push({ digest: a.digest, size: a.content.length, content: a.content, createdAt: now });
      rows.attachments.push({
        id: f.attachmentIds[i]!,
        findingId: f.id,
        reportId: f.reportId,
        digest: a.digest,
        name: a.name,
        mediaType: a.mediaType,
        size: a.content.length,
        ...proof,
        createdAt: now,
      });
    });
  return rows;
}
