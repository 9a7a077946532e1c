import { aliasesOf, type AdvisoryContent, type AdvisoryCredit, type AdvisoryRangeEvent, type AffectedProduct } from '../../domain/advisory/content';
import { purlFor } from '../../standards/convert/index';
import { OSV_SCHEMA_VERSION, type OsvAffected, type OsvCredit, type OsvEvent, type OsvRecord, type OsvSeverity } from '../../standards/osv/index';
import { packageOf } from '../../domain/advisory/content-rules';

/** The dates an advisory's OSV document carries (OSV 1.7 §modified, §published, §withdrawn). */
export interface OsvDates {
  readonly published: Date;
  readonly modified: Date;
  readonly withdrawn?: Date | null;
}

/** OSV §affected[].ranges[].events: one key per event (the content schema admits exactly one). */
function osvEventOf(e: AdvisoryRangeEvent): OsvEvent {
  if (e.introduced !== undefined) return { introduced: e.introduced };
  if (e.fixed !== undefined) return { fixed: e.fixed };
  if (e.last_affected !== undefined) return { last_affected: e.last_affected };
  if (e.limit !== undefined) return { limit: e.limit };
  throw new Error('An advisory range event names none of introduced, fixed, last_affected, limit');
}

function affectedOf(p: AffectedProduct): OsvAffected | null {
  const pkg = packageOf(p);
  if (!pkg) return null;
  const purl = p.purl ?? purlFor(pkg);
  return {
    package: { ecosystem: pkg.ecosystem, name: pkg.name, ...(purl ? { purl: purl.replace(/@.*$/, '') } : {}) },
    ...(p.ranges?.length ? { ranges: p.ranges.map((r) => ({ type: r.type, ...(r.repo ? { repo: r.repo } : {}), events: r.events.map(osvEventOf) })) } : {}),
    ...(p.versions?.length ? { versions: [...p.versions] } : {}),
  };
}

/** OSV credits carry a name only: an AI finder's name says which model found it. */
function creditOf(c: AdvisoryCredit): OsvCredit {
  const name = c.kind === 'ai' && c.model ? `${c.name} (AI model ${c.model.name}${c.model.version ? ` ${c.model.version}` : ''})` : c.name;
  return { name, type: c.role, ...(c.contact?.length ? { contact: [...c.contact] } : {}) };
}

/**
 * An AISC advisory as an OSV 1.7 record — the one document every other published format
 * is converted from (standards/convert: OSV → CSAF, CVE 5, STIX). Mapping:
 * id → `id`; CVE id and aliases → `aliases`; title → `summary`; summary + description →
 * `details`; CVSS 3.1/4.0 → `severity`; packages → `affected` (CPE-only products, CWE ids,
 * SSVC, remediations and AI-finder details → `database_specific`, OSV §database_specific).
 */
export function advisoryToOsv(id: string, c: AdvisoryContent, dates: OsvDates): OsvRecord {
  const severity: OsvSeverity[] = [
    ...(c.cvss.v3_1 ? [{ type: 'CVSS_V3' as const, score: c.cvss.v3_1 }] : []),
    ...(c.cvss.v4_0 ? [{ type: 'CVSS_V4' as const, score: c.cvss.v4_0 }] : []),
  ];
  const affected = c.affected.map(affectedOf).filter((a): a is OsvAffected => a !== null);
  const cpes = c.affected.filter((p) => p.cpe).map((p) => ({ cpe: p.cpe!, ...(p.versions?.length ? { versions: [...p.versions] } : {}) }));
  const aiFinders = c.credits.filter((cr) => cr.kind === 'ai' && cr.model).map((cr) => ({ name: cr.name, model: cr.model! }));
  const aliases = aliasesOf(c);
  const details = [c.summary, c.description].filter((t) => t.trim()).join('\n\n');
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id,
    modified: dates.modified.toISOString(),
    published: dates.published.toISOString(),
    ...(dates.withdrawn ? { withdrawn: dates.withdrawn.toISOString() } : {}),
    ...(aliases.length ? { aliases } : {}),
    summary: c.title,
    ...(details ? { details } : {}),
    ...(severity.length ? { severity } : {}),
    ...(affected.length ? { affected } : {}),
    ...(c.references.length ? { references: c.references.map((r) => ({ type: r.type, url: r.url })) } : {}),
    ...(c.credits.length ? { credits: c.credits.map(creditOf) } : {}),
    database_specific: {
      ...(c.cweIds.length ? { cwe_ids: [...c.cweIds] } : {}),
      ...(cpes.length ? { cpe: cpes } : {}),
      ...(c.ssvc ? { ssvc: c.ssvc } : {}),
      ...(c.remediations.length ? { remediations: c.remediations } : {}),
      ...(aiFinders.length ? { ai_finders: aiFinders } : {}),
    },
  };
}
