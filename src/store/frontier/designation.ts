import { and, asc, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import {
  frontierCoverageInquiries,
  frontierDesignationReviews,
  frontierDesignations,
  frontierDesignationSettings,
  frontierModelVersions,
  frontierReviewHistory,
} from '../schema/index';
import { visibleTo } from '../visibility';
import { containsPattern } from '../like';

export type InquiryRow = typeof frontierCoverageInquiries.$inferSelect;
export type ReviewRow = typeof frontierDesignationReviews.$inferSelect;
export type ReviewHistoryRow = typeof frontierReviewHistory.$inferSelect;
export type DesignationRow = typeof frontierDesignations.$inferSelect;
export type DesignationSettingsRow = typeof frontierDesignationSettings.$inferSelect;

/** Escapes LIKE wildcards so a search matches the text as typed. */

// --- inquiries -----------------------------------------------------------------------------

/** An inquiry the viewer may see (locked when `lock`), or null: an invisible one and a missing one look the same. */
export async function findVisibleInquiry(db: Executor, viewer: Viewer, id: string, lock = false): Promise<InquiryRow | null> {
  const q = db
    .select()
    .from(frontierCoverageInquiries)
    .where(and(eq(frontierCoverageInquiries.id, id), visibleTo(viewer, frontierCoverageInquiries)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export interface InquiryFilter {
  readonly state?: string | undefined;
  readonly versionId?: string | undefined;
}

/** The inquiries the viewer may see, newest first, with their count (one filter for both). */
export async function listVisibleInquiries(db: Executor, viewer: Viewer, f: InquiryFilter, limit: number, offset: number) {
  const t = frontierCoverageInquiries;
  const where = and(visibleTo(viewer, t), f.state ? eq(t.state, f.state) : undefined, f.versionId ? eq(t.versionId, f.versionId) : undefined);
  const [items, [total]] = await Promise.all([
    db.select().from(t).where(where).orderBy(desc(t.createdAt), desc(t.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** The open inquiries about a version (system work inside a decision's transaction), locked. */
export async function lockOpenInquiriesOf(db: Executor, versionId: string): Promise<InquiryRow[]> {
  return db
    .select()
    .from(frontierCoverageInquiries)
    .where(and(eq(frontierCoverageInquiries.versionId, versionId), eq(frontierCoverageInquiries.state, 'open')))
    .orderBy(asc(frontierCoverageInquiries.createdAt))
    .for('update');
}

export async function insertInquiry(db: Executor, row: typeof frontierCoverageInquiries.$inferInsert): Promise<InquiryRow> {
  const [r] = await db.insert(frontierCoverageInquiries).values(row).returning();
  return r!;
}

export async function updateInquiry(db: Executor, id: string, set: Partial<typeof frontierCoverageInquiries.$inferInsert>): Promise<InquiryRow> {
  const [r] = await db.update(frontierCoverageInquiries).set(set).where(eq(frontierCoverageInquiries.id, id)).returning();
  return r!;
}

// --- reviews -------------------------------------------------------------------------------

/** A review the viewer may see (locked when `lock`), or null. */
export async function findVisibleReview(db: Executor, viewer: Viewer, id: string, lock = false): Promise<ReviewRow | null> {
  const q = db
    .select()
    .from(frontierDesignationReviews)
    .where(and(eq(frontierDesignationReviews.id, id), visibleTo(viewer, frontierDesignationReviews)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

/** Every review of a version, newest first, locked (system work: the worker and an inquiry's routing decide what to open). */
export async function lockReviewsOfVersion(db: Executor, versionId: string): Promise<ReviewRow[]> {
  return db
    .select()
    .from(frontierDesignationReviews)
    .where(eq(frontierDesignationReviews.versionId, versionId))
    .orderBy(desc(frontierDesignationReviews.createdAt), desc(frontierDesignationReviews.id))
    .for('update');
}

export interface ReviewFilter {
  readonly state?: string | undefined;
  readonly versionId?: string | undefined;
  readonly trigger?: string | undefined;
  /** Words in the trigger's detail (a rule-set id, a hash…). */
  readonly q?: string | undefined;
}

/** The reviews the viewer may see, most recently changed first, with their count (one filter for both). */
export async function listVisibleReviews(db: Executor, viewer: Viewer, f: ReviewFilter, limit: number, offset: number) {
  const t = frontierDesignationReviews;
  const conds: (SQL | undefined)[] = [
    visibleTo(viewer, t),
    f.state ? eq(t.state, f.state) : undefined,
    f.versionId ? eq(t.versionId, f.versionId) : undefined,
    f.trigger ? eq(t.trigger, f.trigger) : undefined,
    f.q ? ilike(t.detail, containsPattern(f.q)) : undefined,
  ];
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db.select().from(t).where(where).orderBy(desc(t.updatedAt), desc(t.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function insertReview(db: Executor, row: typeof frontierDesignationReviews.$inferInsert): Promise<ReviewRow> {
  const [r] = await db.insert(frontierDesignationReviews).values(row).returning();
  return r!;
}

export async function updateReview(db: Executor, id: string, set: Partial<typeof frontierDesignationReviews.$inferInsert>): Promise<ReviewRow> {
  const [r] = await db.update(frontierDesignationReviews).set(set).where(eq(frontierDesignationReviews.id, id)).returning();
  return r!;
}

export async function insertReviewHistory(db: Executor, row: typeof frontierReviewHistory.$inferInsert): Promise<ReviewHistoryRow> {
  const [r] = await db.insert(frontierReviewHistory).values(row).returning();
  return r!;
}

/** A review's history the viewer may see, oldest first. */
export async function listVisibleReviewHistory(db: Executor, viewer: Viewer, reviewId: string): Promise<ReviewHistoryRow[]> {
  return db
    .select()
    .from(frontierReviewHistory)
    .where(and(eq(frontierReviewHistory.reviewId, reviewId), visibleTo(viewer, frontierReviewHistory)))
    .orderBy(asc(frontierReviewHistory.at), asc(frontierReviewHistory.id));
}

/** Keeps the history's marking equal to its review's (after the access list grew). */
export async function remarkReviewHistory(db: Executor, reviewId: string, accessUsers: readonly string[]): Promise<void> {
  await db
    .update(frontierReviewHistory)
    .set({ accessUsers: [...accessUsers] })
    .where(eq(frontierReviewHistory.reviewId, reviewId));
}

// --- the developer-facing outcome ----------------------------------------------------------

/** The outcome row of a version the viewer may see, or null. */
export async function findVisibleDesignation(db: Executor, viewer: Viewer, versionId: string): Promise<DesignationRow | null> {
  const [r] = await db
    .select()
    .from(frontierDesignations)
    .where(and(eq(frontierDesignations.versionId, versionId), visibleTo(viewer, frontierDesignations)));
  return r ?? null;
}

/** Which of these reviews the viewer may see (one query for a page). */
export async function visibleReviewIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: frontierDesignationReviews.id })
    .from(frontierDesignationReviews)
    .where(and(inArray(frontierDesignationReviews.id, [...ids]), visibleTo(viewer, frontierDesignationReviews)));
  return new Set(rows.map((r) => r.id));
}

/** The designations of these versions the viewer may see, by version (one query for a page). */
export async function visibleDesignationsOf(db: Executor, viewer: Viewer, versionIds: readonly string[]): Promise<Map<string, DesignationRow>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(frontierDesignations)
    .where(and(inArray(frontierDesignations.versionId, [...versionIds]), visibleTo(viewer, frontierDesignations)));
  return new Map(rows.map((r) => [r.versionId, r]));
}

export async function upsertDesignation(db: Executor, row: typeof frontierDesignations.$inferInsert): Promise<DesignationRow> {
  const { versionId, ...set } = row;
  const [r] = await db.insert(frontierDesignations).values(row).onConflictDoUpdate({ target: frontierDesignations.versionId, set }).returning();
  return r!;
}

// --- settings ------------------------------------------------------------------------------

export async function findDesignationSettings(db: Executor): Promise<DesignationSettingsRow | null> {
  const [r] = await db.select().from(frontierDesignationSettings).where(eq(frontierDesignationSettings.id, 1));
  return r ?? null;
}

export async function upsertDesignationSettings(db: Executor, row: Omit<typeof frontierDesignationSettings.$inferInsert, 'id'>): Promise<void> {
  await db
    .insert(frontierDesignationSettings)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: frontierDesignationSettings.id, set: row });
}

/** Locks a version row (system work): serialises the routing of reviews of one version. */
export async function lockVersionRow(db: Executor, versionId: string): Promise<boolean> {
  const rows = await db.select({ id: frontierModelVersions.id }).from(frontierModelVersions).where(eq(frontierModelVersions.id, versionId)).for('update');
  return rows.length > 0;
}
