import type { AdvisoryContent, AdvisoryRangeEvent, AdvisoryRemediation, AffectedProduct, SsvcDecision } from '../../domain/advisory/content';
import type { FinderKind } from '../../domain/intake/finding';
import { type FinderFacts, publicCredits } from '../../domain/policy/credits';
import { SYSTEM } from '../../domain/policy/viewer';
import { rangeTypeFor } from '../../standards/convert/index';
import { ecosystemFor, type ParsedVersion } from '../../standards/versions/index';
import type { CaseRow } from '../../store/cases/cases';
import { listVisibleStatements, listVisibleVulnerabilities, type StatementRow } from '../../store/cases/statements';
import type { Tx } from '../../store/database';
import { type FindingRow, findingsOfReport } from '../../store/intake/findings';
import { findVisibleReport, type ReportRow } from '../../store/intake/reports';
import { findOrganisation } from '../../store/organisations';
import { packageOf } from '../../domain/advisory/content-rules';

/** What a case knows that its advisory should say: its reports, their findings, and the vendors' statements. */
export interface CaseFacts {
  readonly case: Pick<CaseRow, 'title' | 'summary' | 'cwe'>;
  readonly reports: readonly { readonly report: ReportRow; readonly findings: readonly FindingRow[]; readonly statements: readonly StatementRow[] }[];
  readonly organisationNames: ReadonlyMap<string, string>;
}

