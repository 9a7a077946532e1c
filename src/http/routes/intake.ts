import { z } from 'zod';
import { scoreCvss } from '../../standards/cvss/index';
import { checkAdmission } from '../../services/intake/admission';
import { warmIntake } from '../../services/intake/dedup-registry';
import { intakeSettings, listQuotas, setIntakeSettings, setQuota } from '../../services/intake/settings';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, Uuid } from '../schemas';
import { budgetHeaders } from './intake-headers';
import { CvssScore, Limits } from './intake-schemas';

const Quota = Limits.extend({ organisationId: Uuid, updatedAt: z.string() }).meta({ id: 'IntakeQuota' });
const Quotas = z.array(Quota).meta({ id: 'IntakeQuotaList' });
const Settings = Limits.extend({ needsInfoCloseDays: z.number().int().min(1).max(3650) }).meta({ id: 'IntakeSettings' });

/** Admission control (quotas, settings), the caller's budget, and the CVSS calculator the triage UI uses. */
export function intakeRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['intake'];
  // The dedup index is rebuilt from the database when the server starts.
  app.addHook('onReady', async () => {
    ctx.checker?.warm();
    await warmIntake(ctx);
  });
  app.get(
    '/api/intake/settings',
    { schema: { tags, summary: 'Intake settings: default limits, needs-info timeout', response: { 200: Settings, ...errors(401) } } },
    async (req) => {
      principal(req);
      return intakeSettings(ctx.db);
    },
  );
  app.put(
    '/api/intake/settings',
    { schema: { tags, summary: 'Change intake settings (platform admins)', body: Settings, response: { 200: Settings, ...errors(400, 401, 403) } } },
    async (req) => setIntakeSettings(ctx, principal(req, 'admin'), req.body),
  );
  app.get(
    '/api/intake/quotas',
    { schema: { tags, summary: 'Organisations with their own limits (platform admins)', response: { 200: Quotas, ...errors(401, 403) } } },
    async (req) => listQuotas(ctx, principal(req, 'admin')),
  );
  app.put(
    '/api/intake/quotas/:organisationId',
    {
      schema: {
        tags,
        summary: 'Set an organisation’s limits (platform admins)',
        params: z.strictObject({ organisationId: Uuid }),
        body: Limits,
        response: { 200: Quota, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => (await setQuota(ctx, principal(req, 'admin'), req.params.organisationId, req.body))!,
  );
  app.delete(
    '/api/intake/quotas/:organisationId',
    {
      schema: {
        tags,
        summary: 'Return an organisation to the default limits',
        params: z.strictObject({ organisationId: Uuid }),
        response: { 204: z.null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await setQuota(ctx, principal(req, 'admin'), req.params.organisationId, null);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/intake/budget',
    {
      schema: {
        tags,
        summary: 'What your organisation may still submit (also sent as X-Intake-* headers)',
        response: { 200: z.object({ normal: z.number(), priority: z.number(), day: z.number() }).meta({ id: 'IntakeBudget' }), ...errors(401, 429) },
      },
    },
    async (req, reply) => {
      const budget = await checkAdmission(ctx.db, principal(req).organisationId, ctx.now());
      budgetHeaders(reply, budget);
      return budget;
    },
  );
  app.post(
    '/api/intake/cvss',
    {
      schema: {
        tags,
        summary: 'Score a CVSS 3.x or 4.0 vector (the triage calculator)',
        body: z.strictObject({ vector: z.string().min(1).max(1024) }),
        response: { 200: CvssScore, ...errors(400, 401) },
      },
    },
    async (req) => {
      principal(req);
      return scoreCvss(req.body.vector);
    },
  );
}
