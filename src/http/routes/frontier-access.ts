import { z } from 'zod';
import type { AccessPolicy } from '../../domain/frontier/access-vocabulary';
import { accessPolicy, setAccessPolicy } from '../../services/frontier/access-policy';
import { addGrant, addOutage, editGrant } from '../../services/frontier/access-grants';
import { createPlan, getPlan, listPlans } from '../../services/frontier/access-plans';
import { listAccessReminders } from '../../services/frontier/access-reminders';
import { acknowledgeTerms, listSessions, recordSessions, setTerms } from '../../services/frontier/access-terms';
import { getNomination, listNominations, nominatePartner, transitionNomination } from '../../services/frontier/partners';
import { portfolio } from '../../services/frontier/portfolio';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors, IdParams, Paging, page, Uuid } from '../schemas';
import {
  AccessPlan,
  AccessPolicyBody,
  AccessReminder,
  AccessSession,
  AccessTerms,
  AcknowledgeBody,
  GrantBody,
  GrantParams,
  GrantPatch,
  NominationBody,
  NominationFilter,
  NominationTransitionBody,
  OutageBody,
  PartnerNomination,
  PlanBody,
  PlanParams,
  PortfolioPage,
  PortfolioQuery,
  SessionsBody,
  TermsBody,
} from './frontier-access-schemas';

const date = (s: string) => new Date(s);
type GrantJson = z.infer<typeof GrantPatch>;
/** A grant body with its timestamps as dates (absent fields stay absent). */
const grantFields = ({ startsAt, endsAt, ...rest }: GrantJson) => ({
  ...rest,
  ...(startsAt ? { startsAt: date(startsAt) } : {}),
  ...(endsAt ? { endsAt: date(endsAt) } : {}),
});
const policyJson = (p: AccessPolicy) => ({ ...p, reminderOffsetsDays: [...p.reminderOffsetsDays] });

/**
 * Voluntary pre-release access (issue 11, ADR 0095): the deployment's policy, access plans with
 * their live window, grants, outages, terms, the access log, trusted partners, the portfolio of
 * designated models and the caller's reminders. Nothing here holds back a release.
 */
