import { z } from 'zod';
import { auditTrail } from '../../services/audit';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { AuditEntry, errors, page, Paging } from '../schemas';

export function auditRoutes(app: App, { ctx }: AppDeps): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries of records you may see (administrators), newest first',
        querystring: z.strictObject({
          recordType: z
            .string()
            .regex(/^[a-z_]+$/)
            .max(64)
            .optional(),
          recordId: z.string().max(200).optional(),
          ...Paging,
        }),
        response: { 200: page(AuditEntry), ...errors(400, 401, 403) },
      },
    },
    async (req) => auditTrail(ctx, principal(req), req.query),
  );
}
