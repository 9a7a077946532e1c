import { createHash } from 'node:crypto';
import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Viewer } from '../domain/policy/viewer';
import type { Executor } from './database';
import { notes } from './schema/index';
import { preparedVisibility, visibleTo } from './visibility';

export type NoteRow = typeof notes.$inferSelect;

/** A note the viewer may see, or null — an invisible note and a missing one look the same. */
export async function findVisibleNote(db: Executor, viewer: Viewer, id: string): Promise<NoteRow | null> {
  const v = preparedVisibility(viewer, notes);
  const [r] = await noteByIdStatement(db, v.shape, v.where).execute({ ...v.params, id });
  return r ?? null;
}

/**
 * The hot read path (ADR 0050): one prepared statement per database handle and viewer
 * shape, built once instead of on every request; on PostgreSQL a named statement, so the
 * server parses and plans it once per connection. The policy predicate is the same
 * `visibleTo` twin, with the viewer's ids as parameters.
 */
const noteByIdStatements = new WeakMap<Executor, Map<string, ReturnType<typeof prepareNoteById>>>();
const prepareNoteById = (db: Executor, shape: string, where: () => ReturnType<typeof visibleTo>) =>
  db
    .select()
    .from(notes)
    .where(and(eq(notes.id, sql.placeholder('id')), where()))
    .prepare(`note_by_id_${createHash('sha256').update(shape).digest('hex').slice(0, 16)}`);
function noteByIdStatement(db: Executor, shape: string, where: () => ReturnType<typeof visibleTo>) {
  let byShape = noteByIdStatements.get(db);
  if (!byShape) {
    byShape = new Map();
    noteByIdStatements.set(db, byShape);
  }
  let st = byShape.get(shape);
  if (!st) {
    st = prepareNoteById(db, shape, where);
    byShape.set(shape, st);
  }
  return st;
}

/** Locks a visible note for an update in the caller's transaction. */
export async function lockVisibleNote(db: Executor, viewer: Viewer, id: string): Promise<NoteRow | null> {
  const [r] = await db
    .select()
    .from(notes)
    .where(and(eq(notes.id, id), visibleTo(viewer, notes)))
    .for('update');
  return r ?? null;
}

export interface NoteFilter {
  readonly q?: string | undefined;
  readonly subjectOrganisationId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

const filterOf = (viewer: Viewer, f: Omit<NoteFilter, 'limit' | 'offset'>) => {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    visibleTo(viewer, notes),
    f.subjectOrganisationId ? eq(notes.subjectOrganisationId, f.subjectOrganisationId) : undefined,
    like ? or(ilike(notes.title, like), ilike(notes.body, like)) : undefined,
  );
};

/** The notes the viewer may see, newest first, with their count (the same filter for both). */
export async function listVisibleNotes(db: Executor, viewer: Viewer, f: NoteFilter): Promise<{ items: NoteRow[]; total: number }> {
  const where = filterOf(viewer, f);
  const [items, [total]] = await Promise.all([
    db.select().from(notes).where(where).orderBy(desc(notes.createdAt), desc(notes.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(notes).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function countVisibleNotes(db: Executor, viewer: Viewer, f: Omit<NoteFilter, 'limit' | 'offset'> = {}): Promise<number> {
  const [r] = await db.select({ n: count() }).from(notes).where(filterOf(viewer, f));
  return Number(r?.n ?? 0);
}

export async function insertNote(db: Executor, row: typeof notes.$inferInsert): Promise<NoteRow> {
  const [r] = await db.insert(notes).values(row).returning();
  return r!;
}

export async function updateNote(db: Executor, id: string, set: Partial<typeof notes.$inferInsert>): Promise<NoteRow> {
  const [r] = await db.update(notes).set(set).where(eq(notes.id, id)).returning();
  return r!;
}

export async function deleteNote(db: Executor, id: string): Promise<void> {
  await db.delete(notes).where(eq(notes.id, id));
}
