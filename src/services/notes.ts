import { AppError, notFound } from '../domain/errors';
import { can } from '../domain/policy/actions';
import { type Principal, viewerOf } from '../domain/identity/principal';
import type { Viewer } from '../domain/policy/viewer';
import { countVisibleNotes, deleteNote, insertNote, listVisibleNotes, lockVisibleNote, type NoteFilter, type NoteRow, updateNote } from '../store/notes';
import { findOrganisation } from '../store/organisations';
import { markingOf, markingRow } from '../store/visibility';
import { actorOf } from './actor';
import type { ServiceContext } from './context';
import { type MarkingInput, markingFor, markingView } from './markings';
import { write } from './unit-of-work';

export const noteView = (n: NoteRow) => ({
  id: n.id,
  subjectOrganisationId: n.subjectOrganisationId,
  title: n.title,
  body: n.body,
  marking: markingView(markingOf(n)),
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});
export type NoteView = ReturnType<typeof noteView>;

export interface NoteInput {
  readonly title: string;
  readonly body: string;
  readonly subjectOrganisationId?: string | null | undefined;
  readonly marking: MarkingInput;
}

const readOnly = () => new AppError('FORBIDDEN', 'Your role or token cannot write');

export async function createNote(ctx: ServiceContext, p: Principal, input: NoteInput): Promise<NoteView> {
  if (!can(p, 'records.write')) throw readOnly();
  return write(ctx, actorOf(p), async (tx, record) => {
    const marking = await markingFor(tx, p, input.marking);
    if (input.subjectOrganisationId && !(await findOrganisation(tx, input.subjectOrganisationId))) {
      throw new AppError('VALIDATION', 'Unknown organisation', [{ path: '/subjectOrganisationId', message: 'no such organisation' }]);
    }
    const now = ctx.now();
    const row = await insertNote(tx, {
      id: ctx.newId(),
      subjectOrganisationId: input.subjectOrganisationId ?? null,
      title: input.title,
      body: input.body,
      ...markingRow(marking),
      createdAt: now,
      updatedAt: now,
    });
    const view = noteView(row);
    record({ action: 'note.created', recordType: 'note', recordId: row.id, before: null, after: view, marking, data: { id: row.id, title: row.title } });
    return view;
  });
}

/** Edits a note: its author, or an admin of the owner organisation who can see it. */
export async function updateNoteContent(ctx: ServiceContext, p: Principal, id: string, patch: Partial<NoteInput>): Promise<NoteView> {
  if (!can(p, 'records.write')) throw readOnly();
  return write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockVisibleNote(tx, viewerOf(p), id);
    if (!before) throw notFound('Note');
    if (!can(p, 'records.edit', before)) throw new AppError('FORBIDDEN', 'Only the author or an administrator of the owner organisation edits a note');
    const marking = patch.marking
      ? { ...(await markingFor(tx, p, patch.marking)), ownerOrganisationId: before.ownerOrganisationId, createdBy: before.createdBy }
      : markingOf(before);
    const after = await updateNote(tx, id, {
      title: patch.title ?? before.title,
      body: patch.body ?? before.body,
      ...markingRow(marking),
      updatedAt: ctx.now(),
    });
    const view = noteView(after);
    record({ action: 'note.updated', recordType: 'note', recordId: id, before: noteView(before), after: view, marking, data: { id, title: after.title } });
    return view;
  });
}

export async function removeNote(ctx: ServiceContext, p: Principal, id: string): Promise<void> {
  if (!can(p, 'records.write')) throw readOnly();
  await write(ctx, actorOf(p), async (tx, record) => {
    const before = await lockVisibleNote(tx, viewerOf(p), id);
    if (!before) throw notFound('Note');
    if (!can(p, 'records.edit', before)) throw new AppError('FORBIDDEN', 'Only the author or an administrator of the owner organisation deletes a note');
    await deleteNote(tx, id);
    record({ action: 'note.deleted', recordType: 'note', recordId: id, before: noteView(before), after: null, marking: markingOf(before), data: { id } });
  });
}

export async function getNote(ctx: ServiceContext, viewer: Viewer, id: string): Promise<NoteView> {
  const n = await ctx.notes.findVisible(viewer, id);
  if (!n) throw notFound('Note');
  return noteView(n);
}

export async function searchNotes(ctx: ServiceContext, viewer: Viewer, f: NoteFilter): Promise<{ items: NoteView[]; total: number }> {
  const r = await listVisibleNotes(ctx.db, viewer, f);
  return { items: r.items.map(noteView), total: r.total };
}

export const countNotes = (ctx: ServiceContext, viewer: Viewer, f: Omit<NoteFilter, 'limit' | 'offset'> = {}): Promise<number> =>
  countVisibleNotes(ctx.db, viewer, f);
