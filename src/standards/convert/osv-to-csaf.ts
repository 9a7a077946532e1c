import type { CsafDocument, CsafNote, CsafPublisher, CsafReference, CsafRemediation, CsafRevision, CsafScore, CsafVulnerability } from '../csaf/types';
import type { OsvRecord } from '../osv/types';
import { scoreCvss } from './cvss';
import { productsFromOsv, type OsvProducts } from './osv-products';
import { cveAliasOf, cweIdsOf, osvReferenceSummary, releaseDates } from './osv-common';

/** Who publishes the CSAF documents (CSAF 2.0 §3.2.1.8). */
export interface OsvToCsafOptions {
  readonly publisher?: CsafPublisher;
  /** The name of a CWE id (CSAF 2.0 §3.2.3.3 requires it next to the id); unnamed ids are left out. */
  readonly cweName?: (id: string) => string | undefined;
  /**
   * Where a reader finds the record when it lists no reference of its own. Default: its page
   * on OSV.dev, right for records of registered databases; a deployment converting its own
   * advisories passes its own page (ADR 0023: OSV.dev does not know them).
   */
  readonly recordUrl?: (id: string) => string;
}

const osvDevPage = (id: string): string => `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;

/** CSAF 2.0 holds one CWE per vulnerability (§3.2.3.3): the first id with a known name. */
function cweOf(record: OsvRecord, name: OsvToCsafOptions['cweName']): { id: string; name: string } | undefined {
  for (const id of cweIdsOf(record)) {
    const n = name?.(id);
    if (n) return { id, name: n };
  }
  return undefined;
}

/** The default publisher: the clearinghouse, as a coordinator (CSAF 2.0 §3.2.1.8.1). */
export const DEFAULT_CSAF_PUBLISHER: CsafPublisher = {
  category: 'coordinator',
  name: 'AI Security Clearinghouse',
  namespace: 'https://aisc.invalid',
};

function notesOf(record: OsvRecord): CsafNote[] {
  const notes: CsafNote[] = [];
  if (record.summary) notes.push({ category: 'summary', title: 'Summary', text: record.summary });
  if (record.details) notes.push({ category: 'description', title: 'Details', text: record.details });
  if (notes.length === 0) notes.push({ category: 'general', title: 'Source', text: `Converted from OSV record ${record.id}.` });
  if (record.withdrawn) notes.push({ category: 'general', title: 'Withdrawn', text: `The OSV record was withdrawn on ${record.withdrawn}.` });
  return notes;
}

/** CSAF 2.0 §3.2.1.11: references; 6.1.27.2 needs at least one external reference, so the record's page stands in when there is none. */
function referencesOf(record: OsvRecord, recordUrl: (id: string) => string): CsafReference[] {
  const seen = new Set<string>();
  const refs: CsafReference[] = [];
  for (const r of record.references ?? []) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    refs.push({ category: 'external', summary: osvReferenceSummary(r.type), url: r.url });
  }
  if (refs.length === 0) refs.push({ category: 'external', summary: 'OSV record', url: recordUrl(record.id) });
  return refs;
}

/** CSAF 2.0 §3.2.3.13: one CVSS v3 and one v2 score for all affected products (6.1.7 allows one per version). */
function scoresOf(record: OsvRecord, products: OsvProducts): CsafScore[] {
  if (products.knownAffected.length === 0) return [];
  const vectors = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
  const score: { cvss_v3?: CsafScore['cvss_v3']; cvss_v2?: Record<string, unknown> } = {};
  for (const severity of vectors) {
    if (severity.type === 'CVSS_V3' && !score.cvss_v3) {
      const s = scoreCvss(severity.score);
      if (s?.baseSeverity) score.cvss_v3 = { version: s.version, vectorString: s.vectorString, baseScore: s.baseScore, baseSeverity: s.baseSeverity };
    } else if (severity.type === 'CVSS_V2' && !score.cvss_v2) {
      const s = scoreCvss(severity.score);
      if (s) score.cvss_v2 = { version: '2.0', vectorString: s.vectorString, baseScore: s.baseScore };
    }
    // CVSS v4 and Ubuntu priorities have no place in CSAF 2.0 scores (§3.2.3.13).
  }
  return score.cvss_v3 || score.cvss_v2 ? [{ products: products.knownAffected, ...score }] : [];
}

/** CSAF 2.0 §3.2.3.12: a vendor fix per fixed version, and "none available" where there is none. */
function remediationsOf(products: OsvProducts): CsafRemediation[] {
  return [
    ...products.fixes.map(
      (fix): CsafRemediation => ({
        category: 'vendor_fix',
        details: `Upgrade ${fix.packageName} to version ${fix.version} or later.`,
        product_ids: [...fix.remediates],
      }),
    ),
    ...products.unfixed.map(
      (u): CsafRemediation => ({
        category: 'none_available',
        details: `No fixed version of ${u.packageName} is known.`,
        product_ids: u.productIds,
      }),
    ),
  ];
}

/** CSAF 2.0 §3.2.1.12.6: an initial revision, and an update when the record was modified later. */
function revisionsOf(record: OsvRecord): CsafRevision[] {
  const { initial, current } = releaseDates(record);
  const revisions: CsafRevision[] = [{ number: '1', date: initial, summary: `Initial version, from OSV record ${record.id}.` }];
  if (current !== initial) revisions.push({ number: '2', date: current, summary: 'Current version of the OSV record.' });
  return revisions;
}

/**
 * Converts an OSV record into a CSAF 2.0 security advisory (CSAF 2.0 §4.3 profile
 * `csaf_security_advisory`). Mapping (OSV field → CSAF):
 * - `id` → `document.tracking.id` and `vulnerabilities[0].ids` (system `OSV`); the first CVE
 *   among `id`/`aliases` → `cve`; other aliases → `ids`.
 * - `summary` → `document.title` and a `summary` note; `details` → a `description` note.
 * - `published` / `modified` → tracking dates and revision history (no clock is read: a
 *   `modified` earlier than `published`, such as Go's zero date, is not used).
 * - `affected` → `product_tree` and `product_status` (see {@link productsFromOsv}),
 *   fixed versions → `vendor_fix` remediations; `severity` (CVSS v2/v3) → `scores`.
 * - `references` → external references; `credits` → acknowledgments.
 * - `database_specific.cwe_ids` → `cwe` (the first one `cweName` knows).
 */
export function osvToCsaf(record: OsvRecord, options: OsvToCsafOptions = {}): CsafDocument {
  const products = productsFromOsv(record);
  const revisions = revisionsOf(record);
  const { initial, current } = releaseDates(record);
  const cve = cveAliasOf(record);
  const references = referencesOf(record, options.recordUrl ?? osvDevPage);
  const ids = [record.id, ...(record.aliases ?? [])]
    .filter((a, i, all) => a !== cve && all.indexOf(a) === i)
    .map((text) => ({ system_name: text === record.id ? 'OSV' : (text.split('-')[0] ?? 'OSV'), text }));
  const credits = (record.credits ?? []).map((c) => c.name);
  const vulnerability: CsafVulnerability = {
    ...(cve ? { cve } : {}),
    ...(ids.length > 0 ? { ids } : {}),
    ...(record.summary ? { title: record.summary } : {}),
    ...((c) => (c ? { cwe: c } : {}))(cweOf(record, options.cweName)),
    ...(record.published ? { release_date: initial } : {}),
    notes: notesOf(record),
    references,
    ...(products.knownAffected.length > 0
      ? { product_status: { known_affected: products.knownAffected, ...(products.fixed.length > 0 ? { fixed: products.fixed } : {}) } }
      : {}),
    ...(products.knownAffected.length > 0 ? { remediations: remediationsOf(products) } : {}),
    ...((s) => (s.length > 0 ? { scores: s } : {}))(scoresOf(record, products)),
    ...(credits.length > 0 ? { acknowledgments: [{ names: credits }] } : {}),
  };
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      title: record.summary?.trim() || `${record.id}`,
      publisher: options.publisher ?? DEFAULT_CSAF_PUBLISHER,
      tracking: {
        id: record.id,
        status: 'final',
        version: revisions[revisions.length - 1]!.number,
        initial_release_date: initial,
        current_release_date: current,
        revision_history: revisions,
      },
      notes: notesOf(record),
      references,
    },
    ...(products.branches.length > 0 ? { product_tree: { branches: products.branches } } : {}),
    vulnerabilities: [vulnerability],
  };
}
