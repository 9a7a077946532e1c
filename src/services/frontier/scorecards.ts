import { inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../domain/errors';
import { ACCESS_KIND_IDS } from '../../domain/frontier/access-vocabulary';
import { type AttestationStatus, attestationStanding, type ReviewDecision } from '../../domain/frontier/attestation';
import { computeScorecard, type Scorecard, type ScorecardInputs, type ScorecardWindow } from '../../domain/frontier/scorecard';
import {
  aggregateScorecards,
  DEFAULT_MIN_GROUP_SIZE,
  MAX_MIN_GROUP_SIZE,
  MIN_MIN_GROUP_SIZE,
  type ScorecardAggregates,
} from '../../domain/frontier/scorecard-aggregates';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Marking } from '../../domain/policy/marking';
import { SYSTEM, type Viewer } from '../../domain/policy/viewer';
import { canSee } from '../../domain/policy/visibility';
import type { Executor } from '../../store/database';
import { designatedVersionsPage, type PortfolioRow } from '../../store/frontier/portfolio';
import {
  accessKindsOfPlans,
  attestationsOfOrganisations,
  attestingOrganisations,
  findStandardsSettings,
  upsertStandardsSettings,
} from '../../store/frontier/standards';
import { organisations } from '../../store/schema/index';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { write } from '../unit-of-work';
import { intervalsOf } from './access-plans';
import { accessPolicy } from './access-policy';
import { windowOfPlan } from './access-window';
import { currentPracticeCatalogue } from './practices';
import { assessmentsOfDevelopers, findingsOfDeveloperModels } from './scorecard-assessments';
import { publishedMarking } from '../markings';

const PAGE = 500;

/**
 * Who sees a developer's own scorecard (ADR 0105): the developer's organisation and the
 * clearinghouse's coordinators — the marking of a record it would be, under the one policy.
 */
export const scorecardMarking = (organisationId: string): Marking => ({
  ownerOrganisationId: organisationId,
  createdBy: null,
  tlp: 'AMBER+STRICT',
  classification: 'UNCLASSIFIED',
  accessOrganisations: [],
  accessUsers: [],
  coordinators: true,
});

/**
 * Where the tracked-later parts of a scorecard come from: per developer organisation, its
 * engagements, findings and incidents (`ScorecardAssessment`, `ScorecardFinding`,
 * `ScorecardIncident` in domain/frontier/scorecard.ts). A source that tracks its records answers
 * an entry for EVERY organisation asked about (`[]` when it has none); an organisation absent
 * from the map is "not tracked yet" (null), never zero.
 */
export interface TrackedLaterSources {
  readonly assessments: (db: Executor, developerOrganisationIds: readonly string[]) => Promise<Map<string, ScorecardInputs['assessments']>>;
  readonly findings: (db: Executor, developerOrganisationIds: readonly string[]) => Promise<Map<string, ScorecardInputs['findings']>>;
  readonly incidents: (db: Executor, developerOrganisationIds: readonly string[]) => Promise<Map<string, ScorecardInputs['incidents']>>;
}

const notTracked = async () => new Map<string, null>();
export const NOT_TRACKED_YET: TrackedLaterSources = Object.freeze({ assessments: notTracked, findings: notTracked, incidents: notTracked });

/**
 * The sources the scorecards read: the assessments module's engagements and findings; incidents
 * stay "not tracked yet" until incident reporting exists.
 */
export const SCORECARD_SOURCES: TrackedLaterSources = Object.freeze({
  assessments: assessmentsOfDevelopers,
  findings: findingsOfDeveloperModels,
  incidents: notTracked,
});

/** The deployment's minimum group size for published figures (default 3). */
export async function standardsSettings(db: Executor): Promise<{ minGroupSize: number }> {
  const r = await findStandardsSettings(db);
  return { minGroupSize: r?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE };
}

/** Sets the minimum group size (platform administrators): a whole number from 3 to 100. */
export async function setStandardsSettings(ctx: ServiceContext, p: Principal, input: { minGroupSize: number }): Promise<{ minGroupSize: number }> {
  if (!can(p, 'frontier.configure-standards')) throw new AppError('FORBIDDEN', 'Only platform administrators set the scorecard settings');
  const k = input.minGroupSize;
  if (!Number.isInteger(k) || k < MIN_MIN_GROUP_SIZE || k > MAX_MIN_GROUP_SIZE)
    throw new AppError('VALIDATION', 'The scorecard settings are not valid', [
      { path: '/minGroupSize', message: `must be a whole number from ${MIN_MIN_GROUP_SIZE} to ${MAX_MIN_GROUP_SIZE}` },
    ]);
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await standardsSettings(tx);
    await upsertStandardsSettings(tx, k, ctx.now(), p.userId);
    record({
      action: 'frontier_standards_settings.updated',
      recordType: 'frontier_standards_settings',
      recordId: '1',
      before,
      after: { minGroupSize: k },
      // the minimum group size is published with the aggregates it governs
      marking: publishedMarking(p.organisationId, p.userId),
      data: { minGroupSize: k },
    });
    return { minGroupSize: k };
  });
}

/**
 * The live access window of every designated version, by developer: the portfolio's own rows
 * (`designatedVersionsPage`, read as the system) and the same `windowOfPlan` the portfolio and
 * the plan views compute, under the deployment's policy, as of now. Nothing is recomputed
 * differently: a scorecard's lead time is the plan's lead time.
 */
