import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { frontierEvaluations, frontierRuleSets, frontierRuleSettings } from '../schema/index';
import { visibleTo } from '../visibility';

export type RuleSetRow = typeof frontierRuleSets.$inferSelect;
export type EvaluationRow = typeof frontierEvaluations.$inferSelect;
export type RuleSettingsRow = typeof frontierRuleSettings.$inferSelect;

/** Inserts the rule sets not stored yet (by id and version); answers the ones it inserted. */
export async function insertRuleSetsIfAbsent(db: Executor, rows: (typeof frontierRuleSets.$inferInsert)[]): Promise<RuleSetRow[]> {
  if (rows.length === 0) return [];
  return db.insert(frontierRuleSets).values(rows).onConflictDoNothing().returning();
}

/** Inserts one rule-set version; an existing id and version is a unique violation (→ 409). */
export async function insertRuleSet(db: Executor, row: typeof frontierRuleSets.$inferInsert): Promise<RuleSetRow> {
  const [r] = await db.insert(frontierRuleSets).values(row).returning();
  return r!;
}

/** Every stored version of every rule set: by id, newest version first. */
export async function listRuleSetVersions(db: Executor, id?: string): Promise<RuleSetRow[]> {
  return db
    .select()
    .from(frontierRuleSets)
    .where(id ? eq(frontierRuleSets.id, id) : undefined)
    .orderBy(asc(frontierRuleSets.id), desc(frontierRuleSets.addedAt), desc(frontierRuleSets.version));
}

/** The current version of every rule set: the one added last. */
export async function currentRuleSets(db: Executor): Promise<RuleSetRow[]> {
  return db
    .selectDistinctOn([frontierRuleSets.id])
    .from(frontierRuleSets)
    .orderBy(asc(frontierRuleSets.id), desc(frontierRuleSets.addedAt), desc(frontierRuleSets.version));
}

export async function findRuleSet(db: Executor, id: string, version: string): Promise<RuleSetRow | null> {
  const [r] = await db
    .select()
    .from(frontierRuleSets)
    .where(and(eq(frontierRuleSets.id, id), eq(frontierRuleSets.version, version)));
  return r ?? null;
}

export async function findRuleSettings(db: Executor): Promise<RuleSettingsRow | null> {
  const [r] = await db.select().from(frontierRuleSettings).where(eq(frontierRuleSettings.id, 1));
  return r ?? null;
}

export async function upsertRuleSettings(db: Executor, proxyCyberThreshold: number, now: Date, by: string | null): Promise<RuleSettingsRow> {
  const [r] = await db
    .insert(frontierRuleSettings)
    .values({ id: 1, proxyCyberThreshold, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: frontierRuleSettings.id, set: { proxyCyberThreshold, updatedAt: now, updatedBy: by } })
    .returning();
  return r!;
}

export async function insertEvaluations(db: Executor, rows: (typeof frontierEvaluations.$inferInsert)[]): Promise<EvaluationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(frontierEvaluations).values(rows).returning();
}

/** Every evaluation of a version the viewer may see, newest first. */
export async function listVisibleEvaluations(db: Executor, viewer: Viewer, versionId: string): Promise<EvaluationRow[]> {
  return db
    .select()
    .from(frontierEvaluations)
    .where(and(eq(frontierEvaluations.versionId, versionId), visibleTo(viewer, frontierEvaluations)))
    .orderBy(desc(frontierEvaluations.evaluatedAt), desc(frontierEvaluations.id));
}

/**
 * The newest evaluation per rule set of each of these versions among those the viewer may see
 * (what `listVisibleEvaluations` answers first per rule set), one query for a page of versions.
 */
export async function latestVisibleEvaluationsOf(db: Executor, viewer: Viewer, versionIds: readonly string[]): Promise<EvaluationRow[]> {
  if (versionIds.length === 0) return [];
  const e = frontierEvaluations;
  return db
    .selectDistinctOn([e.versionId, e.ruleSetId])
    .from(e)
    .where(and(inArray(e.versionId, [...versionIds]), visibleTo(viewer, e)))
    .orderBy(asc(e.versionId), asc(e.ruleSetId), desc(e.evaluatedAt), desc(e.id));
}

/** The newest evaluation per rule set of a version (whoever may see it: for the review triggers). */
export async function latestEvaluationsOf(db: Executor, versionId: string): Promise<EvaluationRow[]> {
  return db
    .selectDistinctOn([frontierEvaluations.ruleSetId])
    .from(frontierEvaluations)
    .where(eq(frontierEvaluations.versionId, versionId))
    .orderBy(asc(frontierEvaluations.ruleSetId), desc(frontierEvaluations.evaluatedAt), desc(frontierEvaluations.id));
}

/** Up to `limit` versions not yet evaluated with this rule-set version, by id (the re-evaluation job's next batch). */
export async function versionsNotEvaluatedWith(db: Executor, ruleSetId: string, ruleSetVersion: string, limit: number): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select v.id::text as id from frontier_model_versions v
    where not exists (
      select 1 from ${frontierEvaluations} e
      where e.version_id = v.id and e.rule_set_id = ${ruleSetId} and e.rule_set_version = ${ruleSetVersion})
    order by v.id limit ${limit}`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}
