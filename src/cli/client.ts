import { type AiscClient, createAiscClient, type Schema } from '../client';
import { AppError, type ErrorCode } from '../domain/errors';
import { EXIT_CODES } from './exit-codes';
import type { CliIo, GlobalOptions } from './io';

/** How often a rate-limited request is retried, and the longest wait honoured (seconds). */
export const RETRIES = 5;
export const MAX_WAIT_SECONDS = 120;

/**
 * The fetch the CLI's client uses: an unreachable server is UNAVAILABLE (exit 8), and a 429
 * waits as the server asks (RFC 9110 §10.2.3 Retry-After, in seconds) a bounded number of
 * times. The request is cloned per attempt because a sent body cannot be sent again.
 */
function patientFetch(baseUrl: string): (request: Request) => Promise<Response> {
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(request.clone());
      } catch (err) {
        throw new AppError('UNAVAILABLE', `Cannot reach ${baseUrl}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const wait = Number(res.headers.get('retry-after') ?? '1');
      if (res.status !== 429 || attempt >= RETRIES || !(wait >= 0) || wait > MAX_WAIT_SECONDS) return res;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, Math.max(wait, 0.05) * 1000));
    }
  };
}

/** The client for --server/--token (or AISC_SERVER/AISC_TOKEN), or null to work locally. */
export function remoteClient(io: CliIo, opts: GlobalOptions): AiscClient | null {
  const server = opts.server ?? io.env.AISC_SERVER;
  if (!server) return null;
  const token = opts.token ?? io.env.AISC_TOKEN;
  if (!token) throw new AppError('VALIDATION', '--server needs --token (or AISC_TOKEN)', [{ path: '/token', message: 'required with --server' }]);
  return createAiscClient({
    baseUrl: server,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    fetch: patientFetch(server),
  });
}

/**
 * Sends a file as the raw body of a POST (a route whose body is the file itself, which the typed
 * client has no body type for: an Inspect log). Same server, token and patience as
 * `remoteClient`; a failure is the server's problem as an AppError.
 */
export async function remoteUpload(
  io: CliIo,
  opts: GlobalOptions,
  path: string,
  query: Readonly<Record<string, string>>,
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
): Promise<{ status: number; body: unknown } | null> {
  const server = opts.server ?? io.env.AISC_SERVER;
  if (!server) return null;
  const token = opts.token ?? io.env.AISC_TOKEN;
  if (!token) throw new AppError('VALIDATION', '--server needs --token (or AISC_TOKEN)', [{ path: '/token', message: 'required with --server' }]);
  const url = new URL(path, server.endsWith('/') ? server : `${server}/`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await patientFetch(server)(
    new Request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': contentType },
      body: bytes,
    }),
  );
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) throw problemError(body, res);
  return { status: res.status, body };
}

/** A status without a problem document (a proxy's answer, say) still gets the code its status means. */
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(EXIT_CODES, code);

/**
 * The server's RFC 9457 problem document as the CLI's one error type: its stable code (so the
 * exit code is the one the same error has locally), its detail, and every bad field it names.
 */
export function problemError(error: unknown, response: Response): AppError {
  // The body is the server's word, not yet checked: every field is read defensively.
  const problem = (typeof error === 'object' && error !== null ? error : {}) as Partial<Schema<'Problem'>>;
  const code = isErrorCode(problem.code) ? problem.code : (CODE_OF_STATUS[response.status] ?? 'INTERNAL');
  const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : `HTTP ${response.status} ${response.statusText}`.trim();
  const details = (Array.isArray(problem.errors) ? problem.errors : [])
    .filter((e) => typeof e?.path === 'string' && typeof e.message === 'string')
    .map(({ path, message }) => ({ path, message }));
  return new AppError(code, detail, details);
}

type Answer = { data?: unknown; error?: unknown; response: Response };
/** What a success carries; an operation the contract gives no success body (a raw document) is `unknown`. */
type DataOf<A extends Answer> = [Exclude<A['data'], undefined>] extends [never] ? unknown : Exclude<A['data'], undefined>;

/**
 * Awaits one call of the typed client: its success body, or the server's problem as an
 * AppError (reported by `reportError` as one line and an exit code).
 */
export async function ok<A extends Answer>(pending: Promise<A>): Promise<DataOf<A>> {
  const { data, error, response } = await pending;
  if (!response.ok) throw problemError(error, response);
  return data as DataOf<A>;
}
