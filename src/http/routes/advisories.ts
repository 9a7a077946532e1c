import { z } from 'zod';
import { createAdvisoryDraft, updateAdvisoryDraft } from '../../services/advisories/drafting';
import { EXPORT_FORMATS, advisoryDocument } from '../../services/advisories/exports';
import { importAdvisoriesAs } from '../../services/advisories/import';
import { IMPORT_FORMATS, readImportDocuments } from '../../services/advisories/import-read';
import { publishAdvisory, reviseAdvisory, scheduleAdvisory, unscheduleAdvisory, withdrawAdvisory } from '../../services/advisories/publication';
import { advisoryRevisions, getAdvisory, searchAdvisories } from '../../services/advisories/reads';
import { creditReaderOf } from '../../domain/policy/credits';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors, page, Paging } from '../schemas';
import {
  Advisory,
  AdvisoryContentInput,
  AdvisoryFilter,
  AdvisoryIdParams,
  DraftBody,
  DraftPatch,
  EXPORT_DOCUMENTS,
  ImportResult,
  PublishBody,
  RevisionList,
} from './advisory-schemas';

/**
 * Advisories for coordinators: draft, edit, schedule, publish, revise, withdraw, import,
 * and read in every open format. Reads go through the policy (the public sees published
 * advisories only: drafts are never TLP:CLEAR); what one may not see answers 404.
 */
export function advisoryRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['advisories'];
  const one = { params: AdvisoryIdParams, response: { 200: Advisory, ...errors(400, 401, 403, 404, 409) } };
  app.get(
    '/api/advisories',
    {
      schema: {
        tags,
        summary: 'Advisories you may see, last changed first',
        querystring: z.strictObject({ ...AdvisoryFilter, ...Paging }),
        response: { 200: page(Advisory), ...errors(400) },
      },
    },
    async (req) => searchAdvisories(ctx, viewer(req), req.query, creditReaderOf(req.auth.principal)),
  );
  app.get(
    '/api/advisories/:id',
    { schema: { tags, summary: 'One advisory', params: AdvisoryIdParams, response: { 200: Advisory, ...errors(404) } } },
    async (req) => getAdvisory(ctx, viewer(req), req.params.id, creditReaderOf(req.auth.principal)),
  );
  app.get(
    '/api/advisories/:id/revisions',
    { schema: { tags, summary: 'Every published revision, oldest first', params: AdvisoryIdParams, response: { 200: RevisionList, ...errors(404) } } },
    async (req) => advisoryRevisions(ctx, viewer(req), req.params.id),
  );
  for (const format of EXPORT_FORMATS) {
    app.get(
      `/api/advisories/:id/${format}`,
      {
        schema: {
          tags,
          summary: `The advisory as ${format.toUpperCase()}`,
          params: AdvisoryIdParams,
          response: { 200: EXPORT_DOCUMENTS[format], ...errors(404, 409) },
        },
      },
      async (req) => advisoryDocument(ctx, viewer(req), req.params.id, format),
    );
  }
  app.post(
    '/api/advisories',
    {
      schema: {
        tags,
        summary: 'Draft an advisory (TLP:AMBER unless marked otherwise)',
        body: DraftBody,
        response: { 201: Advisory, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createAdvisoryDraft(ctx, principal(req, 'write'), req.body)),
  );
  app.patch('/api/advisories/:id', { schema: { tags, summary: 'Edit a draft or scheduled advisory', ...one, body: DraftPatch } }, async (req) =>
    updateAdvisoryDraft(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post(
    '/api/advisories/:id/schedule',
    { schema: { tags, summary: 'Schedule publication at a time', ...one, body: z.strictObject({ publishAt: z.iso.datetime({ offset: true }) }) } },
    async (req) => scheduleAdvisory(ctx, principal(req, 'write'), req.params.id, new Date(req.body.publishAt)),
  );
  app.post('/api/advisories/:id/unschedule', { schema: { tags, summary: 'Back to draft', ...one } }, async (req) =>
    unscheduleAdvisory(ctx, principal(req, 'write'), req.params.id),
  );
  app.post(
    '/api/advisories/:id/publish',
    {
      schema: { tags, summary: "Publish now (before its case's agreed public date: confirm that date and give a reason)", ...one, body: PublishBody.nullish() },
    },
    async (req) => publishAdvisory(ctx, principal(req, 'write'), req.params.id, req.body ?? {}),
  );
  app.post(
    '/api/advisories/:id/revise',
    {
      schema: {
        tags,
        summary: 'Publish a new revision',
        ...one,
        body: z.strictObject({ content: AdvisoryContentInput, summary: z.string().trim().min(1).max(1000) }),
      },
    },
    async (req) => reviseAdvisory(ctx, principal(req, 'write'), req.params.id, req.body.content, req.body.summary),
  );
  app.post(
    '/api/advisories/:id/withdraw',
    { schema: { tags, summary: 'Withdraw (it stays served, marked withdrawn)', ...one, body: z.strictObject({ reason: z.string().trim().min(1).max(1000) }) } },
    async (req) => withdrawAdvisory(ctx, principal(req, 'write'), req.params.id, req.body.reason),
  );
  app.post(
    '/api/advisories/import',
    {
      schema: {
        tags,
        summary: 'Import published advisories (OSV, CSAF, CVE 5) from other sources; idempotent',
        body: z.strictObject({ format: z.enum(IMPORT_FORMATS), documents: z.array(z.unknown()).min(1).max(5000), offset: z.number().int().min(0).default(0) }),
        response: { 200: ImportResult, ...errors(400, 401, 403) },
      },
    },
    async (req) => importAdvisoriesAs(ctx, principal(req, 'write'), readImportDocuments(req.body.documents, req.body.format, req.body.offset)),
  );
}
