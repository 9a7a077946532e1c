import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerOf, type Principal } from '../../src/domain/identity/principal';
import { ANONYMOUS } from '../../src/domain/policy/viewer';
import { canSee } from '../../src/domain/policy/visibility';
import { CLI_ACTOR } from '../../src/services/actor';
import { createAdvisoryDraft, updateAdvisoryDraft } from '../../src/services/advisories/drafting';
import { advisoryDocument, EXPORT_FORMATS } from '../../src/services/advisories/exports';
import { importAdvisoriesLocally } from '../../src/services/advisories/import';
import { readImportFile } from '../../src/services/advisories/import-read';
import { getAdvisory, getPublishedAdvisory, searchAdvisories, searchPublishedAdvisories } from '../../src/services/advisories/reads';
import { createOrganisation } from '../../src/services/organisations';
import { chainHead } from '../../src/store/audit';
import { eventsAfter } from '../../src/store/outbox';
import { contextFor, DRIVERS, freshDatabase, type TestDatabase } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { advisoryContent } from './fixtures';

/** Issue 9 item 9: a draft is seen by its coordinators and its access list only; imports dated ahead are not public at once. */
describe.each(DRIVERS)('who sees an advisory before publication, on %s', (driver) => {
  let t: TestDatabase;
  let ctx: ReturnType<typeof contextFor>;
  let coordinator: Principal;
  let member: Principal;

  beforeAll(async () => {
    t = await freshDatabase(driver);
    ctx = contextFor(t.database);
    await createOrganisation(ctx, CLI_ACTOR, { name: 'Clearinghouse audience', kind: 'government_agency', coordinator: true });
    coordinator = await makePrincipal(ctx, { coordinator: true, role: 'analyst' });
    member = await makePrincipal(ctx, { role: 'member' });
  });
  afterAll(() => t.close());

  it('refuses a TLP:GREEN, CLEAR or AMBER draft, on creation and on edit, naming the field', async () => {
    const head = await chainHead(ctx.db);
    for (const tlp of ['GREEN', 'CLEAR', 'AMBER'] as const) {
      await expect(createAdvisoryDraft(ctx, coordinator, { content: advisoryContent('green-draft'), marking: { tlp } })).rejects.toMatchObject({
        code: 'VALIDATION',
        details: [{ path: '/marking/tlp' }],
      });
    }
    expect(await chainHead(ctx.db)).toEqual(head);
    const d = await createAdvisoryDraft(ctx, coordinator, { content: advisoryContent('amber-draft') });
    await expect(updateAdvisoryDraft(ctx, coordinator, d.id, { marking: { tlp: 'GREEN' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/marking/tlp' }],
    });
    expect((await getAdvisory(ctx, viewerOf(coordinator), d.id)).marking.tlp).toBe('AMBER+STRICT');
  });

  it('hides every draft from a plain member of another organisation: get, list, count, search, export, events', async () => {
    const since = (await eventsAfter(ctx.db, 0, 100_000)).at(-1)?.seq ?? 0;
    const drafts = [];
    for (const tlp of ['AMBER+STRICT', 'RED'] as const) {
      drafts.push(
        await createAdvisoryDraft(ctx, coordinator, { content: advisoryContent(`hidden-${tlp}`, { title: `HIDDEN-DRAFT-${tlp}` }), marking: { tlp } }),
      );
    }
    const v = viewerOf(member);
    for (const d of drafts) {
      await expect(getAdvisory(ctx, v, d.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      for (const f of EXPORT_FORMATS) await expect(advisoryDocument(ctx, v, d.id, f)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const all = await searchAdvisories(ctx, v, { limit: 100, offset: 0 });
    expect(all).toEqual({ items: [], total: 0 });
    expect((await searchAdvisories(ctx, v, { q: 'HIDDEN-DRAFT', limit: 100, offset: 0 })).total).toBe(0);
    expect((await searchAdvisories(ctx, v, { state: 'draft', limit: 100, offset: 0 })).total).toBe(0);
    expect((await searchPublishedAdvisories(ctx, { q: 'HIDDEN-DRAFT', limit: 100, offset: 0 })).total).toBe(0);
    const events = (await eventsAfter(ctx.db, since, 1000)).filter((e) => e.recordType === 'advisory');
    expect(events.length).toBeGreaterThanOrEqual(drafts.length);
    expect(events.filter((e) => canSee(v, e.marking) || canSee(ANONYMOUS, e.marking))).toEqual([]);
    // the coordinator still sees them all
    expect((await searchAdvisories(ctx, viewerOf(coordinator), { q: 'HIDDEN-DRAFT', limit: 100, offset: 0 })).total).toBe(drafts.length);
  });

  it('refuses an imported record published in the future, naming the date; a past one is imported', async () => {
    const now = ctx.clock.now;
    const record = (id: string, published: Date) => ({
      schema_version: '1.7.0',
      id,
      modified: published.toISOString(),
      published: published.toISOString(),
      summary: `FUTURE-${id}`,
    });
    const ahead = record('GHSA-fut1-fut1-fut1', new Date(now.getTime() + 86_400_000));
    const past = record('GHSA-past-past-past', new Date(now.getTime() - 86_400_000));
    const r = await importAdvisoriesLocally(ctx, readImportFile([ahead, past].map((x) => JSON.stringify(x)).join('\n')).items);
    expect(r).toMatchObject({ created: 1, rejected: 1 });
    expect(r.rejections).toEqual([{ location: 'line 1', id: ahead.id, problems: [{ path: '/published', message: expect.stringContaining(ahead.published) }] }]);
    await expect(getPublishedAdvisory(ctx, ahead.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getAdvisory(ctx, viewerOf(member), ahead.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getPublishedAdvisory(ctx, past.id)).state).toBe('published');
    // once its date has come, the same record imports
    ctx.clock.now = new Date(now.getTime() + 2 * 86_400_000);
    expect(await importAdvisoriesLocally(ctx, readImportFile(JSON.stringify(ahead)).items)).toMatchObject({ created: 1, rejected: 0 });
    ctx.clock.now = now;
  });
  it('exports a draft to a vendor on its access list without its credits, never to the vendor’s clients; its coordinators see the credits (ADR 0014)', async () => {
    const vendor = await makePrincipal(ctx, { role: 'member' });
    const client = await makePrincipal(ctx, { organisationId: (await makeOrganisation(ctx, { parentId: vendor.organisationId })).id });
    const d = await createAdvisoryDraft(ctx, coordinator, {
      content: advisoryContent('credited-draft'),
      marking: { tlp: 'AMBER+STRICT', access: { organisations: [vendor.organisationId] } },
    });
    const creditsIn = async (p: Principal) => ((await advisoryDocument(ctx, viewerOf(p), d.id, 'osv')) as { credits?: unknown[] }).credits ?? [];
    expect(await creditsIn(vendor)).toEqual([]);
    expect(JSON.stringify(await advisoryDocument(ctx, viewerOf(vendor), d.id, 'csaf'))).not.toContain('Frontier Lab');
    expect((await creditsIn(coordinator)).length).toBe(2);
    // The vendor's registered client is not the draft's audience (TLP:AMBER would open it to them).
    await expect(getAdvisory(ctx, viewerOf(client), d.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