async function windowsByDeveloper(ctx: ServiceContext): Promise<Map<string, ScorecardWindow[]>> {
  const policy = await accessPolicy(ctx.db);
  const now = ctx.now();
  const rows: PortfolioRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await designatedVersionsPage(ctx.db, SYSTEM, after, PAGE);
    rows.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.versionId;
  }
  const planIds = rows.flatMap((r) => (r.planId ? [r.planId] : []));
  const [intervals, kinds] = await Promise.all([intervalsOf(ctx.db, planIds), accessKindsOfPlans(ctx.db, planIds)]);
  const out = new Map<string, ScorecardWindow[]>();
  for (const r of rows) {
    const w = windowOfPlan(
      policy,
      { plannedTrustedPartnerRelease: r.plannedTrustedPartnerRelease, plannedGeneralRelease: r.plannedGeneralRelease },
      (r.planId && intervals.get(r.planId)) || [],
      now,
    );
    const list = out.get(r.developerOrganisationId) ?? [];
    list.push({
      versionId: r.versionId,
      status: w.status,
      leadTimeDays: w.leadTimeDays,
      effectiveAccessDays: w.effectiveAccessDays,
      accessKinds: (r.planId && kinds.get(r.planId)) || [],
    });
    out.set(r.developerOrganisationId, list);
  }
  return out;
}

/** The AI developers among these organisations. */
async function developersAmong(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return new Set(rows.filter((r) => r.kind === 'ai_developer').map((r) => r.id));
}

/**
 * The scorecard inputs of the developers: the AI-developer organisations with a designated
 * version or an attestation (all of them, or the one asked for). Read as the system: what leaves
 * is the developer's own scorecard or controlled aggregates.
 */
export async function scorecardInputs(ctx: ServiceContext, only?: string, sources: TrackedLaterSources = SCORECARD_SOURCES): Promise<ScorecardInputs[]> {
  const [windows, attesting, catalogue] = await Promise.all([windowsByDeveloper(ctx), attestingOrganisations(ctx.db), currentPracticeCatalogue(ctx.db)]);
  const candidates = only ? [only] : [...new Set([...windows.keys(), ...attesting])];
  const developers = [...(await developersAmong(ctx.db, candidates))].sort();
  const [attestations, assessments, findings, incidents] = await Promise.all([
    attestationsOfOrganisations(ctx.db, developers),
    sources.assessments(ctx.db, developers),
    sources.findings(ctx.db, developers),
    sources.incidents(ctx.db, developers),
  ]);
  const now = ctx.now();
  return developers.map(
    (id): ScorecardInputs => ({
      developerOrganisationId: id,
      practices: catalogue.practices.map((p) => ({ id: p.id })),
      attestations: attestations
        .filter((a) => a.ownerOrganisationId === id)
        .map((a) => ({
          practiceId: a.practiceId,
          status: a.status as AttestationStatus,
          standing: attestationStanding(a.expiresAt, now),
          review: (a.reviewDecision as ReviewDecision | null) ?? null,
        })),
      accessWindows: windows.get(id) ?? [],
      assessments: assessments.get(id) ?? null,
      findings: findings.get(id) ?? null,
      incidents: incidents.get(id) ?? null,
    }),
  );
}

/**
 * A developer's own scorecard: for the developer's organisation and the coordinators; anyone
 * else — and any organisation that is not an AI developer — gets NOT_FOUND.
 */
export async function developerScorecard(ctx: ServiceContext, viewer: Viewer, organisationId: string): Promise<Scorecard & { asOf: string }> {
  if (!canSee(viewer, scorecardMarking(organisationId))) throw notFound('Scorecard');
  const [input] = await scorecardInputs(ctx, organisationId);
  if (!input) throw notFound('Scorecard');
  return { ...computeScorecard(input), asOf: ctx.now().toISOString() };
}

/**
 * The published aggregates (no sign-in): one-way tables across developers with the threshold
 * rule and complementary suppression applied (ADR 0105). Withheld cells show `null` and nothing
 * says why, so a reader cannot tell a small group from its complement.
 */
export async function publishedScorecards(ctx: ServiceContext) {
  const [inputs, settings, catalogue] = await Promise.all([scorecardInputs(ctx), standardsSettings(ctx.db), currentPracticeCatalogue(ctx.db)]);
  const aggregates: ScorecardAggregates = aggregateScorecards(inputs, {
    minGroupSize: settings.minGroupSize,
    practiceIds: catalogue.practices.map((p) => p.id),
    accessKinds: ACCESS_KIND_IDS,
  });
  return {
    asOf: ctx.now().toISOString(),
    catalogueVersion: catalogue.version,
    minGroupSize: aggregates.minGroupSize,
    developers: aggregates.developers,
    tables: aggregates.tables.map((t) => ({
      id: t.id,
      title: t.title,
      tracked: t.tracked,
      cells: t.cells.map((c) => ({
        key: c.key,
        developers: c.count,
        ...(c.meanEffectiveAccessDays !== undefined ? { meanEffectiveAccessDays: c.meanEffectiveAccessDays } : {}),
      })),
    })),
  };
}
export type PublishedScorecards = Awaited<ReturnType<typeof publishedScorecards>>;
