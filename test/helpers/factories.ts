import type { AdvisoryContent } from '../../src/domain/advisory/content';
import type { Principal } from '../../src/domain/identity/principal';
import type { Role } from '../../src/domain/identity/roles';
import type { Clearance } from '../../src/domain/policy/marking';
import { CLI_ACTOR } from '../../src/services/actor';
import { type AdvisoryDraftInput, createAdvisoryDraft } from '../../src/services/advisories/drafting';
import { publishAdvisory, scheduleAdvisory } from '../../src/services/advisories/publication';
import type { AdvisoryView } from '../../src/services/advisories/view';
import { draftCaseAdvisory } from '../../src/services/cases/advisory';
import { decideEmbargo } from '../../src/services/cases/embargo';
import { inviteVendors } from '../../src/services/cases/invite';
import { type OpenCaseInput, openCase } from '../../src/services/cases/open';
import { getCase } from '../../src/services/cases/reads';
import type { CaseView } from '../../src/services/cases/views';
import type { ServiceContext } from '../../src/services/context';
import { submitChunk } from '../../src/services/intake/submit';
import { transitionReportBy } from '../../src/services/intake/triage';
import { createOrganisation, type OrganisationInput } from '../../src/services/organisations';
import { principalOf } from '../../src/services/principal';
import { createUser } from '../../src/services/users';
import { findUserWithOrganisation } from '../../src/store/users';
import { advisoryContent } from '../advisories/fixtures';
import { aiFinding } from '../intake/world';

/*
 * Factories, not shared fixtures (STYLE.md): each test makes the records it needs, and each
 * factory makes the parents it is not given — a case its analyst and accepted report, a report
 * its reporter, a user their organisation — through the real services, so every record has its
 * audit entry and outbox event like one a user made.
 */

let n = 0;
const unique = (s: string) => `${s}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

/** Makes an organisation (a software vendor unless told otherwise). */
export async function makeOrganisation(ctx: ServiceContext, input: Partial<OrganisationInput> = {}) {
  return createOrganisation(ctx, CLI_ACTOR, {
    name: unique(input.name ?? 'org'),
    kind: input.kind ?? 'software_vendor',
    ...input,
    ...(input.name ? { name: unique(input.name) } : {}),
  });
}

/** Makes an active user (and, unless given, an organisation for them) and returns their session principal. */
export async function makePrincipal(
  ctx: ServiceContext,
  opts: { organisationId?: string; role?: Role; clearance?: Clearance; coordinator?: boolean } = {},
): Promise<Principal> {
  const orgId = opts.organisationId ?? (await makeOrganisation(ctx, { coordinator: opts.coordinator ?? false })).id;
  const { user } = await createUser(ctx, CLI_ACTOR, {
    email: `${unique('user')}@example.test`,
    name: 'Test User',
    organisationId: orgId,
    role: opts.role ?? 'member',
    clearance: opts.clearance ?? 'NONE',
    password: 'a long enough test password',
  });
  const r = await findUserWithOrganisation(ctx.db, user.id);
  return principalOf(r!.user, r!.organisation, null, null);
}

/** An analyst of a coordinating organisation (its own unless given): who triages, opens cases and drafts advisories. */
export const makeAnalyst = (ctx: ServiceContext, organisationId?: string): Promise<Principal> =>
  makePrincipal(ctx, { coordinator: true, role: 'analyst', ...(organisationId ? { organisationId } : {}) });

/** A vendor organisation's administrator (a new vendor unless given). */
export const makeVendor = (ctx: ServiceContext, organisationId?: string): Promise<Principal> =>
  makePrincipal(ctx, { role: 'admin', ...(organisationId ? { organisationId } : {}) });

export interface ReportOptions {
  /** Who submits the finding; a member of a new organisation by default. */
  readonly reporter?: Principal;
  /** Who triages it; a new coordinator analyst by default (made only when the state needs one). */
  readonly analyst?: Principal;
  /** Fields of the finding that replace the realistic defaults of `aiFinding`. */
  readonly finding?: Record<string, unknown>;
  /** How far triage takes the report: `accepted` by default. */
  readonly state?: 'received' | 'triage' | 'accepted';
}

export interface MadeReport {
  readonly id: string;
  readonly reporter: Principal;
  /** The analyst who triaged it (null while `received`). */
  readonly analyst: Principal | null;
}

/** Submits one new finding (a report of its own) and triages it to `state`. */
export async function makeReport(ctx: ServiceContext, opts: ReportOptions = {}): Promise<MadeReport> {
  const reporter = opts.reporter ?? (await makePrincipal(ctx));
  const { results } = await submitChunk(ctx, reporter, [{ index: 0, value: aiFinding(opts.finding) }], { requestKey: null, source: 'api' });
  const r = results[0]!;
  if (r.status !== 'accepted' || !r.reportId) throw new Error(`the factory's finding was not accepted as a new report: ${JSON.stringify(r)}`);
  const state = opts.state ?? 'accepted';
  if (state === 'received') return { id: r.reportId, reporter, analyst: opts.analyst ?? null };
  const analyst = opts.analyst ?? (await makeAnalyst(ctx));
  await transitionReportBy(ctx, analyst, r.reportId, { event: 'start-triage' });
  if (state === 'accepted') await transitionReportBy(ctx, analyst, r.reportId, { event: 'accept' });
  return { id: r.reportId, reporter, analyst };
}