/** Reads the facts of a case the caller coordinates (checked by the caller) in its transaction. */
export async function caseFacts(tx: Tx, c: CaseRow): Promise<CaseFacts> {
  const vulns = await listVisibleVulnerabilities(tx, SYSTEM, c.id);
  const statements = (await listVisibleStatements(tx, SYSTEM, c.id, undefined, 10_000, 0)).items;
  const reportIds = [...new Set([...c.reportIds, ...vulns.flatMap((v) => (v.reportId ? [v.reportId] : []))])];
  const reports: CaseFacts['reports'][number][] = [];
  const names = new Map<string, string>();
  for (const id of reportIds) {
    const report = await findVisibleReport(tx, SYSTEM, id);
    if (!report) continue;
    const findings = await findingsOfReport(tx, id);
    for (const org of new Set(findings.map((f) => f.ownerOrganisationId)))
      if (!names.has(org)) names.set(org, (await findOrganisation(tx, org))?.name ?? 'Unknown organisation');
    const mine = new Set(vulns.filter((v) => v.reportId === id).map((v) => v.id));
    reports.push({ report, findings, statements: statements.filter((s) => mine.has(s.vulnerabilityId)) });
  }
  return { case: c, reports, organisationNames: names };
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The OSV package a purl names, or null for a type OSV has no ecosystem for. */
const safePackage = (purl: string): { ecosystem: string; name: string } | null => {
  try {
    return packageOf({ purl });
  } catch {
    return null;
  }
};

/** The versions an ecosystem accepts, in its order (unparseable ones dropped: the check would refuse them). */
function ordered(ecosystem: string, versions: readonly string[]): string[] {
  let scheme: ReturnType<typeof ecosystemFor>;
  try {
    scheme = ecosystemFor(ecosystem);
  } catch {
    return uniq(versions);
  }
  const parsed: { text: string; v: ParsedVersion }[] = [];
  for (const text of uniq(versions)) {
    try {
      parsed.push({ text, v: scheme.parse(text) });
    } catch {
      // not a version of this ecosystem
    }
  }
  return parsed.sort((a, b) => scheme.compare(a.v, b.v)).map((p) => p.text);
}

/** `2.4.2` → `2.4.0`: where the release line of a fix starts (a backport's line is older). */
const lineStart = (version: string): string | null => {
  const m = /^v?(\d+)\.(\d+)(?:\.|$)/.exec(version);
  return m ? `${m[1]}.${m[2]}.0` : null;
};

/**
 * OSV 1.7 §affected[].ranges events for a product fixed in several release lines (a fix and
 * its backports): affected from the start, fixed in the lowest fix, affected again from the
 * start of each later line until its fix. A later fix whose line cannot be told (or starts
 * before the previous fix) is left out rather than guessed.
 */
export function fixEvents(ecosystem: string, fixed: readonly string[]): AdvisoryRangeEvent[] {
  const events: AdvisoryRangeEvent[] = [{ introduced: '0' }];
  const sorted = ordered(ecosystem, fixed);
  let previous: string | null = null;
  for (const v of sorted) {
    if (previous) {
      const start = lineStart(v);
      if (!start || ordered(ecosystem, [previous, start])[0] !== previous || start === previous) continue;
      events.push({ introduced: start });
    }
    events.push({ fixed: v });
    previous = v;
  }
  return events;
}

const fixedOf = (statements: readonly StatementRow[]) =>
  statements.filter((s) => s.status === 'fixed' || s.status === 'affected').flatMap((s) => s.fixedVersions);

function affectedOf(r: CaseFacts['reports'][number]): AffectedProduct | null {
  const versions = uniq(r.findings.flatMap((f) => f.affectedVersions));
  const purl = r.report.purl ?? r.findings.find((f) => f.purl)?.purl ?? null;
  const pkg = purl ? safePackage(purl) : null;
  if (pkg) {
    const known = ordered(pkg.ecosystem, versions);
    return {
      ecosystem: pkg.ecosystem,
      name: pkg.name,
      ranges: [{ type: rangeTypeFor(pkg.ecosystem), events: fixEvents(pkg.ecosystem, fixedOf(r.statements)) }],
      ...(known.length ? { versions: known } : {}),
    };
  }
  const cpe = r.report.cpe ?? r.findings.find((f) => f.cpe)?.cpe ?? null;
  return cpe ? { cpe, ...(versions.length ? { versions } : {}) } : null;
}

/** The highest-scored vector of one CVSS version among the reports (analysts' assessment first), then their findings. */
function vectorOf(facts: CaseFacts, prefix: string): string | null {
  const candidates = [
    ...facts.reports.map((r) => ({ vector: r.report.cvssVector, score: r.report.cvssScore })),
    ...facts.reports.flatMap((r) => r.findings.map((f) => ({ vector: f.cvssVector, score: f.cvssScore }))),
  ].filter((c): c is { vector: string; score: number | null } => !!c.vector?.startsWith(prefix));
  let best: { vector: string; score: number | null } | null = null;
  for (const c of candidates) if (!best || (c.score ?? -1) > (best.score ?? -1)) best = c;
  return best?.vector ?? null;
}

function ssvcOf(facts: CaseFacts): SsvcDecision | null {
  for (const r of facts.reports) {
    const s = r.report.ssvc as Partial<SsvcDecision> | null;
    if (s?.exploitation && s.automatable && s.technicalImpact && s.missionWellbeing && s.decision) {
      return {
        exploitation: s.exploitation,
        automatable: s.automatable,
        technicalImpact: s.technicalImpact,
        missionWellbeing: s.missionWellbeing,
        decision: s.decision,
      };
    }
  }
  return null;
}

function remediationsOf(facts: CaseFacts): AdvisoryRemediation[] {
  const out: AdvisoryRemediation[] = [];
  for (const r of facts.reports) {
    for (const s of r.statements) {
      if (s.status !== 'fixed' || s.fixedVersions.length === 0) continue;
      const eco = r.report.purl ? (safePackage(r.report.purl)?.ecosystem ?? null) : null;
      // A statement's versions in the ecosystem's order (the vendor may list the backport last).
      const versions = eco ? ordered(eco, s.fixedVersions) : s.fixedVersions;
      out.push({ category: 'vendor_fix', details: [`Fixed in ${versions.join(', ')}.`, s.actionStatement ?? ''].filter(Boolean).join(' ') });
    }
  }
  return out;
}

/**
 * The first draft of a case's advisory from what the case knows (issue 9 item 20): title and
 * summary of the case; each report's product in its own ecosystem (from the purl type), with
 * the known affected versions and the vendors' fixed versions as ranges; the highest CVSS
 * vector per version; the weaknesses; the analysts' SSVC decision; a vendor-fix remediation
 * per statement; and the public credits the finders consented to (domain/policy/credits.ts).
 */
export function draftFromCase(facts: CaseFacts): AdvisoryContent {
  const affected = facts.reports.map(affectedOf).filter((a): a is AffectedProduct => a !== null);
  const seen = new Set<string>();
  const products = affected.filter((a) => {
    const key = JSON.stringify([a.ecosystem, a.name, a.cpe]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const v3 = vectorOf(facts, 'CVSS:3.1/');
  const v4 = vectorOf(facts, 'CVSS:4.0/');
  const finders: FinderFacts[] = facts.reports.flatMap((r) =>
    r.findings.map((f) => ({
      organisation: facts.organisationNames.get(f.ownerOrganisationId) ?? 'Unknown organisation',
      finderKind: f.finderKind as FinderKind,
      model: f.modelName ? { name: f.modelName, version: f.modelVersion } : null,
      choice: f.publicCredit ?? null,
    })),
  );
  const ssvc = ssvcOf(facts);
  return {
    title: facts.case.title,
    summary: facts.case.summary,
    description: facts.case.summary,
    aliases: [],
    affected: products,
    cvss: { ...(v3 ? { v3_1: v3 } : {}), ...(v4 ? { v4_0: v4 } : {}) },
    cweIds: uniq([...(facts.case.cwe ? [facts.case.cwe] : []), ...facts.reports.flatMap((r) => (r.report.cwe ? [r.report.cwe] : []))]),
    ...(ssvc ? { ssvc } : {}),
    remediations: remediationsOf(facts),
    references: [],
    credits: publicCredits(finders),
  };
}
