import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import openapi from '../../docs/openapi.json';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 9 item 13: every answer to an authenticated request, and every API answer that
 * depends on the caller, carries `Cache-Control: no-store`; public advisories may be cached.
 */
type Operation = { security?: unknown[]; requestBody?: unknown };
const operations = Object.entries(openapi.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    body: op.requestBody !== undefined,
    public: Array.isArray(op.security) && op.security.length === 0,
  })),
);
const SOME_ID = '0190f0f0-0000-7000-8000-000000000000';
const fill = (path: string) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === 'year' ? '2026' : SOME_ID));
// Walked last: it ends the session.
const order = (ops: typeof operations) => [
  ...ops.filter((o) => !(o.method === 'DELETE' && o.path === '/api/session')),
  ...ops.filter((o) => o.method === 'DELETE' && o.path === '/api/session'),
];

describe('Cache-Control on answers that depend on the caller', () => {
  let t: TestServer;
  let b: Browser;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer({ AISC_RATE_LIMIT_PER_MINUTE: '100000' });
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    token = (await b.call('POST', '/api/tokens', { name: 'walker', scopes: ['read', 'write', 'admin'] })).json.secret;
  }, 60_000);
  afterAll(async () => t?.close());

  const cacheControl = async (method: string, url: string, headers: Record<string, string>, body?: string) => {
    const r = await fetch(t.url + url, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body ?? null,
      signal: AbortSignal.timeout(10_000),
    });
    if (url !== '/api/events/stream') await r.text();
    else await r.body?.cancel();
    return { status: r.status, cacheControl: r.headers.get('cache-control') };
  };

  it('the session answer (it carries the CSRF token) and a TLP:RED note are no-store', async () => {
    const s = await b.call('GET', '/api/session');
    expect(s.json.csrfToken).toBeTruthy();
    expect(s.headers.get('cache-control')).toBe('no-store');
    const login = await new Browser(t.url).call('POST', '/api/session', { email: t.admin.email, password: t.admin.password });
    expect(login.headers.get('cache-control')).toBe('no-store');
    const note = await b.call('POST', '/api/notes', { title: 'red', body: 'only us', marking: { tlp: 'RED' } });
    expect((await b.call('GET', `/api/notes/${note.json.id}`)).headers.get('cache-control')).toBe('no-store');
  });

  it('every route, called with a token or a session: no-store, whatever the status', async () => {
    const wrong: string[] = [];
    for (const op of order(operations)) {
      for (const [who, headers] of [
        ['token', { authorization: `Bearer ${token}` }],
        ['session', { cookie: b.cookie!, 'x-csrf-token': b.csrf! }],
      ] as const) {
        if (who === 'session' && op.method === 'DELETE' && op.path === '/api/session') continue;
        const r = await cacheControl(op.method, fill(op.path), headers, op.body ? '{}' : undefined);
        if (r.cacheControl !== 'no-store' && !(op.path === '/api/events/stream' && r.cacheControl?.startsWith('no-store')))
          wrong.push(`${who} ${op.method} ${op.path} → ${r.status} ${r.cacheControl}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('anonymous: every non-public API answer is no-store (401s too); public advisories may be cached', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const r = await cacheControl(op.method, fill(op.path), {}, op.body ? '{}' : undefined);
      const isPublic = op.public || op.path === '/api/meta';
      if (!isPublic && r.cacheControl !== 'no-store') wrong.push(`${op.method} ${op.path} → ${r.status} ${r.cacheControl}`);
      if (isPublic && r.cacheControl === 'no-store') wrong.push(`public ${op.method} ${op.path} → no-store`);
    }
    expect(wrong).toEqual([]);
    // A bad credential is an answer about the caller too.
    expect((await cacheControl('GET', '/api/public/advisories', { authorization: 'Bearer aisc_pat_nope' })).cacheControl).toBe('no-store');
  }, 120_000);
});
