import { checkCwe } from '../../standards/cwe/check';
import { AppError, type FieldProblem } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { insertCase } from '../../store/cases/cases';
import { insertVulnerabilities } from '../../store/cases/statements';
import type { Tx } from '../../store/database';
import { findVisibleReport, type ReportRow } from '../../store/intake/reports';
import { findOrganisation } from '../../store/organisations';
import { markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { assertCaseCoordinator, CASE_TLP, caseWideMarking, vendorMarking } from './access';
import { caseView, type CaseView } from './views';

export interface VulnerabilityInput {
  readonly title: string;
  /** purl or CPE of the affected product. */
  readonly product?: string | null | undefined;
  readonly cwe?: string | null | undefined;
  readonly reportId?: string | null | undefined;
  /** Limits the vulnerability to one vendor (a campaign's per-product entry). */
  readonly vendorOrganisationId?: string | null | undefined;
}

export interface OpenCaseInput {
  /** `single`: from accepted reports; `campaign`: one bug pattern across many products. */
  readonly kind: 'single' | 'campaign';
  readonly title: string;
  readonly summary: string;
  readonly reportIds?: readonly string[] | undefined;
  readonly pattern?: string | null | undefined;
  readonly cwe?: string | null | undefined;
  readonly exploited?: boolean | undefined;
  readonly fixBypass?: boolean | undefined;
  readonly vulnerabilities?: readonly VulnerabilityInput[] | undefined;
}

function checkCweField(value: string | null | undefined, path: string, problems: FieldProblem[]): string | null {
  if (!value) return null;
  const c = checkCwe(value);
  if (c.ok) return c.id;
  problems.push({ path, message: c.message });
  return null;
}

/** Checks the input and its reports (visible to `p` and accepted), naming every bad field. */
async function checkInput(tx: Tx, p: Principal, input: OpenCaseInput): Promise<{ reports: ReportRow[]; cwe: string | null; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  if (!input.title.trim()) problems.push({ path: '/title', message: 'required' });
  if (!input.summary.trim()) problems.push({ path: '/summary', message: 'required' });
  const ids = input.reportIds ?? [];
  if (input.kind === 'single' && ids.length === 0) problems.push({ path: '/reportIds', message: 'a case is opened from at least one accepted report' });
  if (input.kind === 'campaign' && !input.pattern?.trim()) problems.push({ path: '/pattern', message: 'a campaign case names its bug pattern' });
  if (input.kind === 'campaign' && ids.length === 0 && !input.vulnerabilities?.length)
    problems.push({ path: '/vulnerabilities', message: 'a campaign needs reports or vulnerabilities' });
  const reports: ReportRow[] = [];
  for (const [i, id] of ids.entries()) {
    const r = await findVisibleReport(tx, viewerOf(p), id);
    if (!r) problems.push({ path: `/reportIds/${i}`, message: 'no such report' });
    else if (r.state !== 'accepted') problems.push({ path: `/reportIds/${i}`, message: `the report is ${r.state}, not accepted` });
    else reports.push(r);
  }
  const cwe = checkCweField(input.cwe, '/cwe', problems);
  for (const [i, v] of (input.vulnerabilities ?? []).entries()) {
    if (!v.title.trim()) problems.push({ path: `/vulnerabilities/${i}/title`, message: 'required' });
    checkCweField(v.cwe, `/vulnerabilities/${i}/cwe`, problems);
    if (v.vendorOrganisationId && !(await findOrganisation(tx, v.vendorOrganisationId)))
      problems.push({ path: `/vulnerabilities/${i}/vendorOrganisationId`, message: 'no such organisation' });
    if (v.reportId && !ids.includes(v.reportId)) problems.push({ path: `/vulnerabilities/${i}/reportId`, message: 'not one of the case reports' });
  }
  return { reports, cwe, problems };
}

/**
 * Opens a case (analysts and admins of a coordinating organisation). Each report becomes
 * a vulnerability unless the caller lists them; the case is exploited if a report is.
 */
export async function openCase(ctx: ServiceContext, p: Principal, input: OpenCaseInput): Promise<CaseView> {
  assertCaseCoordinator(p);
  return write(ctx, actorOf(p), async (tx, record) => {
    const { reports, cwe, problems } = await checkInput(tx, p, input);
    if (problems.length) throw new AppError('VALIDATION', 'The case has invalid fields', problems);
    const now = ctx.now();
    const row = await insertCase(tx, {
      id: ctx.newId(),
      kind: input.kind,
      state: 'open',
      title: input.title.trim(),
      summary: input.summary.trim(),
      pattern: input.pattern?.trim() || null,
      cwe: cwe ?? reports.find((r) => r.cwe)?.cwe ?? null,
      exploited: input.exploited ?? reports.some((r) => r.exploited || r.knownExploited),
      fixBypass: input.fixBypass ?? false,
      reportIds: reports.map((r) => r.id),
      ownerOrganisationId: p.organisationId,
      createdBy: p.userId,
      tlp: CASE_TLP,
      classification: 0,
      accessOrganisations: [],
      accessUsers: [],
      createdAt: now,
      updatedAt: now,
    });
    const listed = input.vulnerabilities?.length
      ? input.vulnerabilities.map((v) => ({
          title: v.title.trim(),
          product: v.product ?? null,
          cwe: v.cwe ? (checkCwe(v.cwe) as { id: string }).id : null,
          reportId: v.reportId ?? null,
          vendor: v.vendorOrganisationId ?? null,
        }))
      : reports.map((r) => ({ title: r.title, product: r.purl ?? r.cpe ?? null, cwe: r.cwe, reportId: r.id, vendor: null }));
    await insertVulnerabilities(
      tx,
      listed.map((v) => ({
        id: ctx.newId(),
        caseId: row.id,
        reportId: v.reportId,
        title: v.title,
        product: v.product,
        cwe: v.cwe,
        vendorOrganisationId: v.vendor,
        ...markingRow(v.vendor ? vendorMarking(row, v.vendor, p.userId) : caseWideMarking(row, p.userId)),
        createdAt: now,
      })),
    );
    const view = caseView(row, true);
    record({
      action: 'case.opened',
      recordType: 'case',
      recordId: row.id,
      before: null,
      after: view,
      marking: caseWideMarking(row, p.userId),
      data: { id: row.id, title: row.title, kind: row.kind },
    });
    return view;
  });
}
