import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Viewer } from '../../domain/policy/viewer';
import type { Executor } from '../database';
import { blobs, findingAttachments } from '../schema/index';
import { visibleTo } from '../visibility';
import { insertMany } from '../insert-many';

export type AttachmentRow = typeof findingAttachments.$inferSelect;

/** Stores file contents once per digest (content addressing: a second upload adds nothing). */
export async function insertBlobs(db: Executor, rows: readonly (typeof blobs.$inferInsert)[]): Promise<void> {
  const unique = [...new Map(rows.map((r) => [r.digest, r])).values()];
  // One statement per 1,000 blobs (4 parameters each, well under PostgreSQL's 65,535).
  for (let i = 0; i < unique.length; i += 1_000)
    await db
      .insert(blobs)
      .values(unique.slice(i, i + 1_000))
      .onConflictDoNothing();
}

export const insertAttachments = (db: Executor, rows: readonly (typeof findingAttachments.$inferInsert)[]): Promise<void> =>
  insertMany(db, findingAttachments, rows);

/** The attachments of these findings the viewer may see. */
export async function visibleAttachmentsOf(db: Executor, viewer: Viewer, findingIds: readonly string[]): Promise<AttachmentRow[]> {
  if (findingIds.length === 0) return [];
  return db
    .select()
    .from(findingAttachments)
    .where(and(inArray(findingAttachments.findingId, [...findingIds]), visibleTo(viewer, findingAttachments)))
    .orderBy(asc(findingAttachments.createdAt), asc(findingAttachments.id));
}

/** One visible attachment with its content, or null. */
export async function visibleAttachmentContent(db: Executor, viewer: Viewer, id: string): Promise<{ attachment: AttachmentRow; content: Uint8Array } | null> {
  const [r] = await db
    .select({ attachment: findingAttachments, content: blobs.content })
    .from(findingAttachments)
    .innerJoin(blobs, eq(blobs.digest, findingAttachments.digest))
    .where(and(eq(findingAttachments.id, id), visibleTo(viewer, findingAttachments)));
  return r ?? null;
}

export async function moveAttachments(db: Executor, findingIds: readonly string[], reportId: string): Promise<void> {
  if (findingIds.length)
    await db
      .update(findingAttachments)
      .set({ reportId })
      .where(inArray(findingAttachments.findingId, [...findingIds]));
}

/** The attachments of these reports, locked for a marking change (system work: the caller decides who may). */
export async function lockAttachmentsOfReports(db: Executor, reportIds: readonly string[]): Promise<AttachmentRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(findingAttachments)
    .where(inArray(findingAttachments.reportId, [...reportIds]))
    .for('update');
}

/** Replaces an attachment's named recipients (TLP:RED opens only to named users). */
export async function setAttachmentRecipients(db: Executor, id: string, accessUsers: readonly string[]): Promise<void> {
  await db
    .update(findingAttachments)
    .set({ accessUsers: [...accessUsers] })
    .where(eq(findingAttachments.id, id));
}
