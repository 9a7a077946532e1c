import { z } from 'zod';
import { REPORT_EVENTS } from '../../domain/intake/report-states';
import { REPRODUCTION_STATUSES } from '../../domain/intake/finding';
import { mergeReports, splitReport } from '../../services/intake/merge';
import { getReport, reportQueue } from '../../services/intake/reports';
import { shareReport } from '../../services/intake/share';
import { transitionReportBy, updateTriage } from '../../services/intake/triage';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, IdParams, Uuid } from '../schemas';
import { Report, ReportDetail, ReportQuery, ReportQueuePage, Ssvc } from './intake-schemas';

/**
 * Reports: the triage queue (policy-filtered: a reporter sees its own organisation's reports,
 * coordinators see all), a report with its findings, and the analysts' triage actions.
 */
export function reportRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['reports'];
  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'The triage queue: reports you may see, filtered and sorted',
        querystring: ReportQuery,
        response: { 200: ReportQueuePage, ...errors(400, 401) },
      },
    },
    async (req) => {
      const { sort, limit, offset, cursor, ...filter } = req.query;
      return reportQueue(ctx, principal(req), filter, sort, { limit, offset, cursor });
    },
  );
  app.get(
    '/api/reports/:id',
    { schema: { tags, summary: 'One report with its findings and credits', params: IdParams, response: { 200: ReportDetail, ...errors(401, 404) } } },
    async (req) => getReport(ctx, principal(req), req.params.id),
  );
  app.post(
    '/api/reports/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a report through triage (start-triage, accept, reject, mark-duplicate, request-info, provide-info, reopen)',
        params: IdParams,
        body: z.strictObject({ event: z.enum(REPORT_EVENTS), reason: z.string().trim().min(1).max(5000).optional(), duplicateOf: Uuid.optional() }),
        response: { 200: Report, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => transitionReportBy(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.patch(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'Record the assessment: CWE, CVSS, known-exploited flag, reproduction, SSVC',
        params: IdParams,
        body: z.strictObject({
          cwe: z.string().max(32).nullable().optional(),
          cvss: z.string().max(1024).nullable().optional(),
          knownExploited: z.boolean().optional(),
          reproduction: z.enum(REPRODUCTION_STATUSES).optional(),
          ssvc: Ssvc.nullable().optional(),
        }),
        response: { 200: Report, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => updateTriage(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post(
    '/api/reports/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge other reports into this one (they become its duplicates)',
        params: IdParams,
        body: z.strictObject({ sourceReportIds: z.array(Uuid).min(1).max(100) }),
        response: { 200: Report, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => mergeReports(ctx, principal(req, 'write'), req.params.id, req.body.sourceReportIds),
  );
  app.post(
    '/api/reports/:id/share',
    {
      schema: {
        tags,
        summary: 'Open a report to more organisations (analysts; a duplicate or a merge never does)',
        params: IdParams,
        body: z.strictObject({ organisations: z.array(Uuid).min(1).max(100) }),
        response: { 200: Report, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => shareReport(ctx, principal(req, 'write'), req.params.id, req.body.organisations),
  );
  app.post(
    '/api/reports/:id/split',
    {
      schema: {
        tags,
        summary: 'Split findings off into a new report',
        params: IdParams,
        body: z.strictObject({ findingIds: z.array(Uuid).min(1).max(10_000) }),
        response: { 200: z.object({ report: Report, split: Uuid }).meta({ id: 'ReportSplit' }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => splitReport(ctx, principal(req, 'write'), req.params.id, req.body.findingIds),
  );
}
