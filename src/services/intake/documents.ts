import { AppError } from '../../domain/errors';
import { csafToOsv, cve5ToOsv, purlFor } from '../../standards/convert/index';
import { csafFormat } from '../../standards/csaf/index';
import { cve5Format } from '../../standards/cve5/index';
import { detectFormat } from '../../standards/formats/index';
import { type OsvRecord, osvFormat } from '../../standards/osv/index';
import { type FindingDraft, sarifFindings, sarifFormat } from '../../standards/sarif/index';

/** Who found what a document reports, when the document cannot say (SARIF names only its tool). */
export interface DocumentProvenance {
  readonly finderKind: 'human' | 'ai' | 'hybrid';
  readonly model?: { name: string; version?: string } | undefined;
  readonly autonomy?: 'fully-autonomous' | 'human-directed' | 'human-validated' | undefined;
  /** The product SARIF results are about (a purl or CPE), when its log names only a repository. */
  readonly purl?: string | undefined;
}

export type DocumentKind = 'aisc' | 'sarif' | 'osv' | 'csaf' | 'cve5';

/** A SARIF result as an AISC finding (SARIF 2.1.0 §3.27): the tool is the harness. */
function fromSarif(d: FindingDraft, p: DocumentProvenance): Record<string, unknown> {
  const description = [d.message, d.description].filter(Boolean).join('\n\n') || d.ruleId || 'SARIF result';
  return {
    title: (d.ruleId ? `${d.ruleId}: ${d.message}` : d.message).slice(0, 300) || 'SARIF result',
    description,
    provenance: {
      finderKind: p.finderKind,
      ...(p.model ? { model: p.model } : {}),
      ...(p.autonomy ? { autonomy: p.autonomy } : {}),
      harness: { name: d.tool.name, ...(d.tool.version ? { version: d.tool.version } : {}) },
      ...(d.runId ? { runId: d.runId } : {}),
    },
    target: {
      ...(p.purl ? { purl: p.purl } : {}),
      ...(d.target.repository ? { repository: d.target.repository } : d.target.artifactUri && !p.purl ? { repository: d.target.artifactUri } : {}),
      ...(d.target.commit && /^[0-9a-f]{7,64}$/i.test(d.target.commit) ? { commit: d.target.commit } : {}),
    },
    location: {
      ...(d.location.file ? { file: d.location.file } : {}),
      ...(d.location.startLine ? { line: d.location.startLine } : {}),
      ...(d.location.function ? { function: d.location.function } : {}),
    },
    ...(d.weaknesses[0] ? { weakness: { cwe: d.weaknesses[0] } } : {}),
    ...(d.codeFlows[0]?.length
      ? { stackTrace: d.codeFlows[0].map((s) => `at ${s.location.function ?? '?'} ${s.location.file ?? ''}:${s.location.startLine ?? ''}`).join('\n') }
      : {}),
  };
}

/** An OSV record as one finding per affected package (OSV schema §affected). */
function fromOsv(r: OsvRecord, p: DocumentProvenance): Record<string, unknown>[] {
  const cwe = ((r.database_specific?.cwe_ids as string[] | undefined) ?? [])[0];
  const cvss = (r.severity ?? []).find((s) => s.type === 'CVSS_V3' || s.type === 'CVSS_V4')?.score;
  return (r.affected ?? []).flatMap((a) => {
    const purl = a.package ? purlFor(a.package) : undefined;
    if (!purl) return [];
    return [
      {
        title: (r.summary ?? r.id).slice(0, 300),
        description: r.details || r.summary || r.id,
        provenance: { finderKind: p.finderKind, ...(p.model ? { model: p.model } : {}), ...(p.autonomy ? { autonomy: p.autonomy } : {}) },
        target: { purl, ...(a.versions?.length ? { affectedVersions: a.versions.slice(0, 1000) } : {}) },
        ...(cwe ? { weakness: { cwe } } : {}),
        ...(cvss ? { severity: { cvss } } : {}),
        idempotencyKey: `${r.id}:${purl}`,
      },
    ];
  });
}

/**
 * Reads a document into AISC finding items: AISC's own finding JSON (one object or an array)
 * or NDJSON, SARIF 2.1.0, OSV, CSAF 2.0 and CVE JSON 5 (the last two through their OSV
 * conversions). Each item is then checked like any submitted finding.
 */
export function findingsFromDocument(text: string, p: DocumentProvenance, kind?: DocumentKind): { kind: DocumentKind; items: unknown[] } {
  const trimmed = text.trimStart();
  const format = kind ?? (detectFormat(text)?.id as DocumentKind | undefined) ?? 'aisc';
  if (format === 'sarif') {
    return {
      kind: 'sarif',
      items: sarifFindings(sarifFormat.parse(text))
        .filter((d) => !d.suppressed)
        .map((d) => fromSarif(d, p)),
    };
  }
  if (format === 'osv' || format === 'csaf' || format === 'cve5') {
    const records: OsvRecord[] =
      format === 'osv' ? [osvFormat.parse(text)] : format === 'csaf' ? csafToOsv(csafFormat.parse(text)) : [cve5ToOsv(cve5Format.parse(text))];
    return { kind: format, items: records.flatMap((r) => fromOsv(r, p)) };
  }
  if (trimmed.startsWith('[')) return { kind: 'aisc', items: JSON.parse(text) as unknown[] };
  if (trimmed.startsWith('{') && !trimmed.includes('\n{')) return { kind: 'aisc', items: [JSON.parse(text) as unknown] };
  const lines = text.split('\n').filter((l) => l.trim());
  try {
    return { kind: 'aisc', items: lines.map((l) => JSON.parse(l) as unknown) };
  } catch (err) {
    throw new AppError(
      'VALIDATION',
      `Not a finding document AISC reads (AISC JSON/NDJSON, SARIF, OSV, CSAF, CVE 5): ${err instanceof Error ? err.message : ''}`,
      [{ path: '', message: 'unrecognised document' }],
    );
  }
}
