import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger';
import openapi from '../../docs/openapi.json';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 9 item 11: a NUL character (U+0000, `%00`) anywhere in a request is refused at the
 * boundary with a 400 naming the field — on every route of the OpenAPI document, signed in
 * or not — and is never a 500 (nor an error line in the log: a log-flooding vector).
 */
type Operation = { parameters?: { in: string; name: string }[]; requestBody?: unknown };
const operations = Object.entries(openapi.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody !== undefined })),
);
const SOME_ID = '0190f0f0-0000-7000-8000-000000000000';
const fill = (path: string, nul?: string) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === nul ? 'x%00y' : name === 'year' ? '2026' : SOME_ID));

describe('NUL bytes are refused at the boundary', () => {
  let t: TestServer;
  let token: string;
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });

  beforeAll(async () => {
    t = await startTestServer({ AISC_RATE_LIMIT_PER_MINUTE: '100000' }, { log: createLogger('info', sink) });
    const b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    token = (await b.call('POST', '/api/tokens', { name: 'walker', scopes: ['read', 'write', 'admin'] })).json.secret;
  }, 60_000);
  afterAll(async () => t?.close());

  async function send(method: string, url: string, auth: boolean, body?: string) {
    const headers: Record<string, string> = {};
    if (auth) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(t.url + url, { method, headers, body: body ?? null });
    const text = await r.text();
    return { status: r.status, type: r.headers.get('content-type') ?? '', json: text.startsWith('{') ? JSON.parse(text) : null, text };
  }

  function expectNamed(r: Awaited<ReturnType<typeof send>>, what: string, location: string, pointer: string) {
    expect(r.status, `${what} → ${r.status} ${r.text.slice(0, 300)}`).toBe(400);
    expect(r.type, what).toMatch(/^application\/problem\+json/);
    expect(r.json.errors, what).toContainEqual({ location, path: pointer, message: expect.stringMatching(/NUL/) });
  }

  it('walks the document: there is something to walk', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(operations.filter((o) => o.params.some((p) => p.in === 'path')).length).toBeGreaterThan(40);
  });

  for (const auth of [true, false]) {
    const who = auth ? 'signed in' : 'anonymous';

    it(`every path parameter (${who})`, async () => {
      for (const op of operations) {
        for (const p of op.params.filter((x) => x.in === 'path')) {
          const r = await send(op.method, fill(op.path, p.name), auth, op.body ? '{}' : undefined);
          expectNamed(r, `${who} ${op.method} ${op.path} :${p.name}`, 'params', `/${p.name}`);
        }
      }
    }, 120_000);

    it(`every query parameter (${who})`, async () => {
      for (const op of operations) {
        for (const p of op.params.filter((x) => x.in === 'query')) {
          const r = await send(op.method, `${fill(op.path)}?${p.name}=a%00b`, auth, op.body ? '{}' : undefined);
          expectNamed(r, `${who} ${op.method} ${op.path} ?${p.name}`, 'querystring', `/${p.name}`);
        }
      }
    }, 120_000);

    it(`every JSON body, at any depth (${who})`, async () => {
      for (const op of operations.filter((o) => o.body && o.path !== '/api/findings/batch')) {
        const r = await send(op.method, fill(op.path), auth, JSON.stringify({ outer: [{ 'in\u0000ner': 'ok' }, { deep: 'a\u0000b' }] }));
        expectNamed(r, `${who} ${op.method} ${op.path} body`, 'body', '/outer/1/deep');
        expect(r.json.errors, op.path).toContainEqual({ location: 'body', path: '/outer/0', message: expect.stringMatching(/name.*NUL/) });
      }
    }, 120_000);
  }

  it('the anonymous endpoints of the report', async () => {
    expectNamed(await send('GET', '/v1/vulns/AISC%00', false), '/v1/vulns', 'params', '/id');
    expectNamed(await send('GET', '/api/public/advisories?q=a%00b', false), '/api/public/advisories', 'querystring', '/q');
    expectNamed(
      await send('POST', '/v1/query', false, JSON.stringify({ package: { name: 'a\u0000', ecosystem: 'npm' } })),
      '/v1/query',
      'body',
      '/package/name',
    );
  });

  it('a raw NUL in a header never reaches a handler', async () => {
    // Node's HTTP parser refuses it before AISC sees the request.
    const { connect } = await import('node:net');
    const { port } = new URL(t.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const s = connect(Number(port), '127.0.0.1', () =>
        s.end(`POST /api/findings HTTP/1.1\r\nhost: x\r\nidempotency-key: a\u0000b\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}`),
      );
      let text = '';
      s.on('data', (d) => (text += String(d)));
      s.on('end', () => resolve(text));
      s.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('never logs an error for any of them', () => {
    const errors = logs.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });
});
