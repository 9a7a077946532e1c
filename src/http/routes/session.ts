import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/policy/actions';
import { getOrganisation } from '../../services/organisations';
import { login, logout, resolveSession, type SessionInfo } from '../../services/sessions';
import { completeSetup } from '../../services/setup';
import { acceptInvitation, getUser } from '../../services/users';
import type { App, AppDeps } from '../app';
import { principal, SESSION_COOKIE } from '../auth';
import { Email, errors, Name, Password, Session } from '../schemas';

/** The session body the web client works from. */
export const sessionBody = (s: SessionInfo) => ({
  user: s.user,
  csrfToken: s.csrfToken,
  platformAdmin: can(s.principal, 'platform.administer'),
  scopes: [...s.principal.scopes],
});

/** Login, logout, current session, first-run setup and invitation acceptance. */
export function sessionRoutes(app: App, { ctx }: AppDeps): void {
  const setCookie = (reply: FastifyReply, secret: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: '/', expires });
  const loginLimit = {
    max: ctx.config.loginAttemptsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req: { ip: string }) => `login:${req.ip}`,
  };

  app.get('/api/session', { schema: { tags: ['session'], summary: 'The current session', response: { 200: Session, ...errors(401) } } }, async (req) => {
    const p = principal(req);
    if (req.auth.via !== 'session') {
      // A token has no CSRF token; answer the same shape for scripts that ask "who am I".
      const user = await getUser(ctx, p, p.userId);
      return {
        user: { ...user, organisation: await getOrganisation(ctx, p.organisationId) },
        csrfToken: '',
        platformAdmin: can(p, 'platform.administer'),
        scopes: [...p.scopes],
      };
    }
    const s = await resolveSession(ctx, req.auth.cookieSecret!);
    return sessionBody(s!);
  });

  app.post(
    '/api/session',
    {
      config: { rateLimit: loginLimit },
      schema: {
        tags: ['session'],
        summary: 'Log in with email and password',
        body: z.strictObject({ email: Email, password: Password }),
        response: { 200: Session, ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const s = await login(ctx, req.body.email, req.body.password);
      setCookie(reply, s.cookieSecret, s.expiresAt);
      return sessionBody(s);
    },
  );

  app.delete('/api/session', { schema: { tags: ['session'], summary: 'Log out', response: { 204: z.null(), ...errors(403) } } }, async (req, reply) => {
    if (req.auth.cookieSecret) await logout(ctx, req.auth.cookieSecret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.post(
    '/api/setup',
    {
      config: { rateLimit: loginLimit },
      schema: {
        tags: ['session'],
        summary: 'First-run setup: create the coordinating organisation and the first administrator (works once)',
        body: z.strictObject({
          token: z.string().min(1).max(200),
          organisation: z.strictObject({ name: Name }),
          user: z.strictObject({ email: Email, name: Name, password: Password }),
        }),
        response: { 201: Session, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      const s = await completeSetup(ctx, req.body);
      setCookie(reply, s.cookieSecret, s.expiresAt);
      return reply.code(201).send(sessionBody(s));
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { rateLimit: loginLimit },
      schema: {
        tags: ['session'],
        summary: 'Accept an invitation: set a password and log in',
        body: z.strictObject({ token: z.string().min(1).max(200), name: Name.optional(), password: Password }),
        response: { 200: Session, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      const s = await acceptInvitation(ctx, req.body);
      setCookie(reply, s.cookieSecret, s.expiresAt);
      return sessionBody(s);
    },
  );
}
