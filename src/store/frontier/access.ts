import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import {
  frontierAccessAcknowledgements,
  frontierAccessGrants,
  frontierAccessOutages,
  frontierAccessPlans,
  frontierAccessReminders,
  frontierAccessSessions,
  frontierAccessSettings,
  frontierAccessTerms,
  frontierPartnerNominations,
} from '../schema/index';
import { visibleTo } from '../visibility';
import { refreshScheduledAccess } from './scheduled-access';

export type PlanRow = typeof frontierAccessPlans.$inferSelect;
export type GrantRow = typeof frontierAccessGrants.$inferSelect;
export type OutageRow = typeof frontierAccessOutages.$inferSelect;
export type TermsRow = typeof frontierAccessTerms.$inferSelect;
export type AcknowledgementRow = typeof frontierAccessAcknowledgements.$inferSelect;
export type SessionRow = typeof frontierAccessSessions.$inferSelect;
export type NominationRow = typeof frontierPartnerNominations.$inferSelect;
export type ReminderRow = typeof frontierAccessReminders.$inferSelect;

// Settings

export async function findAccessSettings(db: Executor): Promise<unknown | null> {
  const [r] = await db.select().from(frontierAccessSettings).where(eq(frontierAccessSettings.id, 1));
  return r?.policy ?? null;
}

export async function upsertAccessSettings(db: Executor, policy: unknown, now: Date, by: string): Promise<void> {
  await db
    .insert(frontierAccessSettings)
    .values({ id: 1, policy, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: frontierAccessSettings.id, set: { policy, updatedAt: now, updatedBy: by } });
}

// Plans

export async function insertPlan(db: Executor, row: typeof frontierAccessPlans.$inferInsert): Promise<PlanRow> {
  const [r] = await db.insert(frontierAccessPlans).values(row).returning();
  return r!;
}

