import { AppError, type FieldProblem, invalid } from '../../domain/errors';
import type { RiskDomain, RiskLevel } from '../../domain/frontier/assessment-vocabulary';
import { narrowerProblems, partMarking } from '../../domain/frontier/engagement-markings';
import { type EngagementState, isWorking } from '../../domain/frontier/engagement-states';
import { mapFrameworkLevel } from '../../domain/frontier/risk-scale';
import { RISK_SCALE_IDS, riskScale } from '../../domain/frontier/risk-scales/index';
import type { Principal } from '../../domain/identity/principal';
import { type Classification, CLASSIFICATIONS, type Tlp } from '../../domain/policy/marking';
import type { Tx } from '../../store/database';
import { type EngagementRow, insertAnnex, upsertConclusion } from '../../store/frontier/assessments';
import { markingOf, markingRow } from '../../store/visibility';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { clears } from '../../domain/policy/classified';
import { engagementForUpdate, partiesOf } from './engagement-parties';
import { annexView, type AnnexView, conclusionView, type ConclusionView } from './engagement-views';

export interface ConclusionInput {
  readonly domain: RiskDomain;
  /** The common level; derived from the framework label when one is given (and must agree with it if both are). */
  readonly level?: RiskLevel | undefined;
  /** A shipped risk-scale mapping id (GET /api/frontier/risk-scales) and the developer's label in it. */
  readonly framework?: string | undefined;
  readonly frameworkLabel?: string | undefined;
  readonly rationale?: string | undefined;
  /** Its label: the engagement's by default; CLEAR puts it in the published summary. */
  readonly tlp?: Tlp | undefined;
}

async function assessorsEngagement(tx: Tx, p: Principal, engagementId: string, what: string): Promise<EngagementRow> {
  const e = await engagementForUpdate(tx, p, engagementId);
  if (!partiesOf(p, e).has('assessor')) throw new AppError('FORBIDDEN', `Only the assessor ${what}`);
  if (!isWorking(e.state as EngagementState))
    throw new AppError('CONFLICT', `An engagement that is ${e.state} takes no new ${what.split(' ').pop()}`, [
      { path: '/engagementId', message: 'while the engagement is in_progress, draft_report or developer_review' },
    ]);
  return e;
}

/** The common level of a conclusion and the mapping it came from, or every problem with the input. Pure over the shipped tables. */
export function resolveConclusion(
  input: ConclusionInput,
  scope: readonly string[],
):
  | { ok: true; level: RiskLevel; framework: string | null; frameworkLabel: string | null; mappingVersion: string | null }
  | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!scope.includes(input.domain)) problems.push({ path: '/domain', message: `not in the engagement's scope (${scope.join(', ')})` });
  if (!input.framework) {
    if (input.frameworkLabel) problems.push({ path: '/framework', message: 'required with a framework label' });
    if (!input.level) problems.push({ path: '/level', message: 'required without a framework label' });
    return problems.length ? { ok: false, problems } : { ok: true, level: input.level!, framework: null, frameworkLabel: null, mappingVersion: null };
  }
  const mapping = riskScale(input.framework);
  if (!mapping) problems.push({ path: '/framework', message: `unknown framework mapping (one of ${RISK_SCALE_IDS.join(', ')})` });
  if (!input.frameworkLabel?.trim()) problems.push({ path: '/frameworkLabel', message: 'required with a framework' });
  if (!mapping || !input.frameworkLabel?.trim() || problems.length) return { ok: false, problems };
  const mapped = mapFrameworkLevel(mapping, input.frameworkLabel, input.domain);
  if (!mapped.ok) return { ok: false, problems: [{ path: '/frameworkLabel', message: mapped.message }] };
  if (input.level && input.level !== mapped.level)
    return {
      ok: false,
      problems: [{ path: '/level', message: `${mapping.id}@${mapping.version} puts "${input.frameworkLabel}" at ${mapped.level} in ${input.domain}` }],
    };
  return { ok: true, level: mapped.level, framework: mapping.id, frameworkLabel: input.frameworkLabel, mappingVersion: mapping.version };
}

/** The assessor concludes a risk level in one domain (one conclusion per domain; a new one replaces it). */
export async function setConclusion(ctx: ServiceContext, p: Principal, engagementId: string, input: ConclusionInput): Promise<ConclusionView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const e = await assessorsEngagement(tx, p, engagementId, 'concludes risk levels');
    const r = resolveConclusion(input, e.scopeDomains);
    if (!r.ok) throw invalid(r.problems);
    const engagement = markingOf(e);
    const marking = partMarking(engagement, input.tlp ?? engagement.tlp, engagement.classification, p.userId);
    const now = ctx.now();
    const c = await upsertConclusion(tx, {
      id: ctx.newId(),
      engagementId: e.id,
      domain: input.domain,
      level: r.level,
      framework: r.framework,
      frameworkLabel: r.frameworkLabel,
      mappingVersion: r.mappingVersion,
      rationale: input.rationale ?? '',
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    record({
      action: 'assessment_conclusion.set',
      recordType: 'assessment_conclusion',
      recordId: c.id,
      before: null,
      after: c,
      marking: markingOf(c),
      data: {
        id: c.id,
        engagementId: e.id,
        domain: c.domain,
        level: c.level,
        framework: c.framework,
        frameworkLabel: c.frameworkLabel,
        mappingVersion: c.mappingVersion,
      },
    });
    return conclusionView(c);
  });
}

export interface AnnexInput {
  readonly title: string;
  readonly body: string;
  /** Default AMBER+STRICT (or the engagement's if stricter) and the engagement's classification; never wider. */
  readonly tlp?: Tlp | undefined;
  readonly classification?: Classification | undefined;
}

/** The assessor adds an annex (a section of the report with its own classification marking). */
export async function addAnnex(ctx: ServiceContext, p: Principal, engagementId: string, input: AnnexInput): Promise<AnnexView> {
  return write(ctx, actorOf(p), async (tx, record) => {
    const e = await assessorsEngagement(tx, p, engagementId, 'adds annexes');
    const engagement = markingOf(e);
    const tlp = input.tlp ?? (engagement.tlp === 'RED' ? 'RED' : 'AMBER+STRICT');
    const classification = input.classification ?? engagement.classification;
    const problems = narrowerProblems(engagement, tlp, classification);
    if (!input.title.trim()) problems.push({ path: '/title', message: 'required' });
    if (!input.body.trim()) problems.push({ path: '/body', message: 'required' });
    if (!clears(p.clearance, classification)) problems.push({ path: '/classification', message: 'above your clearance' });
    if (problems.length) throw invalid(problems);
    const marking = partMarking(engagement, tlp, classification, p.userId);
    const a = await insertAnnex(tx, {
      id: ctx.newId(),
      engagementId: e.id,
      title: input.title.trim(),
      body: input.body,
      ...markingRow(marking),
      createdAt: ctx.now(),
    });
    record({
      action: 'assessment_annex.added',
      recordType: 'assessment_annex',
      recordId: a.id,
      before: null,
      after: a,
      marking,
      data: { id: a.id, engagementId: e.id, classification: CLASSIFICATIONS[a.classification] },
    });
    return annexView(a);
  });
}
