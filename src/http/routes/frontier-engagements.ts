import { z } from 'zod';
import { RISK_DOMAINS, RISK_LEVELS } from '../../domain/frontier/assessment-vocabulary';
import { BUILT_IN_RISK_SCALES } from '../../domain/frontier/risk-scales/index';
import { addAnnex, setConclusion } from '../../services/frontier/engagement-conclusions';
import { exportEngagement } from '../../services/frontier/engagement-export';
import { addFinding, editFinding, moveRemediation, removeFinding } from '../../services/frontier/engagement-findings';
import { linkRun, unlinkRun } from '../../services/frontier/engagement-runs';
import { createEngagement, getEngagement, listEngagements, moveEngagement } from '../../services/frontier/engagements';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors, page } from '../schemas';
import {
  AnnexBody,
  AssessmentAnnex,
  AssessmentConclusion,
  AssessmentFinding,
  ConclusionBody,
  Engagement,
  EngagementBody,
  EngagementExport,
  EngagementFilterQuery,
  EngagementMoveBody,
  EngagementParams,
  EngagementSummary,
  ExportQuery,
  FindingBody,
  FindingParams,
  FindingPatch,
  RemediationBody,
  RiskScales,
  RunLink,
  RunParams,
} from './frontier-engagement-schemas';

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/**
 * Third-party risk assessments (issue 12, ADR 0103): engagements and their state machine,
 * findings and their remediation, conclusions on the one risk scale, annexes, linked runs and
 * exports per audience. Thin: each handler parses, calls one service and answers.
 */
export function frontierEngagementRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier-assessments'];
  app.get(
    '/api/frontier/risk-scales',
    { schema: { tags, summary: 'The common risk scale and the versioned framework mappings onto it', response: { 200: RiskScales } } },
    async () => ({
      levels: [...RISK_LEVELS],
      domains: RISK_DOMAINS.map((d) => ({ ...d })),
      mappings: BUILT_IN_RISK_SCALES.map((m) => ({ ...m, sources: [...m.sources], levels: m.levels.map((l) => ({ ...l, map: { ...l.map } })) })),
    }),
  );
  app.get(
    '/api/frontier/engagements',
    {
      schema: {
        tags,
        summary: 'Engagements you may see, newest first',
        querystring: EngagementFilterQuery,
        response: { 200: page(EngagementSummary), ...errors(400) },
      },
    },
    async (req) => listEngagements(ctx, viewer(req), req.query),
  );
  app.post(
    '/api/frontier/engagements',
    {
      schema: {
        tags,
        summary: 'Commission a third-party assessment of a model version',
        body: EngagementBody,
        response: { 201: Engagement, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createEngagement(ctx, principal(req, 'write'), { ...req.body, startsOn: date(req.body.startsOn), endsOn: date(req.body.endsOn) })),
  );
  app.get(
    '/api/frontier/engagements/:id',
    {
      schema: {
        tags,
        summary: 'One engagement with the parts you may see and the moves you may make',
        params: EngagementParams,
        response: { 200: Engagement, ...errors(404) },
      },
    },
    async (req) => getEngagement(ctx, viewer(req), req.auth.principal, req.params.id),
  );
  app.post(
    '/api/frontier/engagements/:id/moves',
    {
      schema: {
        tags,
        summary: 'Move an engagement through its states',
        params: EngagementParams,
        body: EngagementMoveBody,
        response: { 200: Engagement, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => moveEngagement(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post(
    '/api/frontier/engagements/:id/findings',
    {
      schema: {
        tags,
        summary: 'Record a finding (the assessor)',
        params: EngagementParams,
        body: FindingBody,
        response: { 201: AssessmentFinding, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addFinding(ctx, principal(req, 'write'), req.params.id, req.body)),
  );
  app.patch(
    '/api/frontier/engagements/:id/findings/:findingId',
    {
      schema: {
        tags,
        summary: 'Edit a finding (the assessor)',
        params: FindingParams,
        body: FindingPatch,
        response: { 200: AssessmentFinding, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => editFinding(ctx, principal(req, 'write'), req.params.id, req.params.findingId, req.body),
  );
  app.delete(
    '/api/frontier/engagements/:id/findings/:findingId',
    { schema: { tags, summary: 'Delete a finding (the assessor)', params: FindingParams, response: { 204: z.null(), ...errors(401, 403, 404, 409) } } },
    async (req, reply) => {
      await removeFinding(ctx, principal(req, 'write'), req.params.id, req.params.findingId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/frontier/engagements/:id/findings/:findingId/remediation',
    {
      schema: {
        tags,
        summary: 'Move a finding’s remediation (the developer answers, the assessor reopens)',
        params: FindingParams,
        body: RemediationBody,
        response: { 200: AssessmentFinding, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => moveRemediation(ctx, principal(req, 'write'), req.params.id, req.params.findingId, req.body),
  );
  app.put(
    '/api/frontier/engagements/:id/conclusions',
    {
      schema: {
        tags,
        summary: 'Conclude a risk level in one domain (the assessor)',
        params: EngagementParams,
        body: ConclusionBody,
        response: { 200: AssessmentConclusion, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => setConclusion(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post(
    '/api/frontier/engagements/:id/annexes',
    {
      schema: {
        tags,
        summary: 'Add an annex with its own marking (the assessor)',
        params: EngagementParams,
        body: AnnexBody,
        response: { 201: AssessmentAnnex, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addAnnex(ctx, principal(req, 'write'), req.params.id, req.body)),
  );
  app.post(
    '/api/frontier/engagements/:id/runs/:runId',
    {
      schema: {
        tags,
        summary: 'Link an evaluation run (its id) to the engagement',
        params: RunParams,
        response: { 200: RunLink, ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => linkRun(ctx, principal(req, 'write'), req.params.id, req.params.runId),
  );
  app.delete(
    '/api/frontier/engagements/:id/runs/:runId',
    { schema: { tags, summary: 'Unlink an evaluation run', params: RunParams, response: { 204: z.null(), ...errors(401, 403, 404) } } },
    async (req, reply) => {
      await unlinkRun(ctx, principal(req, 'write'), req.params.id, req.params.runId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/frontier/engagements/:id/export',
    {
      schema: {
        tags,
        summary: 'Export for an audience: the public summary (published engagements only), the partner version (TLP:AMBER) or the government version',
        params: EngagementParams,
        querystring: ExportQuery,
        response: { 200: EngagementExport, ...errors(400, 404, 409) },
      },
    },
    async (req) => exportEngagement(ctx, viewer(req), req.params.id, req.query.audience),
  );
}
