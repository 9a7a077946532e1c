import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors';
import type { Principal } from '../domain/identity/principal';
import type { Scope } from '../domain/identity/roles';
import { ANONYMOUS, type Viewer } from '../domain/policy/viewer';
import { viewerOf } from '../domain/identity/principal';

export const SESSION_COOKIE = 'aisc_session';
export const CSRF_HEADER = 'x-csrf-token';

/** What the authentication hook found on a request. */
export interface RequestAuth {
  readonly principal: Principal | null;
  /** How: a session cookie (needs CSRF on writes) or a bearer token. */
  readonly via: 'session' | 'token' | null;
  readonly csrfToken: string | null;
  readonly cookieSecret: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

export const NO_AUTH: RequestAuth = Object.freeze({ principal: null, via: null, csrfToken: null, cookieSecret: null });

/** The bearer token of a request, if it sent one. */
export function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : '';
}

/** A stable, secret-free key for per-token rate limits. */
export const tokenKey = (token: string): string => createHash('sha256').update(token).digest('hex').slice(0, 24);

/**
 * The signed-in principal, or UNAUTHENTICATED. With `scope`, the credential must hold it
 * (a read-only token cannot write even if its user could).
 */
export function principal(req: FastifyRequest, scope: Scope = 'read'): Principal {
  const p = req.auth.principal;
  if (!p) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token (Authorization: Bearer …)');
  if (!p.scopes.includes(scope)) throw new AppError('FORBIDDEN', `This credential lacks the '${scope}' scope`);
  return p;
}

/** The policy viewer of a request (anonymous without credentials). */
export function viewer(req: FastifyRequest): Viewer {
  return req.auth.principal ? viewerOf(req.auth.principal) : ANONYMOUS;
}

/** Double-submit check for cookie-authenticated writes (OWASP CSRF cheat sheet, "synchronizer token"). */
export function csrfOk(req: FastifyRequest): boolean {
  if (req.auth.via !== 'session') return true;
  const sent = req.headers[CSRF_HEADER];
  const expected = req.auth.csrfToken;
  if (typeof sent !== 'string' || !expected || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