export function frontierAccessRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier-access'];
  app.get(
    '/api/frontier/access-policy',
    { schema: { tags, summary: 'The access-window policy of this deployment', response: { 200: AccessPolicyBody, ...errors(401) } } },
    async (req) => {
      principal(req, 'read');
      return policyJson(await accessPolicy(ctx.db));
    },
  );
  app.put(
    '/api/frontier/access-policy',
    {
      schema: {
        tags,
        summary: 'Set the access-window policy (platform admins; audited)',
        body: AccessPolicyBody,
        response: { 200: AccessPolicyBody, ...errors(400, 401, 403) },
      },
    },
    async (req) => policyJson(await setAccessPolicy(ctx, principal(req, 'admin'), req.body)),
  );
  app.get(
    '/api/frontier/plans',
    {
      schema: {
        tags,
        summary: "Access plans you may see, newest first (`versionId`: only that version's plan)",
        querystring: z.strictObject({ ...Paging, versionId: Uuid.optional() }),
        response: { 200: page(AccessPlan), ...errors(400) },
      },
    },
    async (req) => listPlans(ctx, viewer(req), req.query),
  );
  app.post(
    '/api/frontier/plans',
    { schema: { tags, summary: 'Make the access plan of a model version', body: PlanBody, response: { 201: AccessPlan, ...errors(400, 401, 403, 409) } } },
    async (req, reply) => reply.code(201).send(await createPlan(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/frontier/plans/:id',
    { schema: { tags, summary: 'One access plan with its live window', params: PlanParams, response: { 200: AccessPlan, ...errors(404) } } },
    async (req) => getPlan(ctx, viewer(req), req.params.id),
  );
  app.post(
    '/api/frontier/plans/:id/grants',
    { schema: { tags, summary: 'Add a grant to a plan', params: PlanParams, body: GrantBody, response: { 201: AccessPlan, ...errors(400, 401, 403, 404) } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(await addGrant(ctx, principal(req, 'write'), req.params.id, { ...req.body, startsAt: date(req.body.startsAt), endsAt: date(req.body.endsAt) })),
  );
  app.patch(
    '/api/frontier/plans/:id/grants/:grantId',
    { schema: { tags, summary: 'Edit a grant', params: GrantParams, body: GrantPatch, response: { 200: AccessPlan, ...errors(400, 401, 403, 404) } } },
    async (req) => editGrant(ctx, principal(req, 'write'), req.params.id, req.params.grantId, grantFields(req.body)),
  );
  app.post(
    '/api/frontier/plans/:id/grants/:grantId/outages',
    {
      schema: {
        tags,
        summary: 'Record an outage of a grant',
        params: GrantParams,
        body: OutageBody,
        response: { 201: AccessPlan, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await addOutage(ctx, principal(req, 'write'), req.params.id, req.params.grantId, {
          startsAt: date(req.body.startsAt),
          endsAt: date(req.body.endsAt),
          reason: req.body.reason,
        }),
      ),
  );
  app.put(
    '/api/frontier/plans/:id/grants/:grantId/terms',
    {
      schema: {
        tags,
        summary: 'Set the terms of a grant (a new terms version)',
        params: GrantParams,
        body: TermsBody,
        response: { 200: AccessTerms, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => setTerms(ctx, principal(req, 'write'), req.params.id, req.params.grantId, req.body.protections),
  );
  app.post(
    '/api/frontier/plans/:id/grants/:grantId/acknowledgements',
    {
      schema: {
        tags,
        summary: "Acknowledge a grant's current terms for your side",
        params: GrantParams,
        body: AcknowledgeBody,
        response: { 200: AccessTerms, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => acknowledgeTerms(ctx, principal(req, 'write'), req.params.id, req.params.grantId, req.body.termsVersion),
  );
  app.get(
    '/api/frontier/plans/:id/grants/:grantId/sessions',
    {
      schema: {
        tags,
        summary: 'The access log of a grant',
        params: GrantParams,
        querystring: z.strictObject(Paging),
        response: { 200: page(AccessSession), ...errors(400, 404) },
      },
    },
    async (req) => listSessions(ctx, viewer(req), req.params.id, req.params.grantId, req.query),
  );
  app.post(
    '/api/frontier/plans/:id/grants/:grantId/sessions',
    {
      schema: {
        tags,
        summary: 'Record (grantee) or import (developer) sessions of use of a grant',
        params: GrantParams,
        body: SessionsBody,
        response: { 201: page(AccessSession), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await recordSessions(
          ctx,
          principal(req, 'write'),
          req.params.id,
          req.params.grantId,
          req.body.sessions.map((s) => ({ ...s, startedAt: date(s.startedAt), endedAt: s.endedAt ? date(s.endedAt) : null })),
        ),
      ),
  );
  app.get(
    '/api/frontier/partners',
    {
      schema: {
        tags,
        summary: 'Trusted-partner nominations you may see',
        querystring: NominationFilter,
        response: { 200: page(PartnerNomination), ...errors(400) },
      },
    },
    async (req) => listNominations(ctx, viewer(req), req.query),
  );
  app.post(
    '/api/frontier/partners',
    {
      schema: {
        tags,
        summary: 'Nominate a critical-infrastructure operator as a trusted partner',
        body: NominationBody,
        response: { 201: PartnerNomination, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await nominatePartner(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/frontier/partners/:id',
    { schema: { tags, summary: 'One nomination', params: IdParams, response: { 200: PartnerNomination, ...errors(404) } } },
    async (req) => getNomination(ctx, viewer(req), req.params.id),
  );
  app.post(
    '/api/frontier/partners/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a nomination through vetting',
        params: IdParams,
        body: NominationTransitionBody,
        response: { 200: PartnerNomination, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => transitionNomination(ctx, principal(req, 'write'), req.params.id, req.body.event),
  );
  app.get(
    '/api/frontier/portfolio',
    {
      schema: {
        tags,
        summary: 'Every designated model you may see, with its access status',
        querystring: PortfolioQuery,
        response: { 200: PortfolioPage, ...errors(400) },
      },
    },
    async (req) => portfolio(ctx, viewer(req), req.query),
  );
  app.get(
    '/api/frontier/reminders',
    {
      schema: {
        tags,
        summary: 'Access reminders sent to you, newest first',
        querystring: z.strictObject(Paging),
        response: { 200: page(AccessReminder), ...errors(400) },
      },
    },
    async (req) => listAccessReminders(ctx, viewer(req), req.query),
  );
}
