import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAdvisoryId } from '../../src/domain/advisory/id';
import { viewerOf, type Principal } from '../../src/domain/identity/principal';
import { ANONYMOUS } from '../../src/domain/policy/viewer';
import { createAdvisoryDraft } from '../../src/services/advisories/drafting';
import { publishAdvisory, publishScheduledJob, scheduleAdvisory } from '../../src/services/advisories/publication';
import { advisoryRevisions, getAdvisory, getPublishedAdvisory } from '../../src/services/advisories/reads';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';
import { advisoryContent } from './fixtures';

/**
 * Issue 9 item 8: public advisory ids count publications only. A draft has an internal id;
 * `AISC-YYYY-NNNNN` is allocated in the publication transaction (ADR 0021), so a public id
 * says nothing about how many advisories are still under embargo.
 */
describe.each(DRIVERS)('public advisory ids on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;
  let coordinator: Principal;

  beforeAll(async () => {
    t = await freshDatabase(driver);
    ctx = contextFor(t.database);
    coordinator = await makePrincipal(ctx, { coordinator: true, role: 'analyst' });
  });
  afterAll(() => t.close());

  it('draft three, publish one: the published one is the first of the year; drafts carry no public number', async () => {
    const drafts = [];
    for (const pkg of ['ids-a', 'ids-b', 'ids-c']) drafts.push(await createAdvisoryDraft(ctx, coordinator, { content: advisoryContent(pkg) }));
    for (const d of drafts) expect(parseAdvisoryId(d.id), d.id).toBeNull();
    const published = await publishAdvisory(ctx, coordinator, drafts[2]!.id);
    expect(published.id).toBe('AISC-2026-00001');
    expect(published.osv).toMatchObject({ id: 'AISC-2026-00001' });
    expect((await getPublishedAdvisory(ctx, 'AISC-2026-00001')).title).toBe('Prototype pollution in ids-c');
    expect((await advisoryRevisions(ctx, ANONYMOUS, 'AISC-2026-00001')).map((r) => r.osv.id)).toEqual(['AISC-2026-00001']);
    // the coordinator's old link (the draft id) still finds it; the other drafts are untouched
    expect((await getAdvisory(ctx, viewerOf(coordinator), drafts[2]!.id)).id).toBe('AISC-2026-00001');
    expect((await getAdvisory(ctx, viewerOf(coordinator), drafts[0]!.id)).state).toBe('draft');
    await expect(getPublishedAdvisory(ctx, drafts[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await publishAdvisory(ctx, coordinator, drafts[0]!.id)).id).toBe('AISC-2026-00002');
  });

  it('allocates at publication time for a scheduled advisory too (the job), in the year it is published', async () => {
    const d = await createAdvisoryDraft(ctx, coordinator, { content: advisoryContent('ids-scheduled') });
    const at = new Date('2027-01-01T00:00:10.000Z');
    await scheduleAdvisory(ctx, coordinator, d.id, at);
    ctx.clock.now = new Date(at.getTime() + 1000);
    expect(await publishScheduledJob(ctx, { advisoryId: d.id, publishAt: at.toISOString() }, 1, false)).toEqual({ status: 'done' });
    expect((await getAdvisory(ctx, viewerOf(coordinator), d.id)).id).toBe('AISC-2027-00001');
    // a second run finds it published and does nothing
    expect(await publishScheduledJob(ctx, { advisoryId: d.id, publishAt: at.toISOString() }, 2, false)).toEqual({ status: 'done' });
    expect((await getPublishedAdvisory(ctx, 'AISC-2027-00001')).revision).toBe(1);
  });

  it('gives concurrent publications distinct, gap-free numbers', async () => {
    ctx.clock.now = new Date('2028-03-01T00:00:00.000Z');
    const drafts = await Promise.all(Array.from({ length: 6 }, (_, i) => createAdvisoryDraft(ctx, coordinator, { content: advisoryContent(`ids-c${i}`) })));
    const published = await Promise.all(drafts.map((d) => publishAdvisory(ctx, coordinator, d.id)));
    expect(published.map((p) => p.id).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `AISC-2028-0000${i + 1}`));
  });
});
