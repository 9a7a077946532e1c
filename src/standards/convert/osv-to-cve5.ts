import { CVE5_DATA_VERSION, type Cve5Affected, type Cve5Metric, type Cve5Record, type Cve5Reference, type Cve5Version } from '../cve5/types';
import type { OsvAffected, OsvRecord, OsvReferenceType } from '../osv/types';
import { FormatError } from '../problem';
import { scoreCvss } from './cvss';
import { collectionUrlFor, rangeTypeFor } from './ecosystems';
import { intervalsOf } from './intervals';
import { cveAliasOf, cweIdsOf, releaseDates } from './osv-common';

/** The CNA that publishes the record (CVE Record Format `providerMetadata`, `assignerOrgId`). */
export interface OsvToCve5Options {
  readonly orgId?: string;
  readonly shortName?: string;
  /** The name of a CWE id, for the problem type's description (else the id stands in). */
  readonly cweName?: (id: string) => string | undefined;
  /** Where the record is read when it lists no reference (default OSV.dev's page; see OsvToCsafOptions). */
  readonly recordUrl?: (id: string) => string;
}

/** A stand-in organisation id for records not yet submitted: the CNA's own id replaces it. */
export const UNASSIGNED_ORG_ID = '00000000-0000-4000-8000-000000000000';

/** cve-schema `description.value` maxLength; longer text moves whole into `supportingMedia`. */
const DESCRIPTION_MAX = 4096;
const MEDIA_MAX = 16384;

// cve-schema `timestamp`: years 1900–2999 only (Go's zero date 0001-01-01 is left out).
const CVE_TIMESTAMP = /^(19|2\d)\d{2}-/;

/** OSV reference types → cve-schema reference tags (closest meaning; none for WEB, GIT, INTRODUCED). */
export const CVE_REFERENCE_TAGS: Partial<Record<OsvReferenceType, string>> = {
  ADVISORY: 'third-party-advisory',
  ARTICLE: 'technical-description',
  DETECTION: 'signature',
  DISCUSSION: 'mailing-list',
  REPORT: 'issue-tracking',
  FIX: 'patch',
  PACKAGE: 'product',
  EVIDENCE: 'exploit',
};

function descriptionOf(record: OsvRecord): Cve5Record['containers']['cna']['descriptions'] {
  const text = [record.summary, record.details].filter(Boolean).join('\n\n') || `See ${record.id}.`;
  if (text.length <= DESCRIPTION_MAX) return [{ lang: 'en', value: text }];
  return [
    {
      lang: 'en',
      value: `${text.slice(0, DESCRIPTION_MAX - 1)}…`,
      ...(text.length <= MEDIA_MAX ? { supportingMedia: [{ type: 'text/markdown', base64: false, value: text }] } : {}),
    },
  ];
}

/** cve-schema `versions[]` of one OSV affected entry: each interval becomes `version` .. `lessThan(OrEqual)`. */
function versionsOf(affected: OsvAffected, ecosystem: string): Cve5Version[] {
  const versions: Cve5Version[] = [];
  for (const range of affected.ranges ?? []) {
    const versionType = range.type === 'GIT' ? 'git' : rangeTypeFor(ecosystem) === 'SEMVER' ? 'semver' : ecosystem.toLowerCase();
    for (const i of intervalsOf(range)) {
      const end = i.fixed ?? i.limit;
      versions.push({
        version: i.introduced,
        status: 'affected',
        versionType,
        ...(end !== undefined ? { lessThan: end } : i.lastAffected !== undefined ? { lessThanOrEqual: i.lastAffected } : { lessThan: '*' }),
      });
    }
  }
  if (versions.length === 0) for (const v of new Set(affected.versions ?? [])) versions.push({ version: v, status: 'affected' });
  return versions;
}

function affectedOf(record: OsvRecord): Cve5Affected[] {
  const out: Cve5Affected[] = [];
  for (const a of record.affected ?? []) {
    if (!a.package) continue;
    const versions = versionsOf(a, a.package.ecosystem);
    const collectionURL = collectionUrlFor(a.package.ecosystem);
    const repo = a.ranges?.find((r) => r.type === 'GIT')?.repo;
    out.push({
      ...(collectionURL ? { collectionURL } : { vendor: a.package.ecosystem }),
      product: a.package.name,
      packageName: a.package.name,
      ...(repo ? { repo } : {}),
      defaultStatus: versions.length > 0 ? 'unaffected' : 'affected',
      ...(versions.length > 0 ? { versions } : {}),
    });
  }
  // cve-schema requires at least one product; "n/a" is the CVE Program's word for "not known".
  return out.length > 0 ? out : [{ vendor: 'n/a', product: 'n/a', defaultStatus: 'unknown' }];
}

