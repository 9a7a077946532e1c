import { z } from 'zod';
import { createUser, getUser, searchUsers, updateUserStanding } from '../../services/users';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { Clearance, Email, errors, IdParams, Name, page, Paging, Role, User, Uuid } from '../schemas';

export function userRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Users you may manage or work with',
        querystring: z.strictObject({ organisationId: Uuid.optional(), ...Paging }),
        response: { 200: page(User), ...errors(400, 401) },
      },
    },
    async (req) => searchUsers(ctx, principal(req), req.query),
  );
  app.get('/api/users/:id', { schema: { tags, summary: 'One user', params: IdParams, response: { 200: User, ...errors(401, 404) } } }, async (req) =>
    getUser(ctx, principal(req), req.params.id),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Invite a user (returns a one-time invitation link)',
        body: z.strictObject({ email: Email, name: Name, organisationId: Uuid, role: Role, clearance: Clearance.optional() }),
        response: {
          201: z.object({ user: User, invitation: z.object({ url: z.string(), expiresAt: z.string() }) }).meta({ id: 'InvitedUser' }),
          ...errors(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const r = await createUser(ctx, principal(req, 'admin'), req.body);
      return reply.code(201).send({ user: r.user, invitation: { url: r.invitation!.url, expiresAt: r.invitation!.expiresAt } });
    },
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's role, clearance, name or status",
        params: IdParams,
        body: z.strictObject({ role: Role.optional(), clearance: Clearance.optional(), disabled: z.boolean().optional(), name: Name.optional() }),
        response: { 200: User, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateUserStanding(ctx, principal(req, 'admin'), req.params.id, req.body),
  );
}
