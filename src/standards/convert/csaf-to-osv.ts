import { PackageURL } from 'packageurl-js';
import type { CsafBranch, CsafDocument, CsafFullProductName, CsafVulnerability } from '../csaf/types';
import osvSchema from '../osv/schema/osv-schema.json' with { type: 'json' };
import { OSV_SCHEMA_VERSION, type OsvAffected, type OsvEvent, type OsvRecord, type OsvReference, type OsvSeverity } from '../osv/types';
import { ecosystemForPurlType, rangeTypeFor } from './ecosystems';
import { eventsFromVers } from './intervals';
import { osvReferenceTypeOf } from './osv-common';

/** OSV 1.7 §id: ids start with a registered database prefix, or `x_` for others. */
const OSV_ID_PREFIX = new RegExp(osvSchema.$defs.prefix.pattern);

/** The record id: the `OSV` id in `ids`, else the tracking id or CVE when they have an OSV prefix, else `x_` + tracking id. */
function osvIdOf(doc: CsafDocument, vuln: CsafVulnerability, index: number, count: number): string {
  const tracking = count === 1 ? doc.document.tracking.id : `${doc.document.tracking.id}-${index + 1}`;
  const candidates = [vuln.ids?.find((i) => i.system_name === 'OSV')?.text, tracking, vuln.cve];
  return candidates.find((c): c is string => c !== undefined && OSV_ID_PREFIX.test(c)) ?? `x_${tracking}`;
}

/** A product leaf of the tree with the branch category and name it hangs under. */
interface ProductLeaf {
  readonly product: CsafFullProductName;
  readonly category: CsafBranch['category'];
  readonly name: string;
}

function leavesOf(branches: readonly CsafBranch[] | undefined, out: Map<string, ProductLeaf> = new Map()): Map<string, ProductLeaf> {
  for (const b of branches ?? []) {
    if (b.product) out.set(b.product.product_id, { product: b.product, category: b.category, name: b.name });
    leavesOf(b.branches, out);
  }
  return out;
}

/** The OSV package of a product: from its purl helper (CSAF 2.0 §3.1.4.3.5). */
function packageOf(leaf: ProductLeaf): { ecosystem: string; name: string; purl: string; version?: string } | undefined {
  const purl = leaf.product.product_identification_helper?.purl;
  if (!purl) return undefined;
  try {
    const p = PackageURL.fromString(purl);
    const ecosystem = ecosystemForPurlType(p.type, p.namespace ?? undefined);
    if (!ecosystem) return undefined;
    const separator = p.type === 'maven' ? ':' : '/';
    const name = p.namespace && !['deb', 'apk'].includes(p.type) ? `${p.namespace}${separator}${p.name}` : p.name;
    const base = new PackageURL(p.type, p.namespace, p.name, undefined, undefined, undefined).toString();
    return { ecosystem, name, purl: base, ...(p.version ? { version: p.version } : {}) };
  } catch {
    return undefined;
  }
}

/** Affected packages of one vulnerability: ranges from vers leaves, versions from version leaves, fixes from fixed products. */
function affectedOf(vuln: CsafVulnerability, leaves: Map<string, ProductLeaf>): OsvAffected[] {
  const status = vuln.product_status ?? {};
  const affectedIds = [...(status.known_affected ?? []), ...(status.first_affected ?? []), ...(status.last_affected ?? [])];
  const fixedIds = [...(status.fixed ?? []), ...(status.first_fixed ?? [])];
  const byPackage = new Map<string, { ecosystem: string; name: string; purl: string; events: OsvEvent[][]; versions: string[]; fixed: string[] }>();
  const entry = (pkg: NonNullable<ReturnType<typeof packageOf>>) => {
    const key = `${pkg.ecosystem}\u0000${pkg.name}`;
    const found = byPackage.get(key) ?? { ecosystem: pkg.ecosystem, name: pkg.name, purl: pkg.purl, events: [], versions: [], fixed: [] };
    byPackage.set(key, found);
    return found;
  };
  for (const id of affectedIds) {
    const leaf = leaves.get(id);
    const pkg = leaf && packageOf(leaf);
    if (!leaf || !pkg) continue;
    const e = entry(pkg);
    if (leaf.category === 'product_version_range' && leaf.name.startsWith('vers:')) {
      const events = eventsFromVers(leaf.name.slice(leaf.name.indexOf('/') + 1));
      if (events) e.events.push(events);
    } else if (pkg.version) e.versions.push(pkg.version);
  }
  for (const id of fixedIds) {
    const leaf = leaves.get(id);
    const pkg = leaf && packageOf(leaf);
    if (pkg?.version && byPackage.has(`${pkg.ecosystem}\u0000${pkg.name}`)) entry(pkg).fixed.push(pkg.version);
  }
  return [...byPackage.values()].map((p): OsvAffected => {
    // An open-ended range whose fixed version is listed separately gains that fix.
    const events = p.events.length > 0 ? p.events : p.fixed.length > 0 && p.versions.length === 0 ? [[{ introduced: '0' }]] : [];
    const ranges = events.map((ev) => ({
      type: rangeTypeFor(p.ecosystem),
      events: ev.length === 1 && p.fixed.length === 1 && p.events.length <= 1 ? [...ev, { fixed: p.fixed[0]! }] : ev,
    }));
    return {
      package: { ecosystem: p.ecosystem, name: p.name, purl: p.purl },
      ...(ranges.length > 0 ? { ranges } : {}),
      ...(p.versions.length > 0 ? { versions: p.versions } : {}),
    };
  });
}