function referencesOf(record: OsvRecord, recordUrl: (id: string) => string): Cve5Reference[] {
  const seen = new Set<string>();
  const refs: Cve5Reference[] = [];
  for (const r of record.references ?? []) {
    // cve-schema `uriType`: http(s) or ftp(s) URLs without spaces, at most 2048 characters.
    if (seen.has(r.url) || r.url.length > 2048 || !/^(ftp|http)s?:\/\/\S+$/.test(r.url)) continue;
    seen.add(r.url);
    const tag = CVE_REFERENCE_TAGS[r.type];
    refs.push({ url: r.url, ...(tag ? { tags: [tag] } : {}) });
  }
  if (refs.length === 0) refs.push({ url: recordUrl(record.id) });
  return refs;
}

function metricsOf(record: OsvRecord): Cve5Metric[] {
  const metrics: Cve5Metric[] = [];
  const seen = new Set<string>();
  for (const s of [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])]) {
    const score = s.type.startsWith('CVSS') ? scoreCvss(s.score) : undefined;
    // CVE Record Format 5.1 `metrics[]`: one of cvssV4_0, cvssV3_1, cvssV3_0, cvssV2_0 per entry.
    if (!score || seen.has(score.version)) continue;
    seen.add(score.version);
    const key = `cvssV${score.version.replace('.', '_')}` as 'cvssV4_0' | 'cvssV3_1' | 'cvssV3_0' | 'cvssV2_0';
    metrics.push({ format: 'CVSS', scenarios: [{ lang: 'en', value: 'GENERAL' }], [key]: { ...score } });
  }
  return metrics;
}

/** cve-schema `problemTypes` from the CWE ids OSV databases keep in `database_specific.cwe_ids`. */
function problemTypesOf(record: OsvRecord, name: OsvToCve5Options['cweName']): Cve5Record['containers']['cna']['problemTypes'] {
  const cwes = cweIdsOf(record);
  // CVE records write the weakness as "CWE-79 Improper Neutralization of …" (cve-schema examples).
  return cwes.length > 0
    ? [{ descriptions: cwes.map((cweId) => ({ lang: 'en', cweId, description: ((n) => (n ? `${cweId} ${n}` : cweId))(name?.(cweId)), type: 'CWE' })) }]
    : undefined;
}

/**
 * Converts an OSV record into a published CVE JSON 5.1 record (CVE Record Format 5.1).
 * Mapping: the record's CVE id (its own id or first CVE alias) → `cveMetadata.cveId`;
 * `published`/`modified` → `datePublished`/`dateUpdated` and `datePublic`; `summary` →
 * `title`; `summary` + `details` → English description; `affected` → `affected` with
 * `collectionURL`/`packageName` and `versions` (introduced → `version`, fixed/limit →
 * `lessThan`, last_affected → `lessThanOrEqual`); `references` → references with tags;
 * CVSS `severity` → `metrics`; `database_specific.cwe_ids` → `problemTypes`; `credits` → credits.
 *
 * @throws FormatError when the record has no CVE id (a CVE record needs one)
 */
export function osvToCve5(record: OsvRecord, options: OsvToCve5Options = {}): Cve5Record {
  const cveId = cveAliasOf(record);
  if (!cveId) throw new FormatError('cve5', [{ path: '/aliases', message: `OSV record ${record.id} has no CVE id to publish under` }]);
  const orgId = options.orgId ?? UNASSIGNED_ORG_ID;
  const { initial, current } = releaseDates(record);
  const date = (d: string) => (CVE_TIMESTAMP.test(d) ? d : undefined);
  const problemTypes = problemTypesOf(record, options.cweName);
  const metrics = metricsOf(record);
  const credits = (record.credits ?? []).map((c) => ({
    lang: 'en',
    value: c.name,
    ...(c.type ? { type: c.type.toLowerCase().replace(/_/g, ' ') } : {}),
  }));
  return {
    dataType: 'CVE_RECORD',
    dataVersion: CVE5_DATA_VERSION,
    cveMetadata: {
      cveId,
      assignerOrgId: orgId,
      ...(options.shortName ? { assignerShortName: options.shortName } : {}),
      state: 'PUBLISHED',
      ...(date(initial) ? { datePublished: initial } : {}),
      ...(date(current) ? { dateUpdated: current } : {}),
    },
    containers: {
      cna: {
        providerMetadata: { orgId, ...(options.shortName ? { shortName: options.shortName } : {}), ...(date(current) ? { dateUpdated: current } : {}) },
        ...(record.published && date(initial) ? { datePublic: initial } : {}),
        ...(record.summary ? { title: record.summary.slice(0, 256) } : {}),
        descriptions: descriptionOf(record),
        affected: affectedOf(record),
        ...(problemTypes ? { problemTypes } : {}),
        references: referencesOf(record, options.recordUrl ?? ((id) => `https://osv.dev/vulnerability/${encodeURIComponent(id)}`)),
        ...(metrics.length > 0 ? { metrics } : {}),
        ...(credits.length > 0 ? { credits } : {}),
      },
    },
  };
}
