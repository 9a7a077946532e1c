/**
 * A response body as API tests read it: by path, against literal expectations. Tests pin
 * response shapes by value; the types are pinned by the OpenAPI contract test and the
 * generated client, so this is the one place the suite gives up static typing.
 */
// biome-ignore lint/suspicious/noExplicitAny: the one loosely typed response body of the test suite (see the comment above)
export type ResponseJson = any;

/** A tiny cookie-aware HTTP client for API tests (what a browser does, without one). */
export class Browser {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly base: string) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; json: ResponseJson; text: string }> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (body !== undefined && !('content-type' in h)) h['content-type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers: h, body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let json: ResponseJson = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, headers: res.headers, json, text };
  }

  async login(email: string, password: string) {
    const r = await this.call('POST', '/api/session', { email, password });
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
    return r.json;
  }
}

/** Calls with a bearer token. */
export async function withToken(base: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  const json: ResponseJson = text ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, json };
}
