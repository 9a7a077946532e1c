import { stateDigest } from '../../domain/audit/canonical';
import { AppError, notFound } from '../../domain/errors';
import { type Principal, viewerOf } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { EvaluationTrigger } from '../../domain/frontier/registry-checks';
import { type CompiledRuleSet, compileRuleSet, evaluateFactSet } from '../../domain/frontier/rule-engine';
import { BUILT_IN_RULE_SET_IDS } from '../../domain/frontier/rule-sets/index';
import { type NotificationClock, notificationClock } from '../../domain/frontier/notification-clock';
import { currentFacts } from '../../domain/frontier/registry-checks';
import { validateRuleSet } from '../../domain/frontier/rule-set';
import { listVisibleFacts } from '../../store/frontier/records';
import { SYSTEM, type Viewer } from '../../domain/policy/viewer';
import type { Executor, Tx } from '../../store/database';
import {
  currentRuleSets,
  type EvaluationRow,
  findRuleSet,
  insertEvaluations,
  latestEvaluationsOf,
  latestVisibleEvaluationsOf,
  listVisibleEvaluations,
  type RuleSetRow,
} from '../../store/frontier/rule-sets';
import { findVisibleVersion, findVisibleVersions, type FrontierVersionRow } from '../../store/frontier/versions';
import { markingOf, markingRow } from '../../store/visibility';
import { lockVisibleVersion } from '../../store/frontier/models';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';
import { type Record_, write } from '../unit-of-work';
import { factSetOfVersion } from './facts';
import { considerReviewIn } from './review-triggers';
import { ruleParameters } from './rule-settings';

/** The API shape of one rule set's result for a version. */
export const evaluationView = (e: EvaluationRow) => ({
  id: e.id,
  versionId: e.versionId,
  ruleSet: e.ruleSetId,
  ruleSetVersion: e.ruleSetVersion,
  outcome: e.outcome as 'covered' | 'not_covered' | 'insufficient_evidence',
  reasons: [...e.reasons],
  factsDigest: e.factsDigest,
  trigger: e.trigger as EvaluationTrigger,
  evaluatedAt: e.evaluatedAt.toISOString(),
});
export type EvaluationView = ReturnType<typeof evaluationView>;

/** Compiles stored rule-set versions with the authority's parameters (the proxy's threshold). */
export async function compileStored(db: Executor, rows: readonly RuleSetRow[]): Promise<CompiledRuleSet[]> {
  const parameters = await ruleParameters(db);
  return rows.map((r) => compileRuleSet(r.document, parameters[r.id] ?? {}));
}

/** The current version of every stored rule set, compiled: shipped ones first in their order, then the others by id. */
export async function currentCompiledRuleSets(db: Executor): Promise<CompiledRuleSet[]> {
  const rank = (id: string) => {
    const i = BUILT_IN_RULE_SET_IDS.indexOf(id);
    return i < 0 ? BUILT_IN_RULE_SET_IDS.length : i;
  };
  const rows = [...(await currentRuleSets(db))].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : 1));
  return compileStored(db, rows);
}

/**
 * Evaluates a version's current facts (as the system reads them) against rule sets — the
 * current version of each unless `only` is given — inside the caller's transaction, and
 * appends one result per rule set, marked like the version. A result that newly says
 * `covered` under an in-force rule set or the proxy asks the designation side to consider a
 * review (same transaction; FRONTIER.md contract).
 */
export async function evaluateVersionIn(
  ctx: ServiceContext,
  tx: Tx,
  record: Record_,
  version: FrontierVersionRow,
  trigger: EvaluationTrigger,
  only?: readonly CompiledRuleSet[],
): Promise<EvaluationRow[]> {
  const compiled = only ?? (await currentCompiledRuleSets(tx));
  if (compiled.length === 0) return [];
  const facts = await factSetOfVersion(tx, SYSTEM, version.id);
  const digest = stateDigest(facts) ?? '';
  const before = new Map((await latestEvaluationsOf(tx, version.id)).map((e) => [e.ruleSetId, e.outcome]));
  const results = evaluateFactSet(facts, compiled);
  const marking = markingOf(version);
  const now = ctx.now();
  const rows = await insertEvaluations(
    tx,
    results.map((r) => ({
      id: ctx.newId(),
      versionId: version.id,
      ruleSetId: r.ruleSet,
      ruleSetVersion: r.version,
      outcome: r.outcome,
      reasons: r.reasons,
      factsDigest: digest,
      trigger,
      ...markingRow(marking),
      evaluatedAt: now,
    })),
  );
  for (const e of rows) {
    record({
      action: 'frontier_evaluation.recorded',
      recordType: 'frontier_evaluation',
      recordId: e.id,
      before: null,
      after: evaluationView(e),
      marking,
      data: { id: e.id, versionId: e.versionId, ruleSet: e.ruleSetId, ruleSetVersion: e.ruleSetVersion, outcome: e.outcome, trigger },
    });
  }
  const proposing = compiled.filter((c, i) => results[i]!.outcome === 'covered' && proposesReview(c) && before.get(c.id) !== 'covered');
  if (proposing.length) await considerReviewIn(ctx, tx, version.id, 'rule_result', proposing.map((c) => `${c.id}@${c.version}`).join(','));
  return rows;
}

export const PROXY_RULE_SET = 'us-eo14409-proxy';

