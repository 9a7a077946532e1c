import { addRuleSetVersion, listRuleSets, ruleSetVersions } from '../../services/frontier/rule-sets';
import { ruleSettings, setRuleSettings } from '../../services/frontier/rule-settings';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors } from '../schemas';
import { FrontierRuleSet, FrontierRuleSetList, FrontierRuleSettings, RuleSetDocumentInput, RuleSetParams } from './frontier-registry-schemas';

/**
 * Coverage rule sets as versioned data (ADR 0085): anyone signed in reads them (they are
 * public law or a published triage aid); a platform administrator adds a version without code,
 * and every model version is evaluated with it.
 */
export function frontierRuleSetRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier'];
  app.get(
    '/api/frontier/rule-sets',
    { schema: { tags, summary: 'Every version of every rule set (the current one of each marked)', response: { 200: FrontierRuleSetList, ...errors(401) } } },
    async (req) => {
      principal(req);
      return { items: await listRuleSets(ctx) };
    },
  );
  app.get(
    '/api/frontier/rule-sets/:id',
    {
      schema: {
        tags,
        summary: 'The versions of one rule set, newest first',
        params: RuleSetParams,
        response: { 200: FrontierRuleSetList, ...errors(401, 404) },
      },
    },
    async (req) => {
      principal(req);
      return { items: await ruleSetVersions(ctx, req.params.id) };
    },
  );
  app.post(
    '/api/frontier/rule-sets',
    {
      schema: {
        tags,
        summary: 'Add a rule set or a new version of one (platform administrators); every model version is evaluated with it',
        body: RuleSetDocumentInput,
        response: { 201: FrontierRuleSet, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addRuleSetVersion(ctx, principal(req, 'admin'), req.body)),
  );
  app.get(
    '/api/frontier/rule-settings',
    { schema: { tags, summary: "The authority's parameters of the transparent rule sets", response: { 200: FrontierRuleSettings, ...errors(401) } } },
    async (req) => {
      principal(req);
      return ruleSettings(ctx.db);
    },
  );
  app.put(
    '/api/frontier/rule-settings',
    {
      schema: {
        tags,
        summary: "Set the proxy's cyber threshold (platform administrators); recorded results keep theirs",
        body: FrontierRuleSettings,
        response: { 200: FrontierRuleSettings, ...errors(400, 401, 403) },
      },
    },
    async (req) => setRuleSettings(ctx, principal(req, 'admin'), req.body),
  );
}
