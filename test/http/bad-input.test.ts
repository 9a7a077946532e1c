import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger';
import { chainHead } from '../../src/store/audit';
import { Browser, type ResponseJson, withToken } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Every bad input of issue 2 gets a clear 4xx problem+json naming the bad fields, and
 * writes nothing (the audit chain's head does not move). Secrets never reach the logs.
 */
describe('bad input and failure', () => {
  let t: TestServer;
  let b: Browser;
  let token: string;
  const clock = { now: new Date() };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });

  beforeAll(async () => {
    t = await startTestServer({ AISC_BODY_LIMIT_BYTES: '4096', AISC_SESSION_HOURS: '1' }, { now: () => new Date(clock.now), log: createLogger('trace', sink) });
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    token = (await b.call('POST', '/api/tokens', { name: 'script', scopes: ['read', 'write', 'admin'] })).json.secret;
  });
  afterAll(async () => {
    await t.close();
  });

  const head = async () => (await chainHead(t.server.runtime.ctx.db))?.seq ?? 0;

  /** Sends a bad request and checks the answer is a problem that wrote nothing. */
  async function rejected(send: () => Promise<{ status: number; headers: Headers; json: ResponseJson }>, status: number) {
    const before = await head();
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.json).toMatchObject({
      status,
      type: expect.stringMatching(/^https:/),
      title: expect.any(String),
      detail: expect.any(String),
      requestId: expect.any(String),
    });
    expect(await head()).toBe(before);
    return r.json;
  }

  it('malformed JSON', async () => {
    const p = await rejected(() => b.call('POST', '/api/organisations', '{"name": "x", ', { 'content-type': 'application/json' }), 400);
    expect(p.detail).toMatch(/not valid JSON/);
  });

  it('wrong types: every bad field named', async () => {
    const p = await rejected(() => b.call('POST', '/api/organisations', { name: 42, kind: 'pirate', sectors: 'energy' }), 400);
    expect(p.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/kind', '/name', '/sectors']);
  });

  it('unknown fields: each named', async () => {
    const p = await rejected(() => b.call('POST', '/api/organisations', { name: 'Fine', kind: 'researcher', colour: 'red', extra: 1 }), 400);
    expect(p.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/colour', '/extra']);
    expect(p.errors[0].message).toBe('unknown field');
  });

  it('nested bad fields carry their full path', async () => {
    const p = await rejected(() => b.call('POST', '/api/notes', { title: '', body: 'x', marking: { tlp: 'PURPLE', access: { users: ['nope'] } } }), 400);
    expect(p.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/marking/access/users/0', '/marking/tlp', '/title']);
  });

  it('semantic errors name the field too', async () => {
    const p = await rejected(() => b.call('POST', '/api/organisations', { name: 'Grid Co', kind: 'critical_infrastructure_operator' }), 400);
    expect(p.errors).toEqual([{ path: '/sectors', message: 'a critical-infrastructure operator names at least one sector' }]);
  });

  it('bad query parameters', async () => {
    const p = await rejected(() => b.call('GET', '/api/organisations?limit=0&colour=red'), 400);
    expect(p.errors.map((e: { path: string; location: string }) => `${e.location}:${e.path}`).sort()).toEqual(['querystring:/colour', 'querystring:/limit']);
  });

  it('oversize bodies', async () => {
    await rejected(() => b.call('POST', '/api/notes', { title: 'big', body: 'x'.repeat(10_000), marking: { tlp: 'RED' } }), 413);
  });

  it('unsupported media types', async () => {
    await rejected(() => b.call('POST', '/api/organisations', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  });

  it('bad, revoked and malformed tokens', async () => {
    await rejected(() => withToken(t.url, 'aisc_pat_not-a-real-token', 'GET', '/api/tokens'), 401);
    await rejected(
      () =>
        fetch(`${t.url}/api/tokens`, { headers: { authorization: 'Basic abc' } }).then(async (r) => ({
          status: r.status,
          headers: r.headers,
          json: await r.json(),
        })),
      401,
    );
    const made = await b.call('POST', '/api/tokens', { name: 'short-lived', scopes: ['read'] });
    expect((await withToken(t.url, made.json.secret, 'GET', '/api/tokens')).status).toBe(200);
    await b.call('DELETE', `/api/tokens/${made.json.token.id}`);
    await rejected(() => withToken(t.url, made.json.secret, 'GET', '/api/tokens'), 401);
  });

  it('a read-only token cannot write', async () => {
    const ro = await b.call('POST', '/api/tokens', { name: 'reader', scopes: ['read'] });
    await rejected(() => withToken(t.url, ro.json.secret, 'POST', '/api/notes', { title: 't', body: 'b', marking: { tlp: 'RED' } }), 403);
  });

  it('expired sessions', async () => {
    const other = new Browser(t.url);
    await other.login(t.admin.email, t.admin.password);
    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
    try {
      await rejected(() => other.call('GET', '/api/tokens'), 401);
    } finally {
      clock.now = new Date();
    }
  });

  it('CSRF: cookie-authenticated writes without the token are refused', async () => {
    await rejected(() => b.call('POST', '/api/tokens', { name: 'csrf', scopes: ['read'] }, { 'x-csrf-token': '' }), 403);
    await rejected(() => b.call('POST', '/api/tokens', { name: 'csrf', scopes: ['read'] }, { 'x-csrf-token': 'forged-value-forged-value-forged-' }), 403);
  });

  it('path traversal never reaches the file system', async () => {
    for (const path of ['/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/api/notes/..%2f..%2fetc%2fpasswd']) {
      const r = await fetch(t.url + path);
      const text = await r.text();
      // Either refused, or (after the client normalises the dots away) the UI's own page.
      expect(r.status === 404 || r.status === 400 || (r.status === 200 && text.toLowerCase().includes('<!doctype html')), `${path} → ${r.status}`).toBe(true);
      expect(text, path).not.toMatch(/root:x:0:0|"name": "aisc"|"private": true/);
    }
  });

  it('records one may not see answer 404, like missing ones', async () => {
    const secret = await withToken(t.url, token, 'POST', '/api/notes', { title: 'only me', body: 'b', marking: { tlp: 'RED' } });
    expect(secret.status).toBe(201);
    const stranger = await new Browser(t.url).call('GET', `/api/notes/${secret.json.id}`);
    const missing = await new Browser(t.url).call('GET', `/api/notes/${crypto.randomUUID()}`);
    expect(stranger.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(stranger.json.detail).toBe(missing.json.detail);
  });

  it('secrets never appear in logs, errors or events', async () => {
    const hook = await b.call('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/hook' });
    expect(hook.status).toBe(201);
    const { outbox, auditLog } = await import('../../src/store/schema/index');
    const db = t.server.runtime.ctx.db;
    const stored = JSON.stringify([await db.select().from(outbox), await db.select().from(auditLog)]);
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(1000);
    for (const secret of [t.admin.password, token, hook.json.secret, b.cookie!.split('=')[1]!, b.csrf!]) {
      expect(all).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });
});

describe('rate limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ AISC_RATE_LIMIT_PER_MINUTE: '5', AISC_LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 problem+json with Retry-After per IP', async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${t.url}/api/meta`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[6]).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await last!.json()).code).toBe('RATE_LIMITED');
  });

  it('limits login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${t.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.1' },
        body: JSON.stringify({ email: 'a@b.test', password: 'wrong password' }),
      });
      statuses.push(r.status);
    }
    expect(statuses).toContain(429);
  });
});
