import type { App, AppDeps } from '../app';
import { auditRoutes } from './audit';
import { eventRoutes } from './events';
import { metaRoutes } from './meta';
import { noteRoutes } from './notes';
import { organisationRoutes } from './organisations';
import { sessionRoutes } from './session';
import { tokenRoutes } from './tokens';
import { userRoutes } from './users';
import { webhookRoutes } from './webhooks';

/** Every route module of the API. Later issues add theirs here. */
export const ROUTES: Array<(app: App, deps: AppDeps) => void> = [
  metaRoutes,
  sessionRoutes,
  organisationRoutes,
  userRoutes,
  tokenRoutes,
  webhookRoutes,
  auditRoutes,
  noteRoutes,
  eventRoutes,
];
