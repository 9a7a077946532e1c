import { AppError, type FieldProblem, invalid, notFound } from '../../domain/errors';
import type { FindingSeverity, RiskDomain } from '../../domain/frontier/assessment-vocabulary';
import { narrowerProblems, partMarking, stricterTlp } from '../../domain/frontier/engagement-markings';
import { type EngagementState, isWorking } from '../../domain/frontier/engagement-states';
import { type RemediationEvent, type RemediationState, transitionRemediation } from '../../domain/frontier/finding-remediation';
import type { Principal } from '../../domain/identity/principal';
import { viewerOf } from '../../domain/identity/principal';
import { clears } from '../../domain/policy/classified';
import { type Classification, CLASSIFICATIONS, type Tlp } from '../../domain/policy/marking';
import type { Tx } from '../../store/database';
import { deleteFinding, type EngagementRow, type FindingRow, findVisibleFinding, insertFinding, updateFinding } from '../../store/frontier/assessments';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { engagementForUpdate, partiesOf } from './engagement-parties';
import { findingView, type FindingView } from './engagement-views';

export interface FindingInput {
  readonly domain: RiskDomain;
  readonly severity: FindingSeverity;
  readonly title: string;
  readonly detail?: string | undefined;
  readonly evidence?: readonly string[] | undefined;
  /** The finding's label (default: the engagement's) and its detail's (default AMBER+STRICT), never wider. */
  readonly tlp?: Tlp | undefined;
  readonly detailTlp?: Tlp | undefined;
  readonly detailClassification?: Classification | undefined;
}

/** Ids, domain, severity and remediation state: never the title, detail or evidence. */
const eventData = (f: FindingRow) => ({ id: f.id, engagementId: f.engagementId, domain: f.domain, severity: f.severity, remediationState: f.remediationState });

/** The engagement, checked to be one the assessor may record findings in now. */
async function workingEngagement(tx: Tx, p: Principal, engagementId: string, what: string): Promise<EngagementRow> {
  const e = await engagementForUpdate(tx, p, engagementId);
  if (!partiesOf(p, e).has('assessor')) throw new AppError('FORBIDDEN', `Only the assessor ${what}`);
  if (!isWorking(e.state as EngagementState))
    throw new AppError('CONFLICT', `An engagement that is ${e.state} takes no changes to its findings`, [
      { path: '/engagementId', message: 'findings change while the engagement is in_progress, draft_report or developer_review' },
    ]);
  return e;
}

function markingsOf(e: EngagementRow, p: Principal, input: FindingInput) {
  const engagement = markingOf(e);
  const tlp = input.tlp ?? engagement.tlp;
  const detailTlp = input.detailTlp ?? stricterTlp('AMBER+STRICT', tlp);
  const detailClassification = input.detailClassification ?? engagement.classification;
  const problems: FieldProblem[] = [
    ...narrowerProblems(engagement, tlp, engagement.classification),
    ...narrowerProblems({ ...engagement, tlp }, detailTlp, detailClassification, { tlp: '/detailTlp', classification: '/detailClassification' }),
  ];
  if (!clears(p.clearance, detailClassification)) problems.push({ path: '/detailClassification', message: 'above your clearance' });
  return { marking: partMarking(engagement, tlp, engagement.classification, p.userId), detailTlp, detailClassification, problems };
}

function contentProblems(input: Partial<FindingInput>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.title !== undefined && !input.title.trim()) problems.push({ path: '/title', message: 'required' });
  (input.evidence ?? []).forEach((x, i) => {
    if (!x.trim()) problems.push({ path: `/evidence/${i}`, message: 'empty evidence reference' });
  });
  return problems;
}

/** The assessor records a finding (open) in an engagement at work. */
export async function addFinding(ctx: ServiceContext, p: Principal, engagementId: string, input: FindingInput): Promise<FindingView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const e = await workingEngagement(tx, p, engagementId, 'records findings');
    const m = markingsOf(e, p, input);
    const problems = [...contentProblems(input), ...m.problems];
    if (!e.scopeDomains.includes(input.domain)) problems.push({ path: '/domain', message: `not in the engagement's scope (${e.scopeDomains.join(', ')})` });
    if (problems.length) throw invalid(problems);
    const now = ctx.now();
    const f = await insertFinding(tx, {
      id: ctx.newId(),
      engagementId: e.id,
      domain: input.domain,
      severity: input.severity,
      title: input.title.trim(),
      detail: input.detail ?? '',
      evidence: [...(input.evidence ?? [])],
      detailTlp: m.detailTlp,
      detailClassification: CLASSIFICATIONS.indexOf(m.detailClassification),
      remediationState: 'open',
      remediationHistory: [],
      ...markingRow(m.marking),
      createdAt: now,
      updatedAt: now,
    });
    record({
      action: 'assessment_finding.recorded',
      recordType: 'assessment_finding',
      recordId: f.id,
      before: null,
      after: f,
      marking: m.marking,
      data: eventData(f),
    });
    return findingView(f, viewerOf(p), partiesOf(p, e));
  });
}

