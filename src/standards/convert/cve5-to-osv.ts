import type { Cve5Affected, Cve5Record } from '../cve5/types';
import { OSV_SCHEMA_VERSION, type OsvAffected, type OsvEvent, type OsvRange, type OsvRecord, type OsvReferenceType, type OsvSeverity } from '../osv/types';
import { ecosystemForCollectionUrl, rangeTypeFor } from './ecosystems';
import { CVE_REFERENCE_TAGS } from './osv-to-cve5';

/** OSV range events of one cve-schema version entry: `version` .. `lessThan` / `lessThanOrEqual`. */
function eventsOf(version: string, lessThan?: string, lessThanOrEqual?: string): OsvEvent[] {
  const events: OsvEvent[] = [{ introduced: version }];
  if (lessThan !== undefined && lessThan !== '*') events.push({ fixed: lessThan });
  else if (lessThanOrEqual !== undefined && lessThanOrEqual !== '*') events.push({ last_affected: lessThanOrEqual });
  return events;
}

/** An OSV affected entry for a cve-schema product that names a package in a known registry. */
function affectedOf(a: Cve5Affected): OsvAffected | undefined {
  const ecosystem = a.collectionURL ? ecosystemForCollectionUrl(a.collectionURL) : undefined;
  const name = a.packageName;
  if (!ecosystem || !name) return undefined;
  const ranges: OsvRange[] = [];
  const versions: string[] = [];
  for (const v of a.versions ?? []) {
    if (v.status !== 'affected') continue;
    if (v.lessThan === undefined && v.lessThanOrEqual === undefined) {
      versions.push(v.version);
      continue;
    }
    const git = v.versionType === 'git';
    if (git && !a.repo) continue; // OSV §ranges: a GIT range needs its repository
    ranges.push({
      type: git ? 'GIT' : rangeTypeFor(ecosystem),
      ...(git ? { repo: a.repo! } : {}),
      events: eventsOf(v.version, v.lessThan, v.lessThanOrEqual),
    });
  }
  return {
    package: { ecosystem, name },
    ...(ranges.length > 0 ? { ranges } : {}),
    ...(versions.length > 0 ? { versions } : {}),
  };
}

/** cve-schema `timestamp`: "if timezone offset is not given, GMT (0000) is assumed"; OSV needs RFC 3339 with a zone. */
function rfc3339(timestamp: string | undefined): string | undefined {
  if (timestamp === undefined) return undefined;
  return /(Z|[+-]\d{2}:\d{2})$/.test(timestamp) ? timestamp : `${timestamp}Z`;
}

const REFERENCE_TYPES = Object.fromEntries(Object.entries(CVE_REFERENCE_TAGS).map(([type, tag]) => [tag, type])) as Record<string, OsvReferenceType>;

function severityOf(record: Cve5Record): OsvSeverity[] {
  const out: OsvSeverity[] = [];
  for (const m of record.containers.cna.metrics ?? []) {
    const pick = (key: 'cvssV4_0' | 'cvssV3_1' | 'cvssV3_0' | 'cvssV2_0', type: OsvSeverity['type']) => {
      const vector = m[key]?.vectorString;
      if (typeof vector === 'string' && !out.some((s) => s.type === type)) out.push({ type, score: vector });
    };
    pick('cvssV4_0', 'CVSS_V4');
    pick('cvssV3_1', 'CVSS_V3');
    pick('cvssV3_0', 'CVSS_V3');
    pick('cvssV2_0', 'CVSS_V2');
  }
  return out;
}

/**
 * Converts a CVE JSON 5 record into an OSV record. Mapping: `cveId` → `id`; `dateUpdated`
 * (else `datePublished`, `dateReserved`) → `modified`; `datePublished` → `published`;
 * `title` → `summary`; the English description → `details`; products with a known registry
 * `collectionURL` and `packageName` → `affected` (`version`..`lessThan` → introduced/fixed,
 * `lessThanOrEqual` → last_affected, single versions → `versions`); references (tags →
 * OSV types, else WEB); CVSS metrics → `severity`; CWE problem types → `database_specific.cwe_ids`;
 * a REJECTED record → `withdrawn` with its reason as details.
 */
export function cve5ToOsv(record: Cve5Record): OsvRecord {
  const meta = record.cveMetadata;
  const cna = record.containers.cna;
  const rejected = meta.state === 'REJECTED';
  // OSV §modified is required; a record without any date says nothing of when it changed: epoch.
  const modified =
    rfc3339(meta.dateUpdated ?? meta.dateRejected ?? meta.datePublished ?? meta.dateReserved ?? cna.providerMetadata.dateUpdated) ?? '1970-01-01T00:00:00Z';
  const english = (list: typeof cna.descriptions) => (list ?? []).find((d) => d.lang.toLowerCase().startsWith('en'))?.value;
  const details = rejected ? english(cna.rejectedReasons) : english(cna.descriptions);
  const affected = (cna.affected ?? []).map(affectedOf).filter((a): a is OsvAffected => a !== undefined);
  const references = (cna.references ?? []).map((r) => ({
    type: (r.tags ?? []).map((t) => REFERENCE_TYPES[t]).find(Boolean) ?? ('WEB' as const),
    url: r.url,
  }));
  const severity = severityOf(record);
  const cwes = (cna.problemTypes ?? []).flatMap((p) => p.descriptions.flatMap((d) => (d.cweId ? [d.cweId] : [])));
  const credits = (cna.credits ?? []).map((c) => ({ name: c.value }));
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: meta.cveId,
    modified,
    ...(meta.datePublished ? { published: rfc3339(meta.datePublished)! } : {}),
    ...(rejected ? { withdrawn: rfc3339(meta.dateRejected) ?? modified } : {}),
    ...(cna.title ? { summary: cna.title } : {}),
    ...(details ? { details } : {}),
    ...(severity.length > 0 ? { severity } : {}),
    ...(affected.length > 0 ? { affected } : {}),
    ...(references.length > 0 ? { references } : {}),
    ...(credits.length > 0 ? { credits } : {}),
    ...(cwes.length > 0 ? { database_specific: { cwe_ids: cwes } } : {}),
  };
}
