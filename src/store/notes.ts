import { createHash } from 'node:crypto';
import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Viewer } from '../domain/policy/viewer';
import type { Db, Executor } from './database';
import { notes } from './schema/index';
import { preparedVisibility, visibleTo } from './visibility';
import { containsPattern } from './like';

export type NoteRow = typeof notes.$inferSelect;

const prepareNoteById = (db: Db, shape: string, where: () => ReturnType<typeof visibleTo>) =>
  db
    .select()
    .from(notes)
    .where(and(eq(notes.id, sql.placeholder('id')), where()))
    .prepare(`note_by_id_${createHash('sha256').update(shape).digest('hex').slice(0, 16)}`);

/**
 * The notes' hot read path (ADR 0050) for one database handle: one prepared statement per
 * viewer shape, built once instead of on every request; on PostgreSQL a named statement, so
 * the server parses and plans it once per connection. The policy predicate is the same
 * `visibleTo` twin, with the viewer's ids as parameters. Process state: the service context
 * owns one (`ctx.notes`), made by the runtime with the database, not a module-level map.
 */
export class PreparedNoteReads {
  private readonly byShape = new Map<string, ReturnType<typeof prepareNoteById>>();

  constructor(private readonly db: Db) {}

  /** A note the viewer may see, or null — an invisible note and a missing one look the same. */
  async findVisible(viewer: Viewer, id: string): Promise<NoteRow | null> {
    const v = preparedVisibility(viewer, notes);
    let statement = this.byShape.get(v.shape);
    if (!statement) {
      statement = prepareNoteById(this.db, v.shape, v.where);
      this.byShape.set(v.shape, statement);
    }
    const [r] = await statement.execute({ ...v.params, id });
    return r ?? null;
  }
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
  const like = f.q ? containsPattern(f.q) : undefined;
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
