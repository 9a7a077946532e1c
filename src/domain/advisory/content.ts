import type { FieldProblem } from '../errors';
import type { SsvcDecision as SsvcOutcome, SsvcInputs } from '../intake/ssvc';
import { CONTACT_SCHEMES, linkProblem } from './links';

/**
 * What a coordinator writes in an advisory (DESIGN.md "Advisory"). Affected products are
 * OSV-style (OSV 1.7 §affected: a package with ranges and versions) or a CPE 2.3 name for
 * products without a package. The store keeps this as written; services check it against
 * the standards (CVSS, ranges, purl, CPE) and map it to OSV.
 */
export interface AdvisoryRangeEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
  readonly limit?: string;
}

export interface AdvisoryRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM' | 'GIT';
  readonly repo?: string;
  readonly events: readonly AdvisoryRangeEvent[];
}

export interface AffectedProduct {
  /** OSV ecosystem and package name, or a purl that names both. */
  readonly ecosystem?: string;
  readonly name?: string;
  readonly purl?: string;
  /** CPE 2.3 formatted string, for products without a package. */
  readonly cpe?: string;
  readonly ranges?: readonly AdvisoryRange[];
  readonly versions?: readonly string[];
}

/** OSV 1.7 §credits[].type. */
export const CREDIT_ROLES = [
  'FINDER',
  'REPORTER',
  'ANALYST',
  'COORDINATOR',
  'REMEDIATION_DEVELOPER',
  'REMEDIATION_REVIEWER',
  'REMEDIATION_VERIFIER',
  'TOOL',
  'SPONSOR',
  'OTHER',
] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

/** A person, an organisation, or an AI finder (with its model named, as the issue asks). */
export interface AdvisoryCredit {
  readonly name: string;
  readonly kind: 'human' | 'ai' | 'organisation';
  readonly role: CreditRole;
  readonly model?: { readonly name: string; readonly version?: string };
  readonly contact?: readonly string[];
}

/** CSAF 2.0 §3.2.3.12.1 remediation categories. */
export const REMEDIATION_CATEGORIES = ['mitigation', 'no_fix_planned', 'none_available', 'vendor_fix', 'workaround'] as const;
export interface AdvisoryRemediation {
  readonly category: (typeof REMEDIATION_CATEGORIES)[number];
  readonly details: string;
  readonly url?: string;
}

/** OSV 1.7 §references[].type. */
export const REFERENCE_TYPES = ['ADVISORY', 'ARTICLE', 'DETECTION', 'DISCUSSION', 'REPORT', 'FIX', 'INTRODUCED', 'GIT', 'PACKAGE', 'EVIDENCE', 'WEB'] as const;
export interface AdvisoryReference {
  readonly type: (typeof REFERENCE_TYPES)[number];
  readonly url: string;
}

/** CISA SSVC "Coordinator/Deployer" decision points and outcome, in intake's one vocabulary (ADR 0075). */
export interface SsvcDecision extends SsvcInputs {
  readonly decision: SsvcOutcome;
}

export interface AdvisoryContent {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly cveId?: string | null;
  /** Other ids of the same vulnerability (GHSA-…, vendor ids); the CVE id is not repeated here. */
  readonly aliases: readonly string[];
  readonly affected: readonly AffectedProduct[];
  readonly cvss: { readonly v3_1?: string | null; readonly v4_0?: string | null };
  readonly cweIds: readonly string[];
  readonly ssvc?: SsvcDecision | null;
  readonly remediations: readonly AdvisoryRemediation[];
  readonly references: readonly AdvisoryReference[];
  readonly credits: readonly AdvisoryCredit[];
}

// CVE Program: CVE-YYYY-NNNN with four or more digits.
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
// MITRE CWE ids are CWE-<positive integer>.
const CWE_ID = /^CWE-[1-9]\d{0,5}$/;

/**
 * The rules that need no standard: ids well formed, every product named one way, no
 * duplicates. Every problem is reported with its JSON Pointer.
 */
export function contentShapeProblems(c: AdvisoryContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.cveId && !CVE_ID.test(c.cveId)) problems.push({ path: '/cveId', message: 'a CVE id looks like CVE-2026-12345' });
  c.cweIds.forEach((id, i) => {
    if (!CWE_ID.test(id)) problems.push({ path: `/cweIds/${i}`, message: 'a CWE id looks like CWE-79' });
    else if (c.cweIds.indexOf(id) !== i) problems.push({ path: `/cweIds/${i}`, message: 'listed twice' });
  });
  c.aliases.forEach((a, i) => {
    if (a === c.cveId || c.aliases.indexOf(a) !== i) problems.push({ path: `/aliases/${i}`, message: 'listed twice (or repeats the CVE id)' });
  });
  c.affected.forEach((p, i) => {
    const byPackage = Boolean(p.purl || p.ecosystem || p.name);
    if (byPackage && p.cpe) problems.push({ path: `/affected/${i}`, message: 'name a package (purl or ecosystem + name) or a CPE, not both' });
    if (!byPackage && !p.cpe) problems.push({ path: `/affected/${i}`, message: 'name a package (purl or ecosystem + name) or a CPE' });
    if (!p.purl && (p.ecosystem ? !p.name : Boolean(p.name))) problems.push({ path: `/affected/${i}`, message: 'ecosystem and name go together' });
    if (p.cpe && (p.ranges?.length ?? 0) > 0) problems.push({ path: `/affected/${i}/ranges`, message: 'CPE products carry versions, not ranges' });
  });
  c.credits.forEach((cr, i) => {
    if (cr.kind === 'ai' && !cr.model) problems.push({ path: `/credits/${i}/model`, message: 'an AI finder is credited with its model named' });
    if (cr.kind !== 'ai' && cr.model) problems.push({ path: `/credits/${i}/model`, message: 'only AI credits name a model' });
  });
  problems.push(...linkProblems(c));
  return problems;
}

/** Every link that may not be published (links.ts), in document order. */
export function linkProblems(c: Pick<AdvisoryContent, 'references' | 'remediations' | 'credits'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (url: string, path: string, schemes?: readonly string[]) => {
    const message = linkProblem(url, schemes);
    if (message) problems.push({ path, message });
  };
  for (const [i, r] of c.references.entries()) check(r.url, `/references/${i}/url`);
  for (const [i, r] of c.remediations.entries()) if (r.url !== undefined) check(r.url, `/remediations/${i}/url`);
  for (const [i, cr] of c.credits.entries()) for (const [j, u] of (cr.contact ?? []).entries()) check(u, `/credits/${i}/contact/${j}`, CONTACT_SCHEMES);
  return problems;
}

/** The identifiers a published advisory is known by besides its own id (CVE first). */
export function aliasesOf(c: Pick<AdvisoryContent, 'cveId' | 'aliases'>): string[] {
  return [...(c.cveId ? [c.cveId] : []), ...c.aliases];
}
