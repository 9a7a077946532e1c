import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth';

/**
 * What an anonymous caller may get from a shared cache: published advisories (OSV, CSAF,
 * the public API), the vocabularies, the API description and the UI's static files. They
 * are the same for every anonymous caller.
 */
const PUBLIC_API = /^\/api\/(public(\/|$)|meta$|vocabulary$|openapi\.json$|docs(\/|$))/;

/**
 * Public answers a shared cache may keep, and for how long: given to an anonymous caller's
 * 200 only, so an answer to a credentialed request stays `no-store` like every other.
 */
const SHARED_CACHE: ReadonlyArray<{ readonly path: RegExp; readonly cacheControl: string }> = [
  // The vocabularies change only with a new release (ADR 0065).
  { path: /^\/api\/vocabulary$/, cacheControl: 'public, max-age=3600' },
];

/**
 * `Cache-Control: no-store` on every answer that depends on the caller (issue 9 item 13):
 * any request that carries a credential (valid or not: a 401 says something about it too),
 * and every API answer that is not public. `/api/session` carries the CSRF token and notes
 * may be TLP:RED; no browser or proxy cache may keep them (RFC 9111 §5.2.2.5).
 */
export async function noStoreForCallers<T>(req: FastifyRequest, reply: FastifyReply, payload: T): Promise<T> {
  const path = req.url.split('?')[0] ?? '';
  const credentials = req.auth?.principal != null || req.headers.authorization !== undefined || !!req.cookies?.[SESSION_COOKIE];
  if (credentials || (path.startsWith('/api/') && !PUBLIC_API.test(path))) reply.header('cache-control', 'no-store');
  else if (reply.statusCode === 200) {
    const shared = SHARED_CACHE.find((c) => c.path.test(path));
    if (shared) reply.header('cache-control', shared.cacheControl);
  }
  return payload;
}
