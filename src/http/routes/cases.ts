import { z } from 'zod';
import type { AdvisoryContent } from '../../domain/advisory/content';
import { draftCaseAdvisory } from '../../services/cases/advisory';
import { inviteVendors } from '../../services/cases/invite';
import { transitionCaseBy } from '../../services/cases/lifecycle';
import { openCase } from '../../services/cases/open';
import { caseStatements, caseVendors, getCase, searchCases, vendorInbox } from '../../services/cases/reads';
import { embargoPolicy, setEmbargoPolicy } from '../../services/cases/settings';
import { recordStatement, shareStatement } from '../../services/cases/statements';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, page } from '../schemas';
import { Advisory } from './advisory-schemas';
import { caseConversationRoutes } from './cases-conversation';
import {
  CaseAdvisoryBody,
  CaseChildParams,
  CaseDetail,
  CaseFilter,
  CaseParams,
  CaseVendor,
  CaseView,
  InboxItem,
  InviteBody,
  OpenCaseBody,
  PageQuery,
  PolicyBody,
  Statement,
  StatementBody,
  TransitionBody,
  VendorFilter,
} from './cases-schemas';

/**
 * Coordinated disclosure (ADR 0030): cases, vendors, statements. Everything is visible to
 * the case's coordinators and invited vendors only; anything else answers 404.
 */
export function caseRoutes(app: App, deps: AppDeps): void {
  const { ctx } = deps;
  const tags = ['cases'];
  const one = { params: CaseParams, response: { 200: CaseView, ...errors(400, 401, 403, 404, 409) } };
  app.get(
    '/api/cases',
    { schema: { tags, summary: 'Cases you take part in, newest first', querystring: CaseFilter, response: { 200: page(CaseView), ...errors(400, 401) } } },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      return searchCases(ctx, principal(req, 'read'), f, { limit, offset });
    },
  );
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Open a case from accepted reports, or a campaign case',
        body: OpenCaseBody,
        response: { 201: CaseView, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await openCase(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with its vulnerabilities and the embargo proposals you may see',
        params: CaseParams,
        response: { 200: CaseDetail, ...errors(401, 404) },
      },
    },
    async (req) => getCase(ctx, principal(req, 'read'), req.params.id),
  );
  app.post('/api/cases/:id/transition', { schema: { tags, summary: 'Disclose early, close or reopen a case', body: TransitionBody, ...one } }, async (req) =>
    transitionCaseBy(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post('/api/cases/:id/vendors', { schema: { tags, summary: 'Invite vendors (each is notified)', body: InviteBody, ...one } }, async (req) =>
    inviteVendors(ctx, principal(req, 'write'), req.params.id, req.body.organisations),
  );
  app.get(
    '/api/cases/:id/vendors',
    {
      schema: {
        tags,
        summary: 'One page of the case vendors you may see',
        params: CaseParams,
        querystring: PageQuery,
        response: { 200: page(CaseVendor), ...errors(400, 401, 404) },
      },
    },
    async (req) => caseVendors(ctx, principal(req, 'read'), req.params.id, req.query),
  );
  app.get(
    '/api/cases/:id/statements',
    {
      schema: {
        tags,
        summary: 'One page of the vendor statements you may see',
        params: CaseParams,
        querystring: VendorFilter,
        response: { 200: page(Statement), ...errors(400, 401, 404) },
      },
    },
    async (req) => {
      const { vendor, ...p } = req.query;
      return caseStatements(ctx, principal(req, 'read'), req.params.id, vendor, p);
    },
  );
  app.post(
    '/api/cases/:id/vulnerabilities/:childId/statement',
    {
      schema: {
        tags,
        summary: "Record your organisation's statement on a vulnerability",
        params: CaseChildParams,
        body: StatementBody,
        response: { 200: Statement, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => recordStatement(ctx, principal(req, 'write'), req.params.id, req.params.childId, req.body),
  );
  app.post(
    '/api/cases/:id/statements/:childId/share',
    {
      schema: {
        tags,
        summary: 'Share a statement with every vendor of the case',
        params: CaseChildParams,
        response: { 200: Statement, ...errors(401, 403, 404) },
      },
    },
    async (req) => shareStatement(ctx, principal(req, 'write'), req.params.id, req.params.childId),
  );
  app.post(
    '/api/cases/:id/advisory',
    {
      schema: {
        tags,
        summary: "Draft the case's advisory from its reports and statements (scheduled at the embargo end); given fields replace the derived ones",
        params: CaseParams,
        body: CaseAdvisoryBody,
        response: { 201: z.object({ advisory: Advisory, case: CaseView }).meta({ id: 'CaseAdvisory' }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await draftCaseAdvisory(ctx, principal(req, 'write'), req.params.id, req.body.content as Partial<AdvisoryContent>)),
  );
  app.get(
    '/api/inbox',
    {
      schema: {
        tags,
        summary: "Your organisation's case invitations, newest first",
        querystring: PageQuery,
        response: { 200: page(InboxItem), ...errors(400, 401) },
      },
    },
    async (req) => vendorInbox(ctx, principal(req, 'read'), req.query),
  );
  app.get('/api/case-policy', { schema: { tags, summary: 'The embargo policy', response: { 200: PolicyBody, ...errors(401) } } }, async (req) => {
    principal(req, 'read');
    return embargoPolicy(ctx.db);
  });
  app.put(
    '/api/case-policy',
    { schema: { tags, summary: 'Set the embargo policy (platform admins)', body: PolicyBody, response: { 200: PolicyBody, ...errors(400, 401, 403) } } },
    async (req) => setEmbargoPolicy(ctx, principal(req, 'admin'), req.body),
  );
  caseConversationRoutes(app, deps);
}