export interface CaseOptions extends Partial<Omit<OpenCaseInput, 'reportIds'>> {
  /** Who opens and coordinates it; a new coordinator analyst by default. */
  readonly analyst?: Principal;
  /** Accepted reports it is opened from; for a `single` case one new report is made when absent. */
  readonly reportIds?: readonly string[];
  /** Options for the report made when `reportIds` is absent. */
  readonly report?: Omit<ReportOptions, 'analyst' | 'state'>;
  /** Vendors invited at once: the principals given, or that many new vendor admins. None by default. */
  readonly vendors?: readonly Principal[] | number;
  /** `agreed`: the coordinator adopts the first proposal (the policy default date); needs vendors. */
  readonly embargo?: 'proposed' | 'agreed';
}

export interface MadeCase {
  readonly id: string;
  /** The case as the analyst sees it after the last step. */
  readonly case: CaseView;
  readonly analyst: Principal;
  readonly reportIds: readonly string[];
  readonly vendors: readonly Principal[];
  /** The first vulnerability's id (a single case has exactly one). */
  readonly vulnerabilityId: string;
  /** The agreed public date when `embargo: 'agreed'`, else null. */
  readonly agreedPublicAt: string | null;
}

/** Opens a coordination case, making its analyst, report and vendors unless given, then invites the vendors and settles the embargo. */
export async function makeCase(ctx: ServiceContext, opts: CaseOptions = {}): Promise<MadeCase> {
  const { analyst: givenAnalyst, reportIds: givenReports, report, vendors: givenVendors, embargo, ...input } = opts;
  const analyst = givenAnalyst ?? (await makeAnalyst(ctx));
  const kind = input.kind ?? 'single';
  const reportIds = givenReports ?? (kind === 'single' ? [(await makeReport(ctx, { ...report, analyst })).id] : []);
  const vendors = typeof givenVendors === 'number' ? await Promise.all(Array.from({ length: givenVendors }, () => makeVendor(ctx))) : [...(givenVendors ?? [])];
  const opened = await openCase(ctx, analyst, {
    title: unique('Heap overflow in the frame parser'),
    summary: 'A crafted frame overflows the buffer.',
    ...input,
    kind,
    reportIds,
  });
  if (vendors.length > 0)
    await inviteVendors(
      ctx,
      analyst,
      opened.id,
      vendors.map((v) => v.organisationId),
    );
  let agreedPublicAt: string | null = null;
  if (embargo === 'agreed') {
    const proposal = (await getCase(ctx, analyst, opened.id)).proposals[0];
    if (!proposal) throw new Error('an embargo is agreed on a proposal: invite vendors first');
    await decideEmbargo(ctx, analyst, opened.id, { decision: 'adopt', proposalId: proposal.id });
    agreedPublicAt = proposal.publicAt;
  }
  const c = await getCase(ctx, analyst, opened.id);
  return { id: c.id, case: c, analyst, reportIds, vendors, vulnerabilityId: c.vulnerabilities[0]?.id ?? '', agreedPublicAt };
}

export interface AdvisoryOptions {
  /** Who drafts it; a new coordinator analyst by default. */
  readonly coordinator?: Principal;
  /** The affected npm package named in the default content. */
  readonly pkg?: string;
  /** Fields that replace the default content. */
  readonly content?: Partial<AdvisoryContent>;
  readonly marking?: AdvisoryDraftInput['marking'];
  /** `draft` by default; `scheduled` at `publishAt` (an hour from now by default); `published` now. */
  readonly state?: 'draft' | 'scheduled' | 'published';
  readonly publishAt?: Date;
}

/** Drafts a stand-alone advisory (no case) and takes it to `state`; returns it and its coordinator. */
export async function makeAdvisory(ctx: ServiceContext, opts: AdvisoryOptions = {}): Promise<{ advisory: AdvisoryView; coordinator: Principal }> {
  const coordinator = opts.coordinator ?? (await makeAnalyst(ctx));
  const draft = await createAdvisoryDraft(ctx, coordinator, {
    content: advisoryContent(opts.pkg ?? unique('pkg'), opts.content),
    ...(opts.marking ? { marking: opts.marking } : {}),
  });
  const state = opts.state ?? 'draft';
  if (state === 'draft') return { advisory: draft, coordinator };
  if (state === 'scheduled')
    return { advisory: await scheduleAdvisory(ctx, coordinator, draft.id, opts.publishAt ?? new Date(ctx.now().getTime() + 3_600_000)), coordinator };
  return { advisory: await publishAdvisory(ctx, coordinator, draft.id), coordinator };
}

/**
 * Drafts the advisory of a case (made from `opts` unless `caseId` and `analyst` are given): the
 * whole chain finding → report → case → advisory. Under an agreed embargo it is scheduled at its end.
 */
export async function makeCaseAdvisory(
  ctx: ServiceContext,
  opts: CaseOptions & { readonly pkg?: string; readonly content?: Partial<AdvisoryContent> } = {},
): Promise<MadeCase & { advisory: AdvisoryView }> {
  const { pkg, content, ...caseOpts } = opts;
  const made = await makeCase(ctx, caseOpts);
  const { advisory, case: c } = await draftCaseAdvisory(ctx, made.analyst, made.id, advisoryContent(pkg ?? unique('pkg'), content));
  return { ...made, case: { ...made.case, ...c }, advisory };
}
