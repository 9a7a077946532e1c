import { z } from 'zod';
import { getPublishedAdvisory, searchPublishedAdvisories } from '../../services/advisories/reads';
import type { App, AppDeps } from '../app';
import { errors, page, Paging } from '../schemas';
import { Advisory, AdvisoryIdParams } from './advisory-schemas';

/**
 * The public advisory pages' API: published advisories as anyone sees them, whoever asks
 * (a signed-in coordinator sees no drafts here either).
 */
export function publicAdvisoryRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['public'];
  app.get(
    '/api/public/advisories',
    {
      schema: {
        tags,
        summary: 'Published advisories, newest revision first',
        security: [],
        querystring: z.strictObject({ q: z.string().max(200).optional(), ...Paging }),
        response: { 200: page(Advisory), ...errors(400) },
      },
    },
    async (req) => searchPublishedAdvisories(ctx, req.query),
  );
  app.get(
    '/api/public/advisories/:id',
    { schema: { tags, summary: 'One published advisory', security: [], params: AdvisoryIdParams, response: { 200: Advisory, ...errors(404) } } },
    async (req) => getPublishedAdvisory(ctx, req.params.id),
  );
}
