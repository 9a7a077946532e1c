import { z } from 'zod';
import { countNotes, createNote, getNote, removeNote, searchNotes, updateNoteContent } from '../../services/notes';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors, IdParams, MarkingInput, Note, page, Paging, Uuid } from '../schemas';

const NoteBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  body: z.string().max(100_000),
  subjectOrganisationId: Uuid.nullable().optional(),
  marking: MarkingInput,
});
const NoteFilter = { q: z.string().max(200).optional(), subjectOrganisationId: Uuid.optional() };

/**
 * Organisation notes: the first protected record. Reads go through the policy for every
 * caller (anonymous callers see TLP:CLEAR notes only); what one may not see answers 404.
 */
export function noteRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['notes'];
  app.get(
    '/api/notes',
    {
      schema: {
        tags,
        summary: 'Notes you may see, newest first',
        querystring: z.strictObject({ ...NoteFilter, ...Paging }),
        response: { 200: page(Note), ...errors(400) },
      },
    },
    async (req) => searchNotes(ctx, viewer(req), req.query),
  );
  app.get(
    '/api/notes/count',
    {
      schema: {
        tags,
        summary: 'How many notes you may see',
        querystring: z.strictObject(NoteFilter),
        response: { 200: z.object({ count: z.number().int() }).meta({ id: 'NoteCount' }), ...errors(400) },
      },
    },
    async (req) => ({ count: await countNotes(ctx, viewer(req), req.query) }),
  );
  app.get('/api/notes/:id', { schema: { tags, summary: 'One note', params: IdParams, response: { 200: Note, ...errors(404) } } }, async (req) =>
    getNote(ctx, viewer(req), req.params.id),
  );
  app.post('/api/notes', { schema: { tags, summary: 'Write a note', body: NoteBody, response: { 201: Note, ...errors(400, 401, 403) } } }, async (req, reply) =>
    reply.code(201).send(await createNote(ctx, principal(req, 'write'), req.body)),
  );
  app.patch(
    '/api/notes/:id',
    {
      schema: {
        tags,
        summary: 'Edit a note (its author or an admin of its owner)',
        params: IdParams,
        body: NoteBody.partial(),
        response: { 200: Note, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => updateNoteContent(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.delete(
    '/api/notes/:id',
    { schema: { tags, summary: 'Delete a note', params: IdParams, response: { 204: z.null(), ...errors(401, 403, 404) } } },
    async (req, reply) => {
      await removeNote(ctx, principal(req, 'write'), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
