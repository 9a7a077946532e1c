import { z } from 'zod';
import { OSV_BATCH_MAX, osvQuery, osvQueryBatch, osvVulnerability } from '../../services/advisories/osv-api';
import type { App, AppDeps } from '../app';
import { AppError } from '../../domain/errors';
import { errors } from '../schemas';
import { OsvBatchResult, OsvQueryResult, OsvRecord } from './osv-schemas';

// OSV.dev request shapes (https://google.github.io/osv.dev/api/): a query names a package
// (name + ecosystem, or purl) with an optional version, or a commit; page_token continues.
const Query = z.strictObject({
  commit: z.string().max(100).optional(),
  version: z.string().max(300).optional(),
  package: z
    .strictObject({ name: z.string().max(500).optional(), ecosystem: z.string().max(100).optional(), purl: z.string().max(1000).optional() })
    .optional(),
  page_token: z.string().max(200).optional(),
});

/** A JSON body, also when sent with curl -d's form content type. */
const CONSUMES = ['application/json', 'application/x-www-form-urlencoded'];

/**
 * The OSV API with OSV.dev's request and response shapes, so OSV clients (osv-scanner,
 * scanners' OSV integrations) work against AISC. Public: no login. Matching runs on the
 * in-memory index of published advisories (ADR 0020); documents come from the database.
 */
export function osvRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['osv'];
  // OSV.dev's documented calls are `curl -d '{…}'`, which sends the form content type (or,
  // from some clients, none): in this scope only, such a body is read as the JSON it is.
  app.addContentTypeParser(['application/x-www-form-urlencoded', '*'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(new AppError('VALIDATION', 'The body must be a JSON query object', [{ path: '', message: 'not JSON' }]), undefined);
    }
  });
  // The runtime owns, starts and keeps the index current (ADR 0020); routes only read it.
  const index = async () => {
    await ctx.published.ready();
    return ctx.published.index;
  };
  app.get(
    '/v1/vulns/:id',
    {
      schema: {
        tags,
        summary: 'One published vulnerability as an OSV record',
        security: [],
        params: z.strictObject({ id: z.string().min(1).max(200) }),
        response: { 200: OsvRecord, ...errors(404) },
      },
    },
    async (req) => osvVulnerability(ctx, req.params.id),
  );
  app.post(
    '/v1/query',
    {
      schema: {
        tags,
        summary: 'Vulnerabilities of a package version or commit (full OSV records)',
        security: [],
        consumes: CONSUMES,
        body: Query,
        response: { 200: OsvQueryResult, ...errors(400) },
      },
    },
    async (req) => osvQuery(ctx, await index(), req.body),
  );
  app.post(
    '/v1/querybatch',
    {
      schema: {
        tags,
        summary: `Up to ${OSV_BATCH_MAX} queries at once; per query, in order, ids and modified times`,
        security: [],
        consumes: CONSUMES,
        body: z.strictObject({ queries: z.array(Query).max(OSV_BATCH_MAX) }),
        response: { 200: OsvBatchResult, ...errors(400) },
      },
    },
    async (req) => osvQueryBatch(await index(), req.body.queries, ctx.config.osvIdPrefix),
  );
}
