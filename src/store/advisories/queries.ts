import { insertRows } from '../insert-many';
import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { PUBLIC_STATES, type AdvisoryState } from '../../domain/advisory/state';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { advisories, advisoryRevisions } from '../schema/index';
import { visibleTo } from '../visibility';
import { containsPattern } from '../like';

export type AdvisoryRow = typeof advisories.$inferSelect;
export type AdvisoryRevisionRow = typeof advisoryRevisions.$inferSelect;

/** Published or withdrawn, and visible: what public endpoints may show (embargo safety, ADR 0020). */
const publicOnly = (viewer: Viewer) => and(visibleTo(viewer, advisories), inArray(advisories.state, [...PUBLIC_STATES]));

/** By its id, or by the draft id it had before publication (ADR 0021: old links keep working for those who may see it). */
const byId = (id: string) => or(eq(advisories.id, id), eq(advisories.draftId, id));

/** An advisory the viewer may see, or null (a hidden one and a missing one look the same). */
export async function findVisibleAdvisory(db: Executor, viewer: Viewer, id: string): Promise<AdvisoryRow | null> {
  const [r] = await db
    .select()
    .from(advisories)
    .where(and(byId(id), visibleTo(viewer, advisories)));
  return r ?? null;
}

/** Locks a visible advisory for a change in the caller's transaction. */
export async function lockVisibleAdvisory(db: Executor, viewer: Viewer, id: string): Promise<AdvisoryRow | null> {
  const [r] = await db
    .select()
    .from(advisories)
    .where(and(byId(id), visibleTo(viewer, advisories)))
    .for('update');
  return r ?? null;
}

/** A published (or withdrawn) advisory the viewer may see. */
export async function findPublishedAdvisory(db: Executor, viewer: Viewer, id: string): Promise<AdvisoryRow | null> {
  const [r] = await db
    .select()
    .from(advisories)
    .where(and(eq(advisories.id, id), publicOnly(viewer)));
  return r ?? null;
}

export interface AdvisoryFilter {
  readonly q?: string | undefined;
  readonly state?: AdvisoryState | undefined;
  readonly source?: 'aisc' | 'import' | undefined;
  readonly limit: number;
  readonly offset: number;
}

const filterOf = (base: ReturnType<typeof visibleTo> | undefined, f: Omit<AdvisoryFilter, 'limit' | 'offset'>) => {
  const like = f.q ? containsPattern(f.q) : undefined;
  return and(
    base,
    f.state ? eq(advisories.state, f.state) : undefined,
    f.source ? eq(advisories.source, f.source) : undefined,
    like ? or(ilike(advisories.id, like), ilike(advisories.title, like), ilike(advisories.cveId, like)) : undefined,
  );
};

async function page(db: Executor, where: ReturnType<typeof and>, f: AdvisoryFilter, order: 'updated' | 'modified') {
  const sort = order === 'updated' ? [desc(advisories.updatedAt), desc(advisories.id)] : [sql`${advisories.modifiedAt} desc nulls last`, desc(advisories.id)];
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(advisories)
      .where(where)
      .orderBy(...sort)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(advisories).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** The advisories the viewer may see (drafts included for those on their marking), last changed first. */
export function listVisibleAdvisories(db: Executor, viewer: Viewer, f: AdvisoryFilter): Promise<{ items: AdvisoryRow[]; total: number }> {
  return page(db, filterOf(visibleTo(viewer, advisories), f), f, 'updated');
}

/** Published advisories only, newest revision first: the public list. */
export function listPublishedAdvisories(db: Executor, viewer: Viewer, f: AdvisoryFilter): Promise<{ items: AdvisoryRow[]; total: number }> {
  return page(db, filterOf(publicOnly(viewer), f), f, 'modified');
}

/** Published advisories by id (for the OSV index and CSAF documents). */
export async function publishedAdvisoriesByIds(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<AdvisoryRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(advisories)
    .where(and(inArray(advisories.id, [...ids]), publicOnly(viewer)));
}

/** Every published advisory's id, current document and dates, in id order, a page at a time (keyset). */
export async function publishedAdvisoryPage(db: Executor, viewer: Viewer, afterId: string, limit: number): Promise<AdvisoryRow[]> {
  return db
    .select()
    .from(advisories)
    .where(and(publicOnly(viewer), sql`${advisories.id} > ${afterId}`))
    .orderBy(asc(advisories.id))
    .limit(limit);
}

/** Summary rows of every published advisory (no documents): the CSAF index and feed. */
export async function publishedAdvisorySummaries(db: Executor, viewer: Viewer) {
  return db
    .select({
      id: advisories.id,
      title: advisories.title,
      publishedAt: advisories.publishedAt,
      modifiedAt: advisories.modifiedAt,
      revision: advisories.revision,
      state: advisories.state,
    })
    .from(advisories)
    .where(publicOnly(viewer))
    .orderBy(sql`${advisories.modifiedAt} desc nulls last`, desc(advisories.id));
}

/** Revisions of an advisory the viewer may see, oldest first. */
export async function revisionsOf(db: Executor, viewer: Viewer, id: string): Promise<AdvisoryRevisionRow[]> {
  const a = await findVisibleAdvisory(db, viewer, id);
  if (!a) return [];
  return db.select().from(advisoryRevisions).where(eq(advisoryRevisions.advisoryId, a.id)).orderBy(asc(advisoryRevisions.number));
}

export async function insertAdvisories(db: Executor, rows: (typeof advisories.$inferInsert)[]): Promise<void> {
  await insertRows(db, advisories, rows);
}

/**
 * Gives a draft its public id (ADR 0021), keeping the draft id. Drafts have no revisions
 * yet (they are written at publication), so no row refers to the old key but the case that
 * links the advisory, which the caller moves in the same transaction.
 */
export async function renameDraft(db: Executor, draftId: string, publicId: string): Promise<void> {
  await db.update(advisories).set({ id: publicId, draftId }).where(eq(advisories.id, draftId));
}

export async function updateAdvisory(db: Executor, id: string, set: Partial<typeof advisories.$inferInsert>): Promise<AdvisoryRow> {
  const [r] = await db.update(advisories).set(set).where(eq(advisories.id, id)).returning();
  return r!;
}

export async function insertRevisions(db: Executor, rows: (typeof advisoryRevisions.$inferInsert)[]): Promise<void> {
  await insertRows(db, advisoryRevisions, rows);
}

/** Current hash, state and source of the given ids, locked for import decisions (importers pass SYSTEM: an id is taken whoever can see it). */
export async function importStateOf(db: Executor, viewer: Viewer, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: advisories.id,
      source: advisories.source,
      state: advisories.state,
      sourceHash: advisories.sourceHash,
      revision: advisories.revision,
      publishedAt: advisories.publishedAt,
    })
    .from(advisories)
    .where(and(inArray(advisories.id, [...ids]), visibleTo(viewer, advisories)))
    .for('update');
}

/** Published advisories whose id lower-cased is `lowerId` (CSAF 2.0 §5.1 file names are lower case). */
export async function publishedAdvisoriesByLowerId(db: Executor, viewer: Viewer, lowerId: string): Promise<AdvisoryRow[]> {
  return db
    .select()
    .from(advisories)
    .where(and(sql`lower(${advisories.id}) = ${lowerId}`, publicOnly(viewer)));
}
