import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFinding } from '../../src/services/intake/finding-input';
import { cli } from '../helpers/cli';

/**
 * CLI truthfulness (issue 9 item 21), against a stand-in server that answers as AISC's API
 * does: exit codes that tell a partial result from a whole one, the README's example as
 * written, rate limits honoured, and a cve5 export that skips what it cannot express.
 */
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_q, _b, res) => res.writeHead(404).end();
let server: Server;
let url: string;
const root = mkdtempSync(join(tmpdir(), 'aisc-truth-'));
const problem = (res: ServerResponse, status: number, code: string, detail: string, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers }).end(JSON.stringify({ status, code, detail }));

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

const sarif = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'scanner', version: '1.0' } },
      results: [
        {
          ruleId: 'js/xss',
          message: { text: 'Reflected XSS in handler' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.js' }, region: { startLine: 3 } } }],
        },
      ],
    },
  ],
});

describe('aisc submit', () => {
  it('exits 3 when any item was rejected, after printing every answer', async () => {
    handler = (_q, _b, res) =>
      res
        .writeHead(200, { 'content-type': 'application/x-ndjson' })
        .end(
          `${JSON.stringify({ index: 0, status: 'accepted', findingId: 'f', reportId: 'r' })}\n${JSON.stringify({ index: 1, status: 'rejected', code: 'VALIDATION', problems: [{ path: '/weakness/cwe', message: 'unknown CWE' }] })}\n`,
        );
    const file = join(root, 'two.ndjson');
    writeFileSync(file, '{"a":1}\n{"b":2}\n');
    const r = await cli(['submit', file, '--server', url, '--token', 't'], {});
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/2 findings: 1 accepted, 0 duplicate, 1 rejected\n {2}item 1: VALIDATION: \/weakness\/cwe unknown CWE\n$/);
    expect(r.stderr).toMatch(/aisc: 1 of 2 findings rejected \(the others were stored\)\n$/);
  });

  it("runs the README's example as written, and what it sends is a valid finding", async () => {
    const line = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('npx aisc submit '))!;
    const args = line
      .replace(/^npx aisc /, '')
      .split(' ')
      .map((a) => (a === '"$AISC_TOKEN"' ? 't' : a === 'http://localhost:8080' ? url : a === 'scan.sarif' ? join(root, 'scan.sarif') : a));
    writeFileSync(join(root, 'scan.sarif'), sarif);
    let sent: unknown[] = [];
    handler = (_q, body, res) => {
      sent = body
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      res
        .writeHead(200, { 'content-type': 'application/x-ndjson' })
        .end(`${sent.map((_, index) => JSON.stringify({ index, status: 'accepted' })).join('\n')}\n`);
    };
    const r = await cli(args, {});
    expect(r.code, r.stderr).toBe(0);
    expect(sent).toHaveLength(1);
    expect(checkFinding(sent[0], null, 0)).toMatchObject({ ok: true });
    expect(sent[0]).toMatchObject({ provenance: { finderKind: 'ai', model: { name: 'ExampleModel', version: '2026-05' }, autonomy: 'human-validated' } });
  });

  it('reports a problem that ends the answer stream with its own code, after the answers that came before', async () => {
    handler = (_q, _b, res) =>
      res
        .writeHead(200, { 'content-type': 'application/x-ndjson' })
        .end(
          `${JSON.stringify({ index: 0, status: 'accepted' })}\n${JSON.stringify({ error: { status: 429, code: 'RATE_LIMITED', detail: 'Intake budget spent; retry later' } })}\n`,
        );
    const file = join(root, 'two-more.ndjson');
    writeFileSync(file, '{"a":1}\n{"b":2}\n');
    const r = await cli(['submit', file, '--server', url, '--token', 't'], {});
    expect(r.code).toBe(7);
    expect(r.stderr).toBe('\rsubmitted 1/2: 1 accepted, 0 duplicate, 0 rejected\naisc: Intake budget spent; retry later\n');
  });
});

describe('a server answer that is not a problem document', () => {
  it('still gives one line and the exit code its status means', async () => {
    handler = (_q, _b, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
    const r = await cli(['cases', 'list', '--server', url, '--token', 't'], {});
    expect(r.code).toBe(8);
    expect(r.stderr).toBe('aisc: HTTP 502 Bad Gateway\n');
  });
});

describe('aisc export over --server', () => {
  const advisories = ['AISC-2026-00001', 'AISC-2026-00002', 'AISC-2026-00003'];
  it('waits as Retry-After asks, and skips (with a warning, counted) an advisory cve5 cannot express', async () => {
    const limited = new Set<string>();
    handler = (req, _b, res) => {
      const path = new URL(req.url!, url).pathname;
      if (path === '/api/public/advisories')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: advisories.map((id) => ({ id })), total: 3 }));
      const id = decodeURIComponent(path.split('/')[3]!);
      // The rate limit strikes every document once.
      if (!limited.has(id)) {
        limited.add(id);
        return problem(res, 429, 'RATE_LIMITED', 'Rate limit of 600 requests per 1 minute exceeded; retry later', { 'retry-after': '0' });
      }
      if (id === 'AISC-2026-00002') return problem(res, 409, 'CONFLICT', 'Cannot write this advisory as cve5: a CVE record needs a CVE id');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ dataType: 'CVE_RECORD', id }));
    };
    const r = await cli(['export', '--format', 'cve5', '--server', url, '--token', 't'], {});
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['AISC-2026-00001', 'AISC-2026-00003']);
    expect(r.stderr).toBe(
      'export: skipped AISC-2026-00002: Cannot write this advisory as cve5: a CVE record needs a CVE id\nexport: 2 cve5 documents written, 1 skipped\n',
    );
  });

  it('gives up after a bounded number of retries (exit 7)', async () => {
    let calls = 0;
    handler = (_q, _b, res) => {
      calls++;
      problem(res, 429, 'RATE_LIMITED', 'Rate limit exceeded; retry later', { 'retry-after': '0' });
    };
    const r = await cli(['export', '--format', 'osv', '--server', url, '--token', 't'], {});
    expect(r.code).toBe(7);
    expect(calls).toBe(6);
  });
});
