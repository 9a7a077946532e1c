import { z } from 'zod';
import { createToken, listTokens, revokeOwnToken } from '../../services/tokens';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, IdParams, Name, page, Scope, Token } from '../schemas';

export function tokenRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['tokens'];
  app.get('/api/tokens', { schema: { tags, summary: 'Your API tokens', response: { 200: page(Token), ...errors(401) } } }, async (req) =>
    listTokens(ctx, principal(req)),
  );
  app.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: z.strictObject({ name: Name, scopes: z.array(Scope).min(1).max(3), expiresInDays: z.number().int().min(1).max(3650).optional() }),
        response: { 201: z.object({ token: Token, secret: z.string() }).meta({ id: 'NewToken' }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const p = principal(req, 'write');
      return reply.code(201).send(await createToken(ctx, p, p.userId, req.body));
    },
  );
  app.delete(
    '/api/tokens/:id',
    { schema: { tags, summary: 'Revoke one of your tokens', params: IdParams, response: { 204: z.null(), ...errors(401, 404) } } },
    async (req, reply) => {
      await revokeOwnToken(ctx, principal(req, 'write'), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