function referencesOf(doc: CsafDocument, vuln: CsafVulnerability): OsvReference[] {
  const seen = new Set<string>();
  const out: OsvReference[] = [];
  for (const r of [...(vuln.references ?? []), ...(doc.document.references ?? [])]) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    out.push({ type: osvReferenceTypeOf(r.summary) ?? (r.category === 'self' ? 'ADVISORY' : 'WEB'), url: r.url });
  }
  return out;
}

function severityOf(vuln: CsafVulnerability): OsvSeverity[] {
  const out: OsvSeverity[] = [];
  for (const s of vuln.scores ?? []) {
    if (s.cvss_v3 && !out.some((x) => x.type === 'CVSS_V3')) out.push({ type: 'CVSS_V3', score: s.cvss_v3.vectorString });
    const v2 = s.cvss_v2?.vectorString;
    if (typeof v2 === 'string' && !out.some((x) => x.type === 'CVSS_V2')) out.push({ type: 'CVSS_V2', score: v2 });
  }
  return out;
}

/**
 * Converts a CSAF 2.0 document into OSV records, one per vulnerability (OSV records describe
 * one vulnerability each). Mapping: id = the `OSV` id in `ids`, else the tracking id (with
 * `-n` for the n-th vulnerability of several) or the CVE when they carry an OSV database
 * prefix, else `x_` + the tracking id (OSV §id); other ids and the CVE → aliases;
 * tracking dates → `published`/`modified`; summary / description notes → `summary`/`details`;
 * products with a purl helper → `affected` (vers range leaves → events, version leaves →
 * `versions`, fixed products → `fixed` events); CVSS scores → `severity`; references and
 * acknowledgments → references and credits. Products without a purl are not packages in an
 * OSV ecosystem and are left out.
 */
export function csafToOsv(doc: CsafDocument): OsvRecord[] {
  const leaves = leavesOf(doc.product_tree?.branches);
  for (const p of doc.product_tree?.full_product_names ?? []) leaves.set(p.product_id, { product: p, category: 'product_name', name: p.name });
  const vulns = doc.vulnerabilities ?? [];
  return vulns.map((vuln, index): OsvRecord => {
    const id = osvIdOf(doc, vuln, index, vulns.length);
    const aliases = [...(vuln.cve ? [vuln.cve] : []), ...(vuln.ids ?? []).map((i) => i.text)].filter((a, i, all) => a !== id && all.indexOf(a) === i);
    const notes = vuln.notes ?? doc.document.notes ?? [];
    const summary = notes.find((n) => n.category === 'summary')?.text ?? vuln.title;
    const details = notes.find((n) => n.category === 'description' || n.category === 'details')?.text;
    const affected = affectedOf(vuln, leaves);
    const severity = severityOf(vuln);
    const references = referencesOf(doc, vuln);
    const credits = (vuln.acknowledgments ?? doc.document.acknowledgments ?? []).flatMap((a) => a.names ?? []).map((name) => ({ name }));
    return {
      schema_version: OSV_SCHEMA_VERSION,
      id,
      modified: doc.document.tracking.current_release_date,
      published: doc.document.tracking.initial_release_date,
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(summary ? { summary } : {}),
      ...(details ? { details } : {}),
      ...(severity.length > 0 ? { severity } : {}),
      ...(affected.length > 0 ? { affected } : {}),
      ...(references.length > 0 ? { references } : {}),
      ...(credits.length > 0 ? { credits } : {}),
    };
  });
}
