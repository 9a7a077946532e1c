import type { App, AppDeps } from '../app';
import { advisoryRoutes } from './advisories';
import { auditRoutes } from './audit';
import { caseRoutes } from './cases';
import { csafProviderRoutes } from './csaf-provider';
import { eventRoutes } from './events';
import { frontierDesignationRoutes } from './frontier-designation';
import { frontierAccessRoutes } from './frontier-access';
import { frontierComputeRoutes } from './frontier-compute';
import { intakeRouteModules } from './intake-routes';
import { metaRoutes } from './meta';
import { noteRoutes } from './notes';
import { organisationRoutes } from './organisations';
import { osvRoutes } from './osv';
import { publicAdvisoryRoutes } from './public';
import { sessionRoutes } from './session';
import { tokenRoutes } from './tokens';
import { userRoutes } from './users';
import { vocabularyRoutes } from './vocabulary';
import { webhookRoutes } from './webhooks';
import { frontierModelRoutes } from './frontier-models';
import { frontierRuleSetRoutes } from './frontier-rule-sets';
import { frontierEngagementRoutes } from './frontier-engagements';
import { frontierEvaluationRoutes } from './frontier-evaluations';
import { frontierStandardsRoutes } from './frontier-standards';

/** Every route module of the API. Later issues add theirs here. */
export const ROUTES: Array<(app: App, deps: AppDeps) => void> = [
  metaRoutes,
  vocabularyRoutes,
  sessionRoutes,
  organisationRoutes,
  userRoutes,
  tokenRoutes,
  webhookRoutes,
  auditRoutes,
  noteRoutes,
  eventRoutes,
  intakeRouteModules,
  advisoryRoutes,
  publicAdvisoryRoutes,
  osvRoutes,
  csafProviderRoutes,
  caseRoutes,
  frontierModelRoutes,
  frontierRuleSetRoutes,
  frontierDesignationRoutes,
  frontierAccessRoutes,
  frontierEngagementRoutes,
  frontierEvaluationRoutes,
  frontierStandardsRoutes,
  frontierComputeRoutes,
];
