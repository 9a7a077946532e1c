import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../app';
import { findingRoutes } from './findings';
import { findingBatchRoutes } from './findings-batch';
import { intakeRoutes } from './intake';
import { reportRoutes } from './reports';

/**
 * Every intake route module (issue 4), each in its own encapsulated scope: the bulk route
 * replaces the JSON body parser with a streaming one, which must not reach the others.
 */
export function intakeRouteModules(app: App, deps: AppDeps): void {
  for (const register of [findingRoutes, findingBatchRoutes, reportRoutes, intakeRoutes]) {
    void app.register(async (scope) => register(scope.withTypeProvider<ZodTypeProvider>(), deps));
  }
}
