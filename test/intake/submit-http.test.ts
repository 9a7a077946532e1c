import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiFinding, intakeWorld, type IntakeWorld } from './world';

describe('submitting findings over HTTP', () => {
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld();
  }, 60_000);
  afterAll(async () => w?.close());

  it('accepts a new finding as a report, and answers an exact duplicate with that report', async () => {
    const f = aiFinding();
    const first = await w.call(w.reporterA, 'POST', '/api/findings', f);
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ index: 0, status: 'accepted' });
    expect(first.headers.get('x-intake-remaining')).toMatch(/^\d+$/);
    const again = await w.call(w.reporterA, 'POST', '/api/findings', {
      ...f,
      description: `${f.description as string} Found again in a later run.`,
      provenance: { ...(f.provenance as object), runId: 'run-other' },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: 'duplicate', match: 'exact', reportId: first.json.reportId });
  });

  it('names every problem of a bad finding by JSON Pointer and stores nothing', async () => {
    const r = await w.call(
      w.reporterA,
      'POST',
      '/api/findings',
      aiFinding({ target: { purl: 'pkg:nosuchtype/x@1' }, weakness: { cwe: 'CWE-999999' }, severity: { cvss: 'CVSS:3.1/AV:X' } }),
    );
    expect(r.status).toBe(400);
    const paths = r.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/target/purl', '/weakness/cwe']));
    expect(paths.some((p: string) => p.startsWith('/severity/cvss'))).toBe(true);
  });
});
