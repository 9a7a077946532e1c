import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_ACTOR } from '../../src/services/actor';
import { importAdvisoriesLocally } from '../../src/services/advisories/import';
import { readImportFile } from '../../src/services/advisories/import-read';
import { osvQueryBatch } from '../../src/services/advisories/osv-api';
import { createOrganisation } from '../../src/services/organisations';
import { openRuntime, type Runtime } from '../../src/runtime/runtime';
import { testConfig } from '../helpers/config';
import { DRIVERS, emptyPostgresDatabase } from '../helpers/databases';

/** One OSV record about `name` in crates.io, affected below 1.4.0. */
const record = (id: string, name: string) => ({
  schema_version: '1.7.0',
  id,
  modified: '2026-05-01T00:00:00Z',
  published: '2026-05-01T00:00:00Z',
  summary: `Memory corruption in ${name}`,
  affected: [{ package: { ecosystem: 'crates.io', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.4.0' }] }] }],
});
const importRecords = (rt: Runtime, ...records: object[]) =>
  importAdvisoriesLocally(rt.ctx, readImportFile(records.map((r) => JSON.stringify(r)).join('\n')).items);

describe.each(DRIVERS)('a runtime without HTTP owns the OSV index (%s)', (driver) => {
  let rt: Runtime;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (driver === 'postgres') ({ url: env.DATABASE_URL, drop } = await emptyPostgresDatabase());
    rt = await openRuntime(testConfig(env));
    await createOrganisation(rt.ctx, CLI_ACTOR, { name: 'Runtime Clearinghouse', kind: 'government_agency', coordinator: true });
  }, 60_000);
  afterAll(async () => {
    await rt?.close();
    await drop?.();
  });

  const ask = async (name: string, version: string) => {
    const index = await rt.ctx.published.settled();
    const { results } = osvQueryBatch(index, [{ package: { ecosystem: 'crates.io', name }, version }], rt.ctx.config.osvIdPrefix);
    return results[0]!.vulns?.map((v) => v.id) ?? [];
  };

  it('is not served before the runtime starts it, then holds what was published and follows later publications', async () => {
    await expect(rt.ctx.published.ready()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect((await importRecords(rt, record('RUSTSEC-2026-9001', 'before-start'))).created).toBe(1);

    await rt.start();
    expect(await ask('before-start', '1.3.9')).toEqual(['RUSTSEC-2026-9001']);
    expect(await ask('before-start', '1.4.0')).toEqual([]);
    expect(await ask('after-start', '1.0.0')).toEqual([]);

    expect((await importRecords(rt, record('RUSTSEC-2026-9002', 'after-start'))).created).toBe(1);
    // Changes reach the index through the outbox tail (events), as on every node.
    await vi.waitFor(async () => expect(await ask('after-start', '1.0.0')).toEqual(['RUSTSEC-2026-9002']), { timeout: 15_000, interval: 50 });
    expect(await ask('after-start', '2.0.0')).toEqual([]);
  }, 60_000);
});
