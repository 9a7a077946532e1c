import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import type { EventHub } from '../services/events/stream';
import { resolveSession, resolveToken } from '../services/sessions';
import { bearerOf, csrfOk, NO_AUTH, type RequestAuth, SESSION_COOKIE, tokenKey } from './auth';
import { noStoreForCallers } from './cache-control';
import { refuseNul } from './nul-guard';
import { securityHeaders } from './security-headers';
import { sendProblem, toProblem } from './problem';
import { ROUTES } from './routes/index';
import { uuidv7 } from '../services/ids';

export interface AppDeps {
  readonly ctx: ServiceContext;
  readonly hub: EventHub;
  /** Whether the database answers (for /readyz). */
  readonly ready: () => Promise<boolean>;
  /** Where the built web UI is (dist/web); absent in API-only tests. */
  readonly webRoot?: string | undefined;
}

/** The application with the zod type provider: routes infer request and reply types from their schemas. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Builds the HTTP application: plugins, authentication, error mapping, routes, the UI. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { ctx } = deps;
  // Routes see Fastify's logger interface; the pino instance behind it is the context's.
  const loggerInstance: FastifyBaseLogger = ctx.log;
  const app = Fastify({
    loggerInstance,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => {
    const problem = toProblem(err, req);
    const retry = err instanceof AppError ? err.retryAfterSeconds : undefined;
    return sendProblem(reply, problem, retry);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, toProblem(new AppError('NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`), req)));

  // helmet's headers, built once at start-up rather than on every request (ADR 0050).
  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.secureCookies,
  });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(security);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per API token when one is sent, else per client IP (ADR 0002).
    keyGenerator: (req) => {
      const t = bearerOf(req);
      return t ? `tok:${tokenKey(t)}` : `ip:${req.ip}`;
    },
    errorResponseBuilder: (_req, c) =>
      new AppError('RATE_LIMITED', `Rate limit of ${c.max} requests per ${c.after} exceeded; retry later`, [], {
        retryAfterSeconds: Math.max(1, Math.ceil(c.ttl / 1000)),
      }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'AISC API', version: '0.1.0', description: 'AISC, the AI Security Clearinghouse. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (aisc_pat_…)' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'web session; writes need the X-CSRF-Token header' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (`.meta({ id })`) become named components (issue 10 §2).
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // Authentication: a bearer token must be valid (else 401); a stale session cookie is
  // treated as no session. Cookie-authenticated writes must carry the CSRF token.
  // A null placeholder (Fastify keeps request shapes stable); the onRequest hook below always sets it.
  app.decorateRequest<RequestAuth | null>('auth', null);
  app.addHook('onRequest', async (req, reply) => {
    req.auth = NO_AUTH;
    reply.header('x-request-id', String(req.id));
    const bearer = bearerOf(req);
    if (bearer !== null) {
      const p = bearer ? await resolveToken(ctx, bearer) : null;
      if (!p) throw new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked');
      req.auth = { principal: p, via: 'token', csrfToken: null, cookieSecret: null };
      return;
    }
    const cookieSecret = req.cookies[SESSION_COOKIE];
    if (cookieSecret) {
      const s = await resolveSession(ctx, cookieSecret);
      if (s) req.auth = { principal: s.principal, via: 'session', csrfToken: s.csrfToken, cookieSecret };
    }
  });
  // No cache keeps an answer that depends on the caller (issue 9 item 13).
  app.addHook('onSend', noStoreForCallers);
  // NUL characters anywhere in the input: one 400 naming the fields, before validation (issue 9 item 11).
  app.addHook('preValidation', refuseNul);
  app.addHook('preHandler', async (req) => {
    if (UNSAFE.has(req.method) && !csrfOk(req)) {
      throw new AppError('FORBIDDEN', 'Missing or wrong X-CSRF-Token header (required for cookie-authenticated writes)', [
        { path: '/headers/x-csrf-token', message: 'missing or wrong' },
      ]);
    }
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await deps.ready().catch(() => false);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable' });
  });

  for (const register of ROUTES) await app.register(async (scope) => register(scope.withTypeProvider<ZodTypeProvider>(), deps));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await serveWeb(app, deps.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

/** Serves the built UI; unknown non-API paths get index.html (client-side routes). */
async function serveWeb(app: App, root: string): Promise<void> {
  if (!existsSync(root)) return;
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  const apiLike = /^\/(api|v1|\.well-known|healthz|readyz)(\/|$)/;
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (apiLike.test(path) || path.includes('..') || /\.[a-z0-9]+$/i.test(path)) {
      return sendProblem(reply, toProblem(new AppError('NOT_FOUND', `No route GET ${path}`), req));
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
