import { afterEach, describe, expect, it } from 'vitest';
import { forgetIntakeState } from '../../src/services/intake/dedup-registry';
import { submitChunk } from '../../src/services/intake/submit';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { aiFinding } from './world';

const opts = { requestKey: null, source: 'api' };

describe.each(DRIVERS)('intake storage on %s', (driver) => {
  let t: TestDatabase | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('rebuilds the dedup index from the database after a restart', async () => {
    t = await freshDatabase(driver);
    const ctx = contextFor(t.database);
    const p = await makePrincipal(ctx);
    const f = aiFinding();
    const first = (await submitChunk(ctx, p, [{ index: 0, value: f }], opts)).results[0]!;
    expect(first.status).toBe('accepted');
    // As after a restart: the in-memory index is gone and must be rebuilt from the database.
    forgetIntakeState(t.database.db);
    const again = (await submitChunk(ctx, p, [{ index: 0, value: { ...f, provenance: { finderKind: 'human' } } }], opts)).results[0]!;
    expect(again).toMatchObject({ status: 'duplicate', match: 'exact', reportId: first.reportId });
    forgetIntakeState(t.database.db);
    const reworded = { ...f, location: { file: (f.location as { file: string }).file, line: 10_000 }, description: `${f.description as string} Confirmed again.` };
    const near = (await submitChunk(ctx, p, [{ index: 0, value: reworded }], opts)).results[0]!;
    expect(near).toMatchObject({ status: 'duplicate', match: 'near', reportId: first.reportId });
  }, 60_000);

  it('stores a chunk whole: valid items written, invalid ones reported, nothing half-written', async () => {
    t = await freshDatabase(driver);
    const ctx = contextFor(t.database);
    const p = await makePrincipal(ctx);
    const r = await submitChunk(ctx, p, [{ index: 0, value: aiFinding() }, { index: 1, value: aiFinding({ weakness: { cwe: 'CWE-1' } }) }, { index: 2, problem: 'not valid JSON' }, { index: 3, value: aiFinding() }], opts);
    expect(r.results.map((x) => x.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    const { sql } = await import('drizzle-orm');
    const rows = await t.database.db.execute(sql`select (select count(*) from findings)::int as f, (select count(*) from reports)::int as r, (select count(*) from finding_signatures)::int as s`);
    expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({ f: 2, r: 2, s: 2 });
  }, 60_000);
});
