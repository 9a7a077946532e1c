import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { withLocalRuntime } from '../../src/cli/local';
import { cli } from '../helpers/cli';

const osv = (id: string, over: Record<string, unknown> = {}) => ({
  schema_version: '1.7.0',
  id,
  modified: '2025-01-02T00:00:00Z',
  published: '2025-01-01T00:00:00Z',
  summary: `summary of ${id}`,
  affected: [{ package: { ecosystem: 'PyPI', name: 'example-pkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }] }],
  ...over,
});

describe('aisc import and aisc export (local database)', () => {
  let dir: string;
  let env: Record<string, string>;
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aisc-import-'));
    env = { AISC_DATA_DIR: join(dir, 'db') };
    const { PassThrough } = await import('node:stream');
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: { ...env, LOG_LEVEL: 'silent' } };
    await withLocalRuntime(io, (rt) => createOrganisation(rt.ctx, CLI_ACTOR, { name: 'Clearinghouse', kind: 'government_agency', coordinator: true }), {
      create: true,
    });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports NDJSON, reports each bad record with its line and field, and is idempotent', async () => {
    const lines = [
      JSON.stringify(osv('PYSEC-2025-1')),
      '{"id": "broken',
      JSON.stringify(
        osv('PYSEC-2025-2', {
          affected: [{ package: { ecosystem: 'NoSuchEcosystem', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }],
        }),
      ),
      JSON.stringify(osv('PYSEC-2025-1', { summary: 'again, in the same file' })),
      JSON.stringify(osv('PYSEC-2025-3', { severity: [{ type: 'CVSS_V3', score: 'not a vector' }] })),
      JSON.stringify(osv('AISC-2025-00001')),
      JSON.stringify(
        osv('GHSA-aaaa-bbbb-cccc', {
          affected: [{ package: { ecosystem: 'crates.io', name: 'p' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: 'banana' }] }] }],
        }),
      ),
    ];
    const f = file('mixed.ndjson', `${lines.join('\n')}\n`);
    const r = await cli(['import', f, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ created: 1, revised: 0, unchanged: 0 });
    const byLocation = Object.fromEntries(
      out.rejections.map((x: { location: string; problems: { path: string }[] }) => [x.location, x.problems.map((p) => p.path)]),
    );
    expect(Object.keys(byLocation).sort()).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7'].sort());
    expect(byLocation['line 3']).toContain('/affected/0/package/ecosystem');
    expect(byLocation['line 4']).toEqual(['/id']);
    expect(byLocation['line 6']).toEqual(['/id']);
    expect(byLocation['line 7']![0]).toMatch(/^\/affected\/0\/ranges\/0\/events\/1/);
    expect(r.stderr).toMatch(/import: 1\/1 records/);
    expect(byLocation['line 5']!.some((p: string) => p.startsWith('/severity/0'))).toBe(true);
    expect(out.rejected).toBe(6);

    const again = JSON.parse((await cli(['import', f, '--json'], env)).stdout);
    expect(again).toMatchObject({ created: 0, revised: 0, unchanged: 1, rejected: out.rejected });
    const human = await cli(['import', f], env);
    expect(human.stdout).toMatch(/imported: 0 created, 0 revised, 1 unchanged, \d+ rejected/);
    expect(human.stdout).toMatch(/rejected line 3 \(PYSEC-2025-2\): \/affected\/0\/package\/ecosystem /);
  }, 60_000);

  it('detects the format, reads JSON arrays and single documents, and refuses what is not an advisory', async () => {
    const arr = await cli(['import', file('arr.json', JSON.stringify([osv('PYSEC-2025-10'), osv('PYSEC-2025-11')])), '--json'], env);
    expect(JSON.parse(arr.stdout)).toMatchObject({ created: 2, rejected: 0 });
    const one = await cli(['import', file('one.json', JSON.stringify(osv('PYSEC-2025-10', { modified: '2025-03-01T00:00:00Z' }), null, 2)), '--json'], env);
    expect(JSON.parse(one.stdout)).toMatchObject({ created: 0, revised: 1 });
    const sarif = await cli(['import', file('x.sarif', JSON.stringify({ version: '2.1.0', runs: [] }))], env);
    expect(sarif.code).not.toBe(0);
    expect(sarif.stderr).toMatch(/format/);
    const empty = await cli(['import', file('empty.json', '  ')], env);
    expect(empty.code).not.toBe(0);
    const exported = await cli(['export', 'PYSEC-2025-10', '--format', 'osv'], env);
    expect(JSON.parse(exported.stdout)).toMatchObject({ id: 'PYSEC-2025-10', modified: '2025-03-01T00:00:00Z' });
    const all = await cli(['export', '--format', 'osv'], env);
    expect(
      all.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id)
        .sort(),
    ).toEqual(['PYSEC-2025-1', 'PYSEC-2025-10', 'PYSEC-2025-11']);
    expect((await cli(['export', 'PYSEC-2099-1'], env)).code).not.toBe(0);
  }, 60_000);
});