/** A plan the viewer may see, or null (an invisible plan and a missing one look the same); `lock` for an update. */
export async function findVisiblePlan(db: Executor, viewer: Viewer, id: string, lock = false): Promise<PlanRow | null> {
  const q = db
    .select()
    .from(frontierAccessPlans)
    .where(and(eq(frontierAccessPlans.id, id), visibleTo(viewer, frontierAccessPlans)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function findPlanOfVersion(db: Executor, versionId: string): Promise<PlanRow | null> {
  const [r] = await db.select().from(frontierAccessPlans).where(eq(frontierAccessPlans.versionId, versionId));
  return r ?? null;
}

export async function updatePlan(db: Executor, id: string, set: Partial<typeof frontierAccessPlans.$inferInsert>): Promise<PlanRow> {
  const [r] = await db.update(frontierAccessPlans).set(set).where(eq(frontierAccessPlans.id, id)).returning();
  return r!;
}

export async function listVisiblePlans(
  db: Executor,
  viewer: Viewer,
  limit: number,
  offset: number,
  versionId?: string,
): Promise<{ items: PlanRow[]; total: number }> {
  const where = and(visibleTo(viewer, frontierAccessPlans), versionId ? eq(frontierAccessPlans.versionId, versionId) : undefined);
  const [items, [c]] = await Promise.all([
    db.select().from(frontierAccessPlans).where(where).orderBy(desc(frontierAccessPlans.createdAt), desc(frontierAccessPlans.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(frontierAccessPlans).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

// Grants and outages

export async function insertGrant(db: Executor, row: typeof frontierAccessGrants.$inferInsert): Promise<GrantRow> {
  const [r] = await db.insert(frontierAccessGrants).values(row).returning();
  await refreshScheduledAccess(db, [r!.planId]);
  return r!;
}

export async function updateGrant(db: Executor, id: string, set: Partial<typeof frontierAccessGrants.$inferInsert>): Promise<GrantRow> {
  const [r] = await db.update(frontierAccessGrants).set(set).where(eq(frontierAccessGrants.id, id)).returning();
  await refreshScheduledAccess(db, [r!.planId]);
  return r!;
}

/** A grant of a plan the viewer may see, or null; `lock` for an update. */
export async function findVisibleGrant(db: Executor, viewer: Viewer, planId: string, grantId: string, lock = false): Promise<GrantRow | null> {
  const q = db
    .select()
    .from(frontierAccessGrants)
    .where(and(eq(frontierAccessGrants.id, grantId), eq(frontierAccessGrants.planId, planId), visibleTo(viewer, frontierAccessGrants)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

/** The grants of these plans the viewer may see, oldest start first. */
export async function visibleGrantsOf(db: Executor, viewer: Viewer, planIds: readonly string[]): Promise<GrantRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(frontierAccessGrants)
    .where(and(inArray(frontierAccessGrants.planId, [...planIds]), visibleTo(viewer, frontierAccessGrants)))
    .orderBy(asc(frontierAccessGrants.startsAt), asc(frontierAccessGrants.id));
}

/** A plan's grants as the window reads them: `[startMs, endMs, testedCheckpoint, releasedCheckpoint, grantId]`, earliest start first. */
export type GrantIntervalTuple = [number, number, string | null, string | null, string];
/** A plan's outages: `[grantId, startMs, endMs]`. */
export type OutageIntervalTuple = [string, number, number];

const epochMs = (c: typeof frontierAccessGrants.startsAt | typeof frontierAccessOutages.startsAt) => sql`(extract(epoch from ${c}) * 1000)::float8`;

/**
 * Every grant interval of these plans, one row per plan with its grants as a JSON array of
 * numbers (one query for a page of plans, not one per plan; no timestamp is parsed row by row,
 * which is where the time went at 100,000 grants). Only intervals and checkpoints leave here.
 */
export async function grantIntervalsOf(db: Executor, planIds: readonly string[]): Promise<Map<string, GrantIntervalTuple[]>> {
  const out = new Map<string, GrantIntervalTuple[]>();
  if (planIds.length === 0) return out;
  const g = frontierAccessGrants;
  const rows = await db
    .select({
      planId: g.planId,
      grants: sql<
        GrantIntervalTuple[]
      >`json_agg(json_build_array(${epochMs(g.startsAt)}, ${epochMs(g.endsAt)}, ${g.testedCheckpoint}, ${g.releasedCheckpoint}, ${g.id}) order by ${g.startsAt}, ${g.id})`,
    })
    .from(g)
    .where(inArray(g.planId, [...planIds]))
    .groupBy(g.planId);
  for (const r of rows) out.set(r.planId, typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants);
  return out;
}

/** Every outage interval of these plans, grouped by plan as `grantIntervalsOf` does. */
export async function outageIntervalsOf(db: Executor, planIds: readonly string[]): Promise<Map<string, OutageIntervalTuple[]>> {
  const out = new Map<string, OutageIntervalTuple[]>();
  if (planIds.length === 0) return out;
  const o = frontierAccessOutages;
  const rows = await db
    .select({ planId: o.planId, outages: sql<OutageIntervalTuple[]>`json_agg(json_build_array(${o.grantId}, ${epochMs(o.startsAt)}, ${epochMs(o.endsAt)}))` })
    .from(o)
    .where(inArray(o.planId, [...planIds]))
    .groupBy(o.planId);
  for (const r of rows) out.set(r.planId, typeof r.outages === 'string' ? JSON.parse(r.outages) : r.outages);
  return out;
}

export async function insertOutage(db: Executor, row: typeof frontierAccessOutages.$inferInsert): Promise<OutageRow> {
  const [r] = await db.insert(frontierAccessOutages).values(row).returning();
  await refreshScheduledAccess(db, [r!.planId]);
  return r!;
}

export async function outagesOfGrants(db: Executor, grantIds: readonly string[]): Promise<OutageRow[]> {
  if (grantIds.length === 0) return [];
  return db
    .select()
    .from(frontierAccessOutages)
    .where(inArray(frontierAccessOutages.grantId, [...grantIds]))
    .orderBy(asc(frontierAccessOutages.startsAt));
}

// Terms and acknowledgements

export async function insertTerms(db: Executor, row: typeof frontierAccessTerms.$inferInsert): Promise<TermsRow> {
  const [r] = await db.insert(frontierAccessTerms).values(row).returning();
  return r!;
}

/** The current terms of each grant (its highest version). */
export async function currentTermsOf(db: Executor, grantIds: readonly string[]): Promise<Map<string, TermsRow>> {
  const out = new Map<string, TermsRow>();
  if (grantIds.length === 0) return out;
  const rows = await db
    .select()
    .from(frontierAccessTerms)
    .where(inArray(frontierAccessTerms.grantId, [...grantIds]))
    .orderBy(asc(frontierAccessTerms.termsVersion));
  for (const r of rows) out.set(r.grantId, r);
  return out;
}

export async function insertAcknowledgement(db: Executor, row: typeof frontierAccessAcknowledgements.$inferInsert): Promise<AcknowledgementRow | null> {
  const [r] = await db.insert(frontierAccessAcknowledgements).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function acknowledgementsOf(db: Executor, grantIds: readonly string[]): Promise<AcknowledgementRow[]> {
  if (grantIds.length === 0) return [];
  return db
    .select()
    .from(frontierAccessAcknowledgements)
    .where(inArray(frontierAccessAcknowledgements.grantId, [...grantIds]))
    .orderBy(asc(frontierAccessAcknowledgements.acknowledgedAt));
}

// Access log

export async function insertSessions(db: Executor, rows: (typeof frontierAccessSessions.$inferInsert)[]): Promise<SessionRow[]> {
  if (rows.length === 0) return [];
  return db.insert(frontierAccessSessions).values(rows).returning();
}

export async function listVisibleSessions(
  db: Executor,
  viewer: Viewer,
  grantId: string,
  limit: number,
  offset: number,
): Promise<{ items: SessionRow[]; total: number }> {
  const where = and(eq(frontierAccessSessions.grantId, grantId), visibleTo(viewer, frontierAccessSessions));
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(frontierAccessSessions)
      .where(where)
      .orderBy(asc(frontierAccessSessions.startedAt), asc(frontierAccessSessions.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(frontierAccessSessions).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

// Trusted-partner nominations

export async function insertNomination(db: Executor, row: typeof frontierPartnerNominations.$inferInsert): Promise<NominationRow> {
  const [r] = await db.insert(frontierPartnerNominations).values(row).returning();
  return r!;
}

export async function findVisibleNomination(db: Executor, viewer: Viewer, id: string, lock = false): Promise<NominationRow | null> {
  const q = db
    .select()
    .from(frontierPartnerNominations)
    .where(and(eq(frontierPartnerNominations.id, id), visibleTo(viewer, frontierPartnerNominations)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function findNominationOf(db: Executor, planId: string, partnerOrganisationId: string): Promise<NominationRow | null> {
  const [r] = await db
    .select()
    .from(frontierPartnerNominations)
    .where(and(eq(frontierPartnerNominations.planId, planId), eq(frontierPartnerNominations.partnerOrganisationId, partnerOrganisationId)));
  return r ?? null;
}

export async function updateNomination(db: Executor, id: string, set: Partial<typeof frontierPartnerNominations.$inferInsert>): Promise<NominationRow> {
  const [r] = await db.update(frontierPartnerNominations).set(set).where(eq(frontierPartnerNominations.id, id)).returning();
  return r!;
}

export async function listVisibleNominations(
  db: Executor,
  viewer: Viewer,
  f: { planId?: string | undefined; state?: string | undefined; limit: number; offset: number },
): Promise<{ items: NominationRow[]; total: number }> {
  const where = and(
    visibleTo(viewer, frontierPartnerNominations),
    f.planId ? eq(frontierPartnerNominations.planId, f.planId) : undefined,
    f.state ? eq(frontierPartnerNominations.state, f.state) : undefined,
  );
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(frontierPartnerNominations)
      .where(where)
      .orderBy(desc(frontierPartnerNominations.createdAt), desc(frontierPartnerNominations.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(frontierPartnerNominations).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}

// Reminders

/** Records a reminder as sent; null when it was already (a concurrent sweep, or a rerun). */
export async function insertReminder(db: Executor, row: typeof frontierAccessReminders.$inferInsert): Promise<ReminderRow | null> {
  const [r] = await db.insert(frontierAccessReminders).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function remindersOf(db: Executor, planIds: readonly string[]): Promise<ReminderRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(frontierAccessReminders)
    .where(inArray(frontierAccessReminders.planId, [...planIds]));
}

/** Reminders the viewer may see (their inbox of access reminders), newest first. */
export async function listVisibleReminders(db: Executor, viewer: Viewer, limit: number, offset: number): Promise<{ items: ReminderRow[]; total: number }> {
  const where = visibleTo(viewer, frontierAccessReminders);
  const [items, [c]] = await Promise.all([
    db
      .select()
      .from(frontierAccessReminders)
      .where(where)
      .orderBy(desc(frontierAccessReminders.sentAt), desc(frontierAccessReminders.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(frontierAccessReminders).where(where),
  ]);
  return { items, total: c?.n ?? 0 };
}
