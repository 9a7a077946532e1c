import { AppError, notFound } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import { can } from '../../domain/policy/actions';
import type { Marking } from '../../domain/policy/marking';
import { compileRuleSet } from '../../domain/frontier/rule-engine';
import { type RuleSetDocument, validateRuleSet } from '../../domain/frontier/rule-set';
import { BUILT_IN_RULE_SETS } from '../../domain/frontier/rule-sets/index';
import type { Tx } from '../../store/database';
import { enqueueJobs } from '../../store/jobs';
import { currentRuleSets, findRuleSet, insertRuleSet, insertRuleSetsIfAbsent, listRuleSetVersions, type RuleSetRow } from '../../store/frontier/rule-sets';
import { versionRows } from '../../store/frontier/models';
import { versionsNotEvaluatedWith } from '../../store/frontier/rule-sets';
import { type Actor, actorOf } from '../actor';
import type { ServiceContext } from '../context';
import type { JobHandler } from '../jobs/runner';
import { type Record_, write } from '../unit-of-work';
import { compiledRuleSet, evaluateVersionIn } from './evaluation';
import { ruleParameters } from './rule-settings';
import { publishedMarking } from '../markings';

/** The job that evaluates every model version with a newly added rule-set version (ADR 0085). */
export const REEVALUATE_JOB = 'frontier.re-evaluate';
const BATCH = 50;
const SEEDER: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:frontier-rule-sets' });

export const ruleSetView = (r: RuleSetRow, current: boolean) => {
  const d = r.document as unknown as RuleSetDocument;
  return {
    id: r.id,
    version: r.version,
    title: d.title,
    regime: d.regime,
    status: d.status,
    builtIn: r.builtIn,
    current,
    addedAt: r.addedAt.toISOString(),
    document: r.document,
  };
};
export type RuleSetView = ReturnType<typeof ruleSetView>;

async function recordAdded(ctx: ServiceContext, tx: Tx, record: Record_, rows: readonly RuleSetRow[], marking: Marking): Promise<void> {
  const now = ctx.now();
  for (const r of rows) {
    record({
      action: 'frontier_rule_set.added',
      recordType: 'frontier_rule_set',
      recordId: `${r.id}@${r.version}`,
      before: null,
      after: ruleSetView(r, true),
      marking,
      data: { id: r.id, version: r.version, builtIn: r.builtIn },
    });
  }
  await enqueueJobs(
    tx,
    rows.map((r) => ({ id: ctx.newId(), kind: REEVALUATE_JOB, payload: { ruleSetId: r.id, version: r.version }, runAt: now, maxAttempts: 10 })),
    now,
  );
}

/**
 * Stores the rule sets that ship with this build and are not stored yet (idempotent: the
 * runtime calls it at every start, on every node). A shipped version new to this database is
 * added like an administrator's, and every model version is evaluated with it (a job).
 */
export async function seedBuiltInRuleSets(ctx: ServiceContext): Promise<number> {
  return write(ctx, SEEDER, async (tx, record) => {
    const now = ctx.now();
    const inserted = await insertRuleSetsIfAbsent(
      tx,
      BUILT_IN_RULE_SETS.map((d) => ({
        id: d.id,
        version: d.version,
        document: d as unknown as Record<string, unknown>,
        builtIn: true,
        addedAt: now,
        addedBy: null,
      })),
    );
    await recordAdded(ctx, tx, record, inserted, publishedMarking(null, null));
    return inserted.length;
  });
}

/**
 * Adds a rule set, or a new version of one, as a JSON document (platform administrators):
 * checked by the engine's validator (every bad field named), compiled with the authority's
 * parameters, stored, and every model version is then evaluated with it by a job — the
 * results are new history; earlier results keep the version they were computed with.
 */
export async function addRuleSetVersion(ctx: ServiceContext, p: Principal, document: unknown): Promise<RuleSetView> {
  if (!can(p, 'platform.administer')) throw new AppError('FORBIDDEN', 'Only platform administrators add rule sets');
  const parsed = validateRuleSet(document);
  if (!parsed.ok) throw new AppError('VALIDATION', 'The rule set is not valid', parsed.problems);
  const doc = parsed.ruleSet;
  return write(ctx, actorOf(p), async (tx, record) => {
    compileRuleSet(doc, (await ruleParameters(tx))[doc.id] ?? {});
    if (await findRuleSet(tx, doc.id, doc.version)) {
      throw new AppError('CONFLICT', `Rule set ${doc.id} already has version ${doc.version}`, [
        { path: '/version', message: 'this version exists; add a new one' },
      ]);
    }
    const row = await insertRuleSet(tx, {
      id: doc.id,
      version: doc.version,
      document: doc as unknown as Record<string, unknown>,
      builtIn: false,
      addedAt: ctx.now(),
      addedBy: p.userId,
    });
    await recordAdded(ctx, tx, record, [row], publishedMarking(p.organisationId, p.userId));
    return ruleSetView(row, true);
  });
}

/** Every stored version of every rule set (public data), the current one of each marked. */
export async function listRuleSets(ctx: ServiceContext): Promise<RuleSetView[]> {
  const current = new Set((await currentRuleSets(ctx.db)).map((r) => `${r.id}@${r.version}`));
  return (await listRuleSetVersions(ctx.db)).map((r) => ruleSetView(r, current.has(`${r.id}@${r.version}`)));
}

/** The versions of one rule set, newest first (NOT_FOUND for an unknown id). */
export async function ruleSetVersions(ctx: ServiceContext, id: string): Promise<RuleSetView[]> {
  const rows = await listRuleSetVersions(ctx.db, id);
  if (rows.length === 0) throw notFound('Rule set');
  return rows.map((r, i) => ruleSetView(r, i === 0));
}

/**
 * Evaluates, batch by batch (one transaction each), every model version not yet evaluated with
 * this rule-set version. Nothing is done twice after a retry, and a version already superseded
 * by a newer one of the same rule set is left to that one's job.
 */
export const reEvaluateJob: JobHandler = async (ctx, payload) => {
  const ruleSetId = String(payload.ruleSetId);
  const version = String(payload.version);
  const current = (await currentRuleSets(ctx.db)).find((r) => r.id === ruleSetId);
  if (!current || current.version !== version) return { status: 'done' };
  const compiled = await compiledRuleSet(ctx.db, ruleSetId, version);
  if (!compiled) return { status: 'done' };
  for (;;) {
    const ids = await versionsNotEvaluatedWith(ctx.db, ruleSetId, version, BATCH);
    if (ids.length === 0) return { status: 'done' };
    await write(ctx, SEEDER, async (tx, record) => {
      for (const v of await versionRows(tx, ids)) await evaluateVersionIn(ctx, tx, record, v, 'rule_set_version', [compiled]);
    });
  }
};
