import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { viewerOf, type Principal } from '../../src/domain/identity/principal';
import { ANONYMOUS } from '../../src/domain/policy/viewer';
import { createAdvisoryDraft, updateAdvisoryDraft } from '../../src/services/advisories/drafting';
import { advisoryDocument } from '../../src/services/advisories/exports';
import {
  publishAdvisory,
  publishScheduledJob,
  reviseAdvisory,
  scheduleAdvisory,
  unscheduleAdvisory,
  withdrawAdvisory,
} from '../../src/services/advisories/publication';
import { advisoryRevisions, getAdvisory, getPublishedAdvisory, searchAdvisories } from '../../src/services/advisories/reads';
import { parseAdvisoryId } from '../../src/domain/advisory/id';
import { nextAdvisoryNumber } from '../../src/store/advisories/counters';
import { chainHead } from '../../src/store/audit';
import { databasePerFile } from '../helpers/database-per-file';
import { contextFor, DRIVERS } from '../helpers/databases';
import { makeAdvisory, makeAnalyst, makePrincipal, makeVendor } from '../helpers/factories';
import { advisoryContent } from './fixtures';

describe.each(DRIVERS)('advisory publication on %s', (driver) => {
  const db = databasePerFile(driver);
  // Each test has its own clock and people: a coordinator, a vendor and an outsider of new organisations.
  let ctx: ReturnType<typeof contextFor>;
  let coordinator: Principal;
  let vendor: Principal;
  let outsider: Principal;
  beforeEach(async () => {
    ctx = contextFor(db().database);
    coordinator = await makeAnalyst(ctx);
    vendor = await makeVendor(ctx);
    outsider = await makePrincipal(ctx, { role: 'member' });
  }, 60_000);

  it('drafts under embargo, concurrently, with internal ids that count nothing (ADR 0021)', async () => {
    // The file's other tests publish advisories of their own: this one looks for its drafts by their package.
    const tag = `drafts-${randomUUID().slice(0, 8)}`;
    const drafts = await Promise.all(Array.from({ length: 8 }, (_, i) => createAdvisoryDraft(ctx, coordinator, { content: advisoryContent(`${tag}-${i}`) })));
    expect(new Set(drafts.map((d) => d.id)).size).toBe(8);
    for (const d of drafts) expect(d.id).toMatch(/^AISC-DRAFT-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(drafts[0]!.marking.tlp).toBe('AMBER+STRICT');
    expect(drafts[0]!.state).toBe('draft');
    await expect(getAdvisory(ctx, ANONYMOUS, drafts[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getAdvisory(ctx, viewerOf(outsider), drafts[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await searchAdvisories(ctx, ANONYMOUS, { q: tag, limit: 50, offset: 0 })).total).toBe(0);
    expect((await searchAdvisories(ctx, viewerOf(coordinator), { q: tag, limit: 50, offset: 0 })).total).toBe(8);
  });

  it('rolls a failed allocation back without using up its number', async () => {
    const { advisory: a } = await makeAdvisory(ctx, { coordinator, pkg: 'gap-a', state: 'published' });
    await expect(
      ctx.db.transaction(async (tx) => {
        await nextAdvisoryNumber(tx, 2026);
        throw new Error('the publication failed after taking a number');
      }),
    ).rejects.toThrow('failed');
    const { advisory: b } = await makeAdvisory(ctx, { coordinator, pkg: 'gap-c', state: 'published' });
    expect(parseAdvisoryId(b.id)!.n).toBe(parseAdvisoryId(a.id)!.n + 1);
  });

  it('lets only coordinators draft; vendors on the access list see but cannot edit', async () => {
    await expect(createAdvisoryDraft(ctx, vendor, { content: advisoryContent() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const d = await createAdvisoryDraft(ctx, coordinator, {
      content: advisoryContent('shared'),
      marking: { tlp: 'AMBER+STRICT', access: { organisations: [vendor.organisationId] } },
    });
    expect((await getAdvisory(ctx, viewerOf(vendor), d.id)).title).toContain('shared');
    await expect(updateAdvisoryDraft(ctx, vendor, d.id, { content: advisoryContent('x') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateAdvisoryDraft(ctx, outsider, d.id, { content: advisoryContent('x') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad content naming every field, and writes nothing', async () => {
    const head = await chainHead(ctx.db);
    const err = await createAdvisoryDraft(ctx, coordinator, {
      content: advisoryContent('bad', {
        cvss: { v3_1: 'CVSS:3.1/AV:N/AC:L', v4_0: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
        cweIds: ['CWE-x'],
        affected: [
          { ecosystem: 'NoSuchEcosystem', name: 'p', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] },
          { purl: 'not a purl' },
          { cpe: 'cpe:2.3:bad' },
        ],
      }),
    }).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    const paths = err.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/cvss/v3_1', '/cvss/v4_0', '/cweIds/0', '/affected/0/ecosystem', '/affected/1/purl', '/affected/2/cpe']));
    await expect(createAdvisoryDraft(ctx, coordinator, { content: advisoryContent('clear'), marking: { tlp: 'CLEAR' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/marking/tlp' }],
    });
    expect(await chainHead(ctx.db)).toEqual(head);
  });

  it('schedules, publishes by the job at the time (idempotently), revises and withdraws', async () => {
    const d = await createAdvisoryDraft(ctx, coordinator, { content: advisoryContent('flow', { cveId: 'CVE-2026-10001' }) });
    const at = new Date(ctx.clock.now.getTime() + 3_600_000);
    await expect(scheduleAdvisory(ctx, coordinator, d.id, new Date(ctx.clock.now.getTime() - 1))).rejects.toMatchObject({ code: 'VALIDATION' });
    const s = await scheduleAdvisory(ctx, coordinator, d.id, at);
    expect(s.state).toBe('scheduled');
    // early run (another node's clock behind): retried at the time, nothing published
    expect(await publishScheduledJob(ctx, { advisoryId: d.id, publishAt: at.toISOString() }, 1, false)).toMatchObject({ status: 'retry' });
    await expect(getPublishedAdvisory(ctx, d.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    ctx.clock.now = new Date(at.getTime() + 1000);
    // a stale job (from an earlier schedule) does nothing
    expect(await publishScheduledJob(ctx, { advisoryId: d.id, publishAt: new Date(at.getTime() - 5000).toISOString() }, 1, false)).toEqual({ status: 'done' });
    expect((await getAdvisory(ctx, viewerOf(coordinator), d.id)).state).toBe('scheduled');
    expect(await publishScheduledJob(ctx, { advisoryId: d.id, publishAt: at.toISOString() }, 1, false)).toEqual({ status: 'done' });
    const head = await chainHead(ctx.db);
    expect(await publishScheduledJob(ctx, { advisoryId: d.id, publishAt: at.toISOString() }, 2, false)).toEqual({ status: 'done' });
    expect(await chainHead(ctx.db)).toEqual(head);
    // publication gave it its public id; the draft id still finds it for those who may see it
    const id = (await getAdvisory(ctx, viewerOf(coordinator), d.id)).id;
    expect(id).toMatch(/^AISC-2026-\d{5}$/);
    const p = await getPublishedAdvisory(ctx, id);
    expect(p).toMatchObject({ state: 'published', revision: 1, marking: { tlp: 'CLEAR' } });
    expect(p.osv).toMatchObject({ id, aliases: ['CVE-2026-10001'], published: ctx.clock.now.toISOString() });
    await expect(updateAdvisoryDraft(ctx, coordinator, d.id, { content: advisoryContent('x') })).rejects.toMatchObject({ code: 'CONFLICT' });

    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    const r = await reviseAdvisory(
      ctx,
      coordinator,
      d.id,
      advisoryContent('flow', { cveId: 'CVE-2026-10001', title: 'Prototype pollution in flow (all versions before 1.2.3)' }),
      'Clarified the title.',
    );
    expect(r.revision).toBe(2);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    const w = await withdrawAdvisory(ctx, coordinator, d.id, 'duplicate of CVE-2026-9999');
    expect(w).toMatchObject({ state: 'withdrawn', revision: 3 });
    expect((w.osv as { withdrawn: string }).withdrawn).toBe(ctx.clock.now.toISOString());
    const revs = await advisoryRevisions(ctx, ANONYMOUS, id);
    expect(revs.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(revs[0]!.osv.summary).toBe('Prototype pollution in flow');
    expect(revs[1]!.osv.published).toBe(revs[0]!.osv.published);
    await expect(withdrawAdvisory(ctx, coordinator, d.id, 'again')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(publishAdvisory(ctx, coordinator, d.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const csaf = (await advisoryDocument(ctx, ANONYMOUS, id, 'csaf')) as { document: { tracking: { revision_history: unknown[]; version: string } } };
    expect(csaf.document.tracking.revision_history).toHaveLength(3);
    expect(csaf.document.tracking.version).toBe('3');
  });

  it('unschedules back to draft and publishes now', async () => {
    const at = new Date(ctx.clock.now.getTime() + 60_000);
    const { advisory: d } = await makeAdvisory(ctx, { coordinator, pkg: 'now', state: 'scheduled', publishAt: at });
    expect((await unscheduleAdvisory(ctx, coordinator, d.id)).state).toBe('draft');
    ctx.clock.now = new Date(at.getTime() + 1);
    expect(await publishScheduledJob(ctx, { advisoryId: d.id, publishAt: at.toISOString() }, 1, false)).toEqual({ status: 'done' });
    await expect(getPublishedAdvisory(ctx, d.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const published = await publishAdvisory(ctx, coordinator, d.id);
    expect(published.state).toBe('published');
    expect((await getPublishedAdvisory(ctx, published.id)).marking.access).toEqual({ organisations: [], users: [] });
  });
});
