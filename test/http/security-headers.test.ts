import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The security headers (helmet, with the CSP the UI needs) are on every answer — success,
 * 401 and 404 alike — and are exactly the ones helmet 8 builds from our configuration.
 * ADR 0050 computes them once at start-up instead of on every request; this pins that the
 * move changed nothing a browser sees.
 */
const EXPECTED = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  }, 60_000);
  afterAll(async () => t?.close());

  const headersOf = async (path: string, init: RequestInit = {}) => {
    const r = await fetch(t.url + path, init);
    await r.text();
    return { status: r.status, headers: Object.fromEntries(r.headers) };
  };

  it('a success, a 401 and a 404 all carry the same helmet headers; no HSTS without secure cookies; no X-Powered-By', async () => {
    const answers = [
      await headersOf('/healthz'),
      await headersOf('/api/notes/0190f0f0-0000-7000-8000-000000000000', { headers: { authorization: 'Bearer aisc_pat_nope' } }),
      await headersOf('/api/notes/0190f0f0-0000-7000-8000-000000000000'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404]);
    for (const a of answers) {
      expect(a.headers).toMatchObject(EXPECTED);
      expect(a.headers['strict-transport-security']).toBeUndefined();
      expect(a.headers['x-powered-by']).toBeUndefined();
    }
  });
});
