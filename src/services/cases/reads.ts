import { notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { type CaseFilter, listVisibleCases } from '../../store/cases/cases';
import { visibleProofsOfReports, visibleVulnerabilityDetails } from '../../store/cases/details';
import { listVisibleProposals } from '../../store/cases/proposals';
import { listVisibleStatements, listVisibleVulnerabilities } from '../../store/cases/statements';
import { findVisibleThread, listVisibleMessages, listVisibleThreads } from '../../store/cases/threads';
import { listInbox, listVisibleCaseVendors } from '../../store/cases/vendors';
import type { ServiceContext } from '../context';
import { coordinates, visibleCase } from './access';
import { caseView, messageView, participationView, proposalView, statementView, threadView, vulnerabilityView } from './views';

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

/**
 * A case as `p` may see it, with its vulnerabilities (their technical details and the proofs
 * of concept `p` may download, ADR 0031) and the embargo proposals `p` may see.
 */
export async function getCase(ctx: ServiceContext, p: Principal, id: string) {
  const c = await visibleCase(ctx.db, p, id);
  const viewer = viewerOf(p);
  const [vulnerabilities, details, proposals] = await Promise.all([
    listVisibleVulnerabilities(ctx.db, viewer, c.id),
    visibleVulnerabilityDetails(ctx.db, viewer, c.id),
    listVisibleProposals(ctx.db, viewer, c.id),
  ]);
  const proofs = await visibleProofsOfReports(ctx.db, viewer, [...new Set(vulnerabilities.flatMap((v) => (v.reportId ? [v.reportId] : [])))]);
  const byId = new Map(details.map((d) => [d.vulnerabilityId, d]));
  const coordinator = coordinates(p, c);
  return {
    ...caseView(c, coordinator),
    vulnerabilities: vulnerabilities.map((v) => vulnerabilityView(v, byId.get(v.id), proofs, coordinator)),
    proposals: proposals.map(proposalView),
  };
}

export async function searchCases(ctx: ServiceContext, p: Principal, f: CaseFilter, page: Page) {
  const r = await listVisibleCases(ctx.db, viewerOf(p), f, page.limit, page.offset);
  return { items: r.items.map((c) => caseView(c, coordinates(p, c))), total: r.total };
}

/** One page of the case's vendors (a coordinator sees all; a vendor only itself). */
export async function caseVendors(ctx: ServiceContext, p: Principal, id: string, page: Page) {
  const c = await visibleCase(ctx.db, p, id);
  const r = await listVisibleCaseVendors(ctx.db, viewerOf(p), c.id, page.limit, page.offset);
  return { items: r.items.map((x) => ({ ...participationView(x.vendor), name: x.name, statementCount: x.statementCount })), total: r.total };
}

/** One page of statements `p` may see (its own; shared ones; all for the coordinator), optionally one vendor's. */
export async function caseStatements(ctx: ServiceContext, p: Principal, id: string, vendor: string | undefined, page: Page) {
  const c = await visibleCase(ctx.db, p, id);
  const r = await listVisibleStatements(ctx.db, viewerOf(p), c.id, vendor, page.limit, page.offset);
  return { items: r.items.map(statementView), total: r.total };
}

export async function caseThreads(ctx: ServiceContext, p: Principal, id: string, page: Page) {
  const c = await visibleCase(ctx.db, p, id);
  const r = await listVisibleThreads(ctx.db, viewerOf(p), c.id, page.limit, page.offset);
  return { items: r.items.map(threadView), total: r.total };
}

export async function threadMessages(ctx: ServiceContext, p: Principal, id: string, threadId: string, page: Page) {
  const c = await visibleCase(ctx.db, p, id);
  const t = await findVisibleThread(ctx.db, viewerOf(p), c.id, threadId);
  if (!t) throw notFound('Thread');
  const r = await listVisibleMessages(ctx.db, viewerOf(p), t.id, page.limit, page.offset);
  return { thread: threadView(t), items: r.items.map(messageView), total: r.total };
}

/** The caller's organisation's inbox: the cases it is invited to, newest first. */
export async function vendorInbox(ctx: ServiceContext, p: Principal, page: Page) {
  const r = await listInbox(ctx.db, viewerOf(p), p.organisationId, page.limit, page.offset);
  return { items: r.items.map((x) => ({ participation: participationView(x.vendor), case: caseView(x.case, false) })), total: r.total };
}
