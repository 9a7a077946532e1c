import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Principal, viewerOf } from '../../src/domain/identity/principal';
import { SYSTEM } from '../../src/domain/policy/viewer';
import { getFinding } from '../../src/services/intake/reports';
import { submitChunk } from '../../src/services/intake/submit';
import { listVisibleReports } from '../../src/store/intake/report-queue';
import { findVisibleReport } from '../../src/store/intake/reports';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { aiFinding } from './world';

/** Issue 9 item 1 at the storage level, on PGlite and PostgreSQL (ADR 0013). */
describe.each(DRIVERS)('a duplicate opens nothing, on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;
  let labA: Principal;
  let labB: Principal;
  beforeAll(async () => {
    t = await freshDatabase(driver);
    ctx = contextFor(t.database);
    await makePrincipal(ctx, { coordinator: true, role: 'analyst' });
    labA = await makePrincipal(ctx);
    labB = await makePrincipal(ctx);
  }, 60_000);
  afterAll(() => t.close());
  const submit = async (p: Principal, values: Record<string, unknown>[]) =>
    (
      await submitChunk(
        ctx,
        p,
        values.map((value, index) => ({ index, value })),
        { requestKey: null, source: 'api' },
      )
    ).results;

  it('answers with the submitter’s own finding, leaves the access list alone, and keeps filters from telling', async () => {
    const f = aiFinding();
    const [a] = await submit(labA, [f]);
    const probe = { ...f, provenance: { finderKind: 'ai', model: { name: 'probe-model' }, autonomy: 'fully-autonomous' } };
    // Two probes in one chunk, and an item of Lab B's own that a later item duplicates.
    const own = aiFinding();
    const [b1, b2, mine, again] = await submit(labB, [
      probe,
      { ...probe, description: `${f.description as string} Again.` },
      own,
      { ...own, provenance: { finderKind: 'human' } },
    ]);
    for (const b of [b1, b2]) {
      expect(b).toMatchObject({ status: 'duplicate', findingId: expect.any(String) });
      expect(b).not.toHaveProperty('reportId');
    }
    expect(again).toMatchObject({ status: 'duplicate', reportId: mine!.reportId });
    const report = (await findVisibleReport(t.database.db, SYSTEM, a!.reportId!))!;
    expect(report.accessOrganisations).not.toContain(labB.organisationId);
    expect(report.reporterOrganisations).toEqual([labA.organisationId, labB.organisationId]);
    expect(report.findingCount).toBe(3);
    expect(await findVisibleReport(t.database.db, viewerOf(labB), a!.reportId!)).toBeNull();
    expect((await getFinding(ctx, labB, b1!.findingId!)).reportId).toBeNull();
    for (const f2 of [{ finderOrganisationId: labB.organisationId }, { model: 'probe-model' }]) {
      expect((await listVisibleReports(t.database.db, viewerOf(labA), f2, 'newest', 500, { offset: 0 })).items.map((r) => r.id)).not.toContain(a!.reportId);
      expect((await listVisibleReports(t.database.db, SYSTEM, f2, 'newest', 500, { offset: 0 })).items.map((r) => r.id)).toContain(a!.reportId);
    }
    expect((await listVisibleReports(t.database.db, viewerOf(labB), {}, 'newest', 500, { offset: 0 })).items.map((r) => r.id)).toEqual([mine!.reportId]);
  });
});
