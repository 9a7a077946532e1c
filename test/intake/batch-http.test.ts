import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHead } from '../../src/store/audit';
import { aiFinding, intakeWorld, type IntakeWorld } from './world';

const ndjson = (items: unknown[]) => items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join('\n');
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('bulk submission (streamed, per-item answers)', () => {
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld();
  }, 60_000);
  afterAll(async () => w?.close());
  const post = (body: string, type: string, headers: Record<string, string> = {}, token = w.reporterA) =>
    w.call(token, 'POST', '/api/findings/batch', body, { 'content-type': type, ...headers });
  const reportCount = async (token = w.analyst) => (await w.call(token, 'GET', '/api/reports?limit=1')).json.total as number;

  it('answers each NDJSON item in order, NDJSON out: accepted, duplicate, and rejected with every problem', async () => {
    const a = aiFinding();
    const deep = `{"description":${'['.repeat(40)}1${']'.repeat(40)}}`;
    const items = [
      a,
      { ...a, provenance: { ...(a.provenance as object), runId: 'retry' } },
      aiFinding({ target: { purl: 'pkg:unknowneco/x@1' } }),
      '{"description": not json',
      deep,
      aiFinding({ severity: { cvss: 'CVSS:3.1/AV:N/AC:Q' }, weakness: { cwe: 'CWE-0' } }),
      aiFinding({ proofOfConcept: [{ name: 'poc.html', mediaType: 'text/html', contentBase64: Buffer.from('<script>').toString('base64') }] }),
      aiFinding({ proofOfConcept: [{ name: 'big.bin', mediaType: 'application/octet-stream', contentBase64: Buffer.alloc(1_100_000, 1).toString('base64') }] }),
      aiFinding({ target: { purl: 'pkg:pypi/django@4.2', affectedVersions: ['not a version!!'] } }),
      aiFinding(),
    ];
    const r = await post(ndjson(items), 'application/x-ndjson');
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/ndjson/);
    const out = lines(r.text);
    const results = out.slice(0, -1);
    expect(out.at(-1)).toEqual({ summary: { received: 10, accepted: 2, duplicate: 1, rejected: 7, replayed: 0 } });
    expect(results.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.map((x) => x.status)).toEqual([
      'accepted',
      'duplicate',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(results[1]).toMatchObject({ reportId: results[0].reportId, match: 'exact' });
    const paths = (i: number) => results[i].problems.map((p: { path: string }) => p.path);
    expect(results[2].problems[0]).toMatchObject({ path: '/target/purl', message: expect.stringMatching(/unknown package ecosystem/) });
    expect(results[3].problems[0].message).toMatch(/not valid JSON/);
    expect(results[4].problems[0].message).toMatch(/nested deeper/);
    expect(paths(5)).toEqual(expect.arrayContaining(['/weakness/cwe']));
    expect(paths(5).some((p: string) => p.startsWith('/severity/cvss'))).toBe(true);
    expect(paths(6)).toEqual(['/proofOfConcept/0/mediaType']);
    expect(paths(7)).toEqual(['/proofOfConcept/0/contentBase64']);
    expect(paths(8)).toEqual(['/target/affectedVersions/0']);
  });

  it('answers a JSON array with a JSON document of items and a summary', async () => {
    const r = await post(JSON.stringify([aiFinding(), { nope: true }]), 'application/json');
    expect(r.status).toBe(200);
    expect(r.json.summary).toEqual({ received: 2, accepted: 1, duplicate: 0, rejected: 1, replayed: 0 });
    expect(r.json.items[1].problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(['/nope', '/description', '/provenance', '/target']));
  });

  it('answers a body that is not an array with a 400 and stores nothing', async () => {
    const before = await chainHead(w.server.server.runtime.ctx.db);
    const r = await post('{"description":"x"}', 'application/json');
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(/expected a JSON array/);
    expect(await chainHead(w.server.server.runtime.ctx.db)).toEqual(before);
  });

  it('makes retries safe: resubmitting the same batch with the same key creates nothing', async () => {
    const batch = ndjson([aiFinding(), aiFinding(), aiFinding()]);
    const first = lines((await post(batch, 'application/x-ndjson', { 'idempotency-key': 'batch-7' })).text);
    const reports = await reportCount();
    const head = await chainHead(w.server.server.runtime.ctx.db);
    const again = lines((await post(batch, 'application/x-ndjson', { 'idempotency-key': 'batch-7' })).text);
    expect(again.at(-1).summary).toMatchObject({ received: 3, accepted: 3, replayed: 3 });
    expect(again.slice(0, 3).map((x) => [x.findingId, x.reportId])).toEqual(first.slice(0, 3).map((x) => [x.findingId, x.reportId]));
    expect(await reportCount()).toBe(reports);
    expect(await chainHead(w.server.server.runtime.ctx.db)).toEqual(head);
  });

  it('answers a reused key with different content as a per-item conflict, the rest unaffected', async () => {
    const keyed = aiFinding({ idempotencyKey: 'item-key-1' });
    await post(ndjson([keyed]), 'application/x-ndjson');
    const r = lines(
      (await post(ndjson([{ ...keyed, description: 'different content entirely, a new text' }, aiFinding(), { ...keyed }]), 'application/x-ndjson')).text,
    );
    expect(r[0]).toMatchObject({ status: 'rejected', code: 'CONFLICT', problems: [{ path: '/idempotencyKey' }] });
    expect(r[1]).toMatchObject({ status: 'accepted' });
    expect(r[2]).toMatchObject({ status: 'accepted', replayed: true });
    const single = await w.call(w.reporterA, 'POST', '/api/findings', { ...keyed, description: 'yet another text' });
    expect(single.status).toBe(409);
  });

  it('treats the same key twice in one batch: same content once, different content as a conflict', async () => {
    const f = aiFinding({ idempotencyKey: 'twice' });
    const r = lines((await post(ndjson([f, f, { ...f, description: 'other text here' }]), 'application/x-ndjson')).text);
    expect(r[0]).toMatchObject({ status: 'accepted' });
    expect(r[1]).toMatchObject({ status: 'accepted', replayed: true, findingId: r[0].findingId });
    expect(r[2]).toMatchObject({ status: 'rejected', code: 'CONFLICT' });
  });

  it('keeps idempotency keys per organisation', async () => {
    const f = aiFinding({ idempotencyKey: 'shared-key' });
    const a = lines((await post(ndjson([f]), 'application/x-ndjson')).text);
    const b = lines((await post(ndjson([{ ...f, description: 'organisation B describes it differently' }]), 'application/x-ndjson', {}, w.reporterB)).text);
    expect(a[0].status).toBe('accepted');
    expect(b[0].status).not.toBe('rejected');
  });

  it('reads a large stream in chunks (more items than one transaction holds)', async () => {
    const many = Array.from({ length: 2_500 }, () => aiFinding());
    const r = lines((await post(ndjson(many), 'application/x-ndjson')).text);
    expect(r.at(-1).summary).toMatchObject({ received: 2_500, accepted: 2_500 });
    expect(r.slice(0, -1).every((x, i) => x.index === i)).toBe(true);
  }, 60_000);
});