/** The assessor edits a finding's content (its markings stay). */
export async function editFinding(
  ctx: ServiceContext,
  p: Principal,
  engagementId: string,
  findingId: string,
  patch: Partial<Pick<FindingInput, 'domain' | 'severity' | 'title' | 'detail' | 'evidence'>>,
): Promise<FindingView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const f = await findVisibleFinding(tx, viewerOf(p), engagementId, findingId, true);
    if (!f) throw notFound('Finding');
    const e = await workingEngagement(tx, p, engagementId, 'edits findings');
    const problems = contentProblems(patch);
    if (patch.domain && !e.scopeDomains.includes(patch.domain))
      problems.push({ path: '/domain', message: `not in the engagement's scope (${e.scopeDomains.join(', ')})` });
    if (problems.length) throw invalid(problems);
    const after = await updateFinding(tx, f.id, {
      ...(patch.domain ? { domain: patch.domain } : {}),
      ...(patch.severity ? { severity: patch.severity } : {}),
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.detail !== undefined ? { detail: patch.detail } : {}),
      ...(patch.evidence ? { evidence: [...patch.evidence] } : {}),
      updatedAt: ctx.now(),
    });
    record({
      action: 'assessment_finding.updated',
      recordType: 'assessment_finding',
      recordId: f.id,
      before: f,
      after,
      marking: markingOf(after),
      data: eventData(after),
    });
    return findingView(after, viewerOf(p), partiesOf(p, e));
  });
}

/** The assessor deletes a finding it recorded in error (while the engagement is at work). */
export async function removeFinding(ctx: ServiceContext, p: Principal, engagementId: string, findingId: string): Promise<void> {
  await write(ctx, actorOf(p), async (tx, record) => {
    const f = await findVisibleFinding(tx, viewerOf(p), engagementId, findingId, true);
    if (!f) throw notFound('Finding');
    await workingEngagement(tx, p, engagementId, 'deletes findings');
    await deleteFinding(tx, f.id);
    record({
      action: 'assessment_finding.deleted',
      recordType: 'assessment_finding',
      recordId: f.id,
      before: f,
      after: null,
      marking: markingOf(f),
      data: eventData(f),
    });
  });
}

export interface RemediationMove {
  readonly event: RemediationEvent;
  readonly note?: string | undefined;
  readonly evidence?: readonly string[] | undefined;
}

/**
 * The developer answers a finding (mitigated before release, accepted, disputed — with
 * evidence), or the assessor reopens it. Any state of the engagement but withdrawn: a
 * developer may report a mitigation after the report is final.
 */
export async function moveRemediation(ctx: ServiceContext, p: Principal, engagementId: string, findingId: string, move: RemediationMove): Promise<FindingView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const e = await engagementForUpdate(tx, p, engagementId);
    const f = await findVisibleFinding(tx, viewerOf(p), engagementId, findingId, true);
    if (!f) throw notFound('Finding');
    if (e.state === 'withdrawn') throw new AppError('CONFLICT', 'The engagement is withdrawn', [{ path: '/event', message: 'the engagement is withdrawn' }]);
    const parties = partiesOf(p, e);
    const t = transitionRemediation(f.remediationState as RemediationState, move, parties);
    if (!t.ok) {
      if (t.code === 'NOT_A_PARTY') throw new AppError('FORBIDDEN', t.problems[0]!.message);
      if (t.code === 'VALIDATION') throw invalid(t.problems);
      throw new AppError('CONFLICT', t.problems[0]!.message, t.problems);
    }
    const now = ctx.now();
    const after = await updateFinding(tx, f.id, {
      remediationState: t.state,
      remediationHistory: [
        ...f.remediationHistory,
        {
          from: f.remediationState,
          to: t.state,
          event: move.event,
          note: move.note!.trim(),
          evidence: [...(move.evidence ?? [])],
          at: now.toISOString(),
          by: p.userId,
        },
      ],
      updatedAt: now,
    });
    record({
      action: 'assessment_finding.remediated',
      recordType: 'assessment_finding',
      recordId: f.id,
      before: f,
      after,
      marking: markingOf(after),
      data: { ...eventData(after), from: f.remediationState, event: move.event },
    });
    return findingView(after, viewerOf(p), parties);
  });
}