/** In-force law, or the order's transparent proxy, proposes a review; a revoked or proposed rule set does not. */
export const proposesReview = (c: CompiledRuleSet): boolean => c.document.status === 'in_force' || c.id === PROXY_RULE_SET;

/** What every rule set says about a version: the newest result per rule set, and every result (newest first). */
export interface VersionEvaluation {
  readonly versionId: string;
  /** The newest result per rule set, with its notification clock when it says `covered` and the rule set has one. */
  readonly latest: (EvaluationView & { readonly clock: NotificationClock | null })[];
  readonly history: EvaluationView[];
}

/**
 * The newest result per rule set of a version the viewer may see, with the whole history
 * (NOT_FOUND when the version is not visible). Takes a database or a transaction, so the
 * designation side can read it inside its own use case.
 */
export async function latestEvaluation(db: Executor | ServiceContext, viewer: Viewer, versionId: string): Promise<VersionEvaluation> {
  const exec = 'db' in db && 'now' in db ? db.db : (db as Executor);
  if (!(await findVisibleVersion(exec, viewer, versionId))) throw notFound('Version');
  const history = (await listVisibleEvaluations(exec, viewer, versionId)).map(evaluationView);
  const seen = new Set<string>();
  const latest: EvaluationView[] = [];
  for (const e of history) {
    if (seen.has(e.ruleSet)) continue;
    seen.add(e.ruleSet);
    latest.push(e);
  }
  const rank = (id: string) => {
    const i = BUILT_IN_RULE_SET_IDS.indexOf(id);
    return i < 0 ? BUILT_IN_RULE_SET_IDS.length : i;
  };
  latest.sort((a, b) => rank(a.ruleSet) - rank(b.ruleSet) || (a.ruleSet < b.ruleSet ? -1 : 1));
  return { versionId, latest: await withClocks(exec, viewer, versionId, latest), history };
}

/**
 * The notification clock of each covered result whose rule set has one (EU AI Act Art. 52(1)),
 * from the version's current facts: information, never a gate (docs/frontier.md, "Notification clock").
 */
async function withClocks(db: Executor, viewer: Viewer, versionId: string, latest: readonly EvaluationView[]) {
  const covered = latest.filter((e) => e.outcome === 'covered');
  const facts = covered.length ? currentFacts(await listVisibleFacts(db, viewer, versionId)) : [];
  const parameters = covered.length ? await ruleParameters(db) : {};
  const out: (EvaluationView & { clock: NotificationClock | null })[] = [];
  for (const e of latest) {
    const row = e.outcome === 'covered' ? await findRuleSet(db, e.ruleSet, e.ruleSetVersion) : null;
    const parsed = row ? validateRuleSet(row.document) : null;
    const params = new Map<string, number | boolean>();
    for (const [k, v] of Object.entries(parameters[e.ruleSet] ?? {})) if (typeof v === 'number' || typeof v === 'boolean') params.set(k, v);
    out.push({ ...e, clock: parsed?.ok ? notificationClock(parsed.ruleSet, e.outcome, facts, params) : null });
  }
  return out;
}

/**
 * `latestEvaluation(…).latest` for a page of versions at once (three queries, not three per
 * version): null for a version the viewer may not see.
 */
export async function latestEvaluationsFor(db: Executor, viewer: Viewer, versionIds: readonly string[]): Promise<Map<string, EvaluationView[] | null>> {
  const ids = [...new Set(versionIds)];
  const [visible, rows] = await Promise.all([findVisibleVersions(db, viewer, ids), latestVisibleEvaluationsOf(db, viewer, ids)]);
  const rank = (id: string) => {
    const i = BUILT_IN_RULE_SET_IDS.indexOf(id);
    return i < 0 ? BUILT_IN_RULE_SET_IDS.length : i;
  };
  const out = new Map<string, EvaluationView[] | null>();
  for (const id of ids) out.set(id, visible.has(id) ? [] : null);
  for (const r of rows) out.get(r.versionId)?.push(evaluationView(r));
  for (const list of out.values()) list?.sort((a, b) => rank(a.ruleSet) - rank(b.ruleSet) || (a.ruleSet < b.ruleSet ? -1 : 1));
  return out;
}

/** One stored rule-set version, compiled (for the re-evaluation job). */
export async function compiledRuleSet(db: Executor, id: string, version: string): Promise<CompiledRuleSet | null> {
  const row = await findRuleSet(db, id, version);
  return row ? ((await compileStored(db, [row]))[0] ?? null) : null;
}

/**
 * Evaluates a version again now (trigger `manual`): a writer of its developer, or a platform
 * administrator (after changing the proxy's threshold, say). Answers the evaluation as the caller sees it.
 */
export async function evaluateVersionNow(ctx: ServiceContext, p: Principal, versionId: string): Promise<VersionEvaluation> {
  await write(ctx, actorOf(p), async (tx, record) => {
    const found = await lockVisibleVersion(tx, viewerOf(p), versionId);
    if (!found) throw notFound('Version');
    if (!can(p, 'organisation.speak-for', { organisationId: found.model.ownerOrganisationId }) && !can(p, 'platform.administer')) {
      throw new AppError('FORBIDDEN', "Only a writer of the model's developer or a platform administrator asks for an evaluation");
    }
    await evaluateVersionIn(ctx, tx, record, found.version, 'manual');
  });
  return latestEvaluation(ctx.db, viewerOf(p), versionId);
}
