import type { Middleware } from 'openapi-fetch';
import { createAiscClient, type paths } from '../../../src/client';
import { ApiError, readProblem } from './problem';

/**
 * The one place the UI talks HTTP: the generated typed client (src/client, from
 * docs/openapi.json) with three middlewares. The session travels in the HttpOnly `aisc_session`
 * cookie; every state-changing request also carries the CSRF token from `GET /api/session`; a
 * failed answer becomes an `ApiError` carrying its problem+json (RFC 9457), so a call either
 * resolves with the typed body or throws — TanStack Query and `useFieldErrors` take it from there.
 */
let csrfToken: string | null = null;
const unauthorisedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever the server answers 401, so the shell can send the user to the login page. */
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

/**
 * A 401 from `/api/session` itself means "nobody is signed in" (GET) or "wrong password" (POST):
 * the caller expects it, and it must not send the user to the login page they are on.
 */
const EXPECTS_UNAUTHORISED = new Set<string>(['/api/session']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

const problems: Middleware = {
  async onResponse({ response, schemaPath }) {
    if (response.ok) return undefined;
    const error = await readProblem(response);
    if (error.status === 401 && !EXPECTS_UNAUTHORISED.has(schemaPath)) {
      for (const listener of unauthorisedListeners) listener();
    }
    throw error;
  },
};

/** Leaves out parameters a form left empty, so the server sees "not given" rather than "". */
function querySerializer(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return search.toString();
}

export const client = createAiscClient({ credentials: 'same-origin', headers: { accept: 'application/json' }, querySerializer });
client.use(csrf, problems);

/**
 * The body of a call that succeeded. Failures never reach here (the `problems` middleware throws
 * them as `ApiError`), so the error branch of openapi-fetch's answer is unreachable.
 */
export async function body<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const answer = await call;
  return answer.data as T;
}

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Success<Rs> = Rs extends { 200: infer R } ? Json<R> : Rs extends { 201: infer R } ? Json<R> : Rs extends { 202: infer R } ? Json<R> : undefined;

/** The success body of an operation, by path and method: `ResponseOf<'/api/reports', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { responses: infer Rs } ? Success<Rs> : never;

/** The JSON request body of an operation: `BodyOf<'/api/cases', 'post'>`. */
export type BodyOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of an operation: `QueryOf<'/api/reports', 'get'>`. */
export type QueryOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

/** One item of a paged list answer (`{ items, total }`). */
export type ItemOf<Page> = Page extends { items: (infer I)[] } ? I : never;

export { ApiError };
/** A named response component of the API (`Schema<'OsvEvent'>`). */
export type { Schema } from '../../../src/client';
