import { AppError, type ErrorCode } from '../domain/errors';
import type { CliIo, GlobalOptions } from './io';

/** A thin client of a running AISC server for verbs used with --server and --token. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** How often a rate-limited request is retried, and the longest wait honoured (seconds). */
  static readonly RETRIES = 5;
  static readonly MAX_WAIT_SECONDS = 120;

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let res: Response;
    for (let attempt = 0; ; attempt++) {
      try {
        res = await fetch(new URL(path, this.baseUrl), {
          method,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
        });
      } catch (err) {
        throw new AppError('UNAVAILABLE', `Cannot reach ${this.baseUrl}: ${err instanceof Error ? err.message : String(err)}`);
      }
      // 429: wait as the server asks (RFC 9110 §10.2.3 Retry-After, in seconds), a bounded number of times.
      const wait = Number(res.headers.get('retry-after') ?? '1');
      if (res.status !== 429 || attempt >= ApiClient.RETRIES || !(wait >= 0) || wait > ApiClient.MAX_WAIT_SECONDS) break;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, Math.max(wait, 0.05) * 1000));
    }
    const text = await res.text();
    if (!res.ok) {
      let problem: { code?: string; detail?: string; errors?: { path: string; message: string }[] } = {};
      try {
        problem = JSON.parse(text);
      } catch {
        // not a problem document: fall through with the status line
      }
      const code = (problem.code as ErrorCode) ?? (res.status === 401 ? 'UNAUTHENTICATED' : res.status === 404 ? 'NOT_FOUND' : 'INTERNAL');
      throw new AppError(code, problem.detail ?? `HTTP ${res.status}`, problem.errors ?? []);
    }
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** The client for --server/--token (or AISC_SERVER/AISC_TOKEN), or null to work locally. */
export function remoteClient(io: CliIo, opts: GlobalOptions): ApiClient | null {
  const server = opts.server ?? io.env.AISC_SERVER;
  if (!server) return null;
  const token = opts.token ?? io.env.AISC_TOKEN;
  if (!token) throw new AppError('VALIDATION', '--server needs --token (or AISC_TOKEN)', [{ path: '/token', message: 'required with --server' }]);
  return new ApiClient(server, token);
}
