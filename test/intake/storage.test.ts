import { afterEach, describe, expect, it } from 'vitest';
import { submitChunk, submitStream } from '../../src/services/intake/submit';
import { ThreadChecker } from '../../src/runtime/intake-checker';
import { createLogger } from '../../src/runtime/logger';
import type { ItemResult } from '../../src/services/intake/results';
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
    ctx.intake.forget();
    const again = (await submitChunk(ctx, p, [{ index: 0, value: { ...f, provenance: { finderKind: 'human' } } }], opts)).results[0]!;
    expect(again).toMatchObject({ status: 'duplicate', match: 'exact', reportId: first.reportId });
    ctx.intake.forget();
    const reworded = {
      ...f,
      location: { file: (f.location as { file: string }).file, line: 10_000 },
      description: `${f.description as string} Confirmed again.`,
    };
    const near = (await submitChunk(ctx, p, [{ index: 0, value: reworded }], opts)).results[0]!;
    expect(near).toMatchObject({ status: 'duplicate', match: 'near', reportId: first.reportId });
  }, 120_000);

  it('checks a stream one chunk ahead on the intake thread and still answers in order, duplicates across chunks found', async () => {
    t = await freshDatabase(driver);
    const checker = new ThreadChecker(createLogger('silent'));
    const ctx = { ...contextFor(t.database), checker };
    const p = await makePrincipal(ctx);
    const items = Array.from({ length: 10 }, () => aiFinding());
    items[7] = { ...items[1]!, description: `${items[1]!.description as string} Seen again.` };
    items[4] = aiFinding({ weakness: { cwe: 'CWE-1' } });
    const answered: ItemResult[][] = [];
    async function* raw() {
      for (const [index, value] of items.entries()) yield index === 8 ? { index, text: JSON.stringify(value) } : { index, value };
      yield { index: 10, text: '[1,' };
    }
    try {
      const { summary } = await submitStream(ctx, p, raw(), { ...opts, chunkSize: 3, onResults: (r) => void answered.push([...r]) });
      expect(answered.map((r) => r.length)).toEqual([3, 3, 3, 2]);
      const flat = answered.flat();
      expect(flat.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(flat.map((r) => r.status)).toEqual([
        'accepted',
        'accepted',
        'accepted',
        'accepted',
        'rejected',
        'accepted',
        'accepted',
        'duplicate',
        'accepted',
        'accepted',
        'rejected',
      ]);
      expect(flat[7]).toMatchObject({ match: 'exact', reportId: flat[1]!.reportId });
      expect(summary).toMatchObject({ received: 11, accepted: 8, duplicate: 1, rejected: 2 });
    } finally {
      await checker.close();
    }
  }, 60_000);

  it('stores a chunk whole: valid items written, invalid ones reported, nothing half-written', async () => {
    t = await freshDatabase(driver);
    const ctx = contextFor(t.database);
    const p = await makePrincipal(ctx);
    const r = await submitChunk(
      ctx,
      p,
      [
        { index: 0, value: aiFinding() },
        { index: 1, value: aiFinding({ weakness: { cwe: 'CWE-1' } }) },
        { index: 2, problem: 'not valid JSON' },
        { index: 3, value: aiFinding() },
      ],
      opts,
    );
    expect(r.results.map((x) => x.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    const { sql } = await import('drizzle-orm');
    const rows = await t.database.db.execute(
      sql`select (select count(*) from findings)::int as f, (select count(*) from reports)::int as r, (select count(*) from finding_dedup_keys where signature is not null)::int as s`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({ f: 2, r: 2, s: 2 });
  }, 60_000);
});
