import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkItems } from '../../src/services/intake/check-items';
import { aiFinding, intakeWorld, type IntakeWorld } from './world';

const ndjson = (items: unknown[]) => items.map((i) => JSON.stringify(i)).join('\n');
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const NUL = expect.stringMatching(/NUL/);

/** Issue 9 items 11 and 12 at the intake boundary: NUL in items, long idempotency keys, every problem at once, PoC file names. */
describe('intake boundary', () => {
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld({ AISC_WORKER: 'false' });
  }, 60_000);
  afterAll(async () => w?.close());

  it('a NUL in a streamed item rejects that item by JSON Pointer; the others go on (NDJSON and JSON array)', async () => {
    const bad = aiFinding({ description: 'before\u0000after', target: { purl: 'pkg:npm/x@1', affectedVersions: ['1', '2\u0000'] } });
    for (const [type, body] of [
      ['application/x-ndjson', ndjson([aiFinding(), bad, aiFinding()])],
      ['application/json', JSON.stringify([aiFinding(), bad, aiFinding()])],
    ] as const) {
      const r = await w.call(w.reporterA, 'POST', '/api/findings/batch', body, { 'content-type': type });
      expect(r.status, r.text).toBe(200);
      const items = type === 'application/json' ? r.json.items : lines(r.text).slice(0, -1);
      expect(items.map((i: { status: string }) => i.status)).toEqual(['accepted', 'rejected', 'accepted']);
      expect(items[1].problems).toEqual(
        expect.arrayContaining([
          { path: '/description', message: NUL },
          { path: '/target/affectedVersions/1', message: NUL },
        ]),
      );
    }
  });

  it('the intake parser names NUL member names and values in converted items too', () => {
    const [c] = checkItems([{ index: 0, value: { ...aiFinding(), location: { 'fi\u0000le': 'x' } } }], null);
    expect(c!.item.ok).toBe(false);
    expect(!c!.item.ok && c!.item.problems).toContainEqual({ path: '/location', message: NUL });
  });

  it('an Idempotency-Key longer than 200 characters is refused, not cut', async () => {
    const long = 'k'.repeat(200);
    for (const [path, body, type] of [
      ['/api/findings', JSON.stringify(aiFinding()), 'application/json'],
      ['/api/findings/batch', ndjson([aiFinding()]), 'application/x-ndjson'],
    ] as const) {
      const r = await w.call(w.reporterA, 'POST', path, body, { 'content-type': type, 'idempotency-key': `${long}-a` });
      expect(r.status, `${path} ${r.text}`).toBe(400);
      expect(r.json.errors).toEqual([{ location: 'headers', path: '/idempotency-key', message: expect.stringMatching(/at most 200/) }]);
    }
    // Two keys that differ only after character 200 are not the same request.
    const ok = await w.call(w.reporterA, 'POST', '/api/findings', aiFinding(), { 'idempotency-key': long });
    expect(ok.status).toBe(201);
    // A finding's own key over 200 characters is named as well.
    const own = await w.call(w.reporterA, 'POST', '/api/findings/batch', ndjson([aiFinding({ idempotencyKey: `${long}x` })]), {
      'content-type': 'application/x-ndjson',
    });
    expect(lines(own.text)[0]).toMatchObject({ status: 'rejected', problems: [{ path: '/idempotencyKey' }] });
  });

  it('schema errors do not hide the semantic errors of the fields that did parse', async () => {
    const f = aiFinding({
      target: { purl: 'pkg:nosuchtype/x@1' },
      weakness: { cwe: 'CWE-999999' },
      severity: { cvss: 'CVSS:3.1/AV:X' },
      location: { line: 'twelve' },
    });
    delete f.description;
    const r = await w.call(w.reporterA, 'POST', '/api/findings', f);
    expect(r.status).toBe(400);
    const paths = r.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/description', '/location/line', '/target/purl', '/weakness/cwe']));
    expect(paths.some((p: string) => p.startsWith('/severity/cvss'))).toBe(true);
    // Semantic checks of the provenance and of each proof of concept too.
    const g = aiFinding({
      provenance: { finderKind: 'ai' },
      proofOfConcept: [{ name: 'a.html', mediaType: 'text/html', contentBase64: 'PGI+' }, { name: 'b' }],
    });
    delete g.description;
    const r2 = await w.call(w.reporterA, 'POST', '/api/findings', g);
    const paths2 = r2.json.errors.map((e: { path: string }) => e.path);
    expect(paths2).toEqual(expect.arrayContaining(['/description', '/provenance/model', '/provenance/autonomy', '/proofOfConcept/1/mediaType']));
    expect(paths2.some((p: string) => p.startsWith('/proofOfConcept/0/'))).toBe(true);
  });

  it('a proof of concept with a non-Latin-1 file name downloads, named by RFC 6266 filename*', async () => {
    const name = '漏洞 PoC "ü"; €.py';
    const a = await w.call(
      w.reporterA,
      'POST',
      '/api/findings',
      aiFinding({ proofOfConcept: [{ name, mediaType: 'text/x-python', contentBase64: Buffer.from('print(1)\n').toString('base64') }] }),
    );
    expect(a.status, a.text).toBe(201);
    const report = await w.call(w.reporterA, 'GET', `/api/reports/${a.json.reportId}`);
    const attachment = report.json.findings[0].proofOfConcept[0];
    expect(attachment.name).toBe(name);
    const r = await fetch(`${w.url}/api/findings/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${w.reporterA}` } });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('print(1)\n');
    const cd = r.headers.get('content-disposition')!;
    expect(cd).toBe(
      `attachment; filename="__ PoC ___; _.py"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const star = /filename\*=UTF-8''(.+)$/.exec(cd)![1]!;
    expect(decodeURIComponent(star)).toBe(name);
  });
});
