import { beforeEach, describe, expect, it } from 'vitest';
import { viewerOf } from '../../src/domain/identity/principal';
import { canSee } from '../../src/domain/policy/visibility';
import { inviteVendors } from '../../src/services/cases/invite';
import { createThread, postMessage } from '../../src/services/cases/messages';
import { openCase } from '../../src/services/cases/open';
import { caseStatements, caseThreads, caseVendors, getCase, searchCases, threadMessages, vendorInbox } from '../../src/services/cases/reads';
import { recordStatement, shareStatement } from '../../src/services/cases/statements';
import { chainHead } from '../../src/store/audit';
import { eventsAfter } from '../../src/store/outbox';
import { databasePerFile } from '../helpers/database-per-file';
import { DRIVERS } from '../helpers/databases';
import { makeCase, makeReport } from '../helpers/factories';
import { caseWorld, type CaseWorld } from './world';

const page = { limit: 50, offset: 0 };

describe.each(DRIVERS)('coordination cases on %s', (driver) => {
  const db = databasePerFile(driver);
  let w: CaseWorld;
  beforeEach(async () => {
    w = await caseWorld(db(), 3);
  }, 60_000);
  /** A case of this test's analyst from one of its reporter's accepted reports, with `invited` of its vendors invited. */
  const caseWith = async (invited: number) => {
    const made = await makeCase(w.ctx, { analyst: w.analyst, reportIds: [await w.acceptedReport()], vendors: w.vendors.slice(0, invited) });
    return { caseId: made.id, vulnId: made.vulnerabilityId };
  };

  it('opens a case from accepted reports only, naming every bad field and writing nothing', async () => {
    const accepted = await w.acceptedReport();
    const head = await chainHead(w.ctx.db);
    const err = await openCase(w.ctx, w.analyst, {
      kind: 'single',
      title: ' ',
      summary: '',
      reportIds: [accepted, '00000000-0000-4000-8000-000000000001'],
      cwe: 'CWE-0',
      vulnerabilities: [
        { title: '', cwe: 'nope', vendorOrganisationId: '00000000-0000-4000-8000-000000000002', reportId: '00000000-0000-4000-8000-000000000003' },
      ],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect((err as { details: { path: string }[] }).details.map((d) => d.path)).toEqual([
      '/title',
      '/summary',
      '/reportIds/1',
      '/cwe',
      '/vulnerabilities/0/title',
      '/vulnerabilities/0/cwe',
      '/vulnerabilities/0/vendorOrganisationId',
      '/vulnerabilities/0/reportId',
    ]);
    expect(await chainHead(w.ctx.db)).toEqual(head);
    await expect(openCase(w.ctx, w.vendors[0]!, { kind: 'single', title: 't', summary: 's', reportIds: [accepted] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const c = await openCase(w.ctx, w.analyst, {
      kind: 'single',
      title: 'Heap overflow in png decoder',
      summary: 'Two vendors ship the decoder.',
      reportIds: [accepted],
    });
    expect(c).toMatchObject({ state: 'open', kind: 'single', reportIds: [accepted], embargo: { state: 'none', publicAt: null } });
    expect((await getCase(w.ctx, w.analyst, c.id)).vulnerabilities).toHaveLength(1);
  });

  it('refuses a report that is not accepted', async () => {
    const r = await makeReport(w.ctx, { reporter: w.reporter, state: 'received' });
    const err = await openCase(w.ctx, w.analyst, { kind: 'single', title: 't', summary: 's', reportIds: [r.id] }).catch((e: unknown) => e);
    expect((err as { details: unknown[] }).details).toEqual([{ path: '/reportIds/0', message: 'the report is received, not accepted' }]);
  });

  it('invites vendors, each notified by an event only it (and the coordinator) receives, and in its inbox', async () => {
    const [a, b] = w.vendors;
    const { caseId } = await caseWith(0);
    const since = (await eventsAfter(w.ctx.db, 0, 100_000)).at(-1)!.seq;
    await expect(
      inviteVendors(w.ctx, w.analyst, caseId, [a!.organisationId, a!.organisationId, w.analyst.organisationId, '00000000-0000-4000-8000-000000000009']),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/organisations/1' }, { path: '/organisations/2' }, { path: '/organisations/3' }],
    });
    const c = await inviteVendors(w.ctx, w.analyst, caseId, [a!.organisationId, b!.organisationId]);
    expect(c).toMatchObject({ state: 'coordinating', vendorCount: 2, firstNoticeAt: w.ctx.clock.now.toISOString(), embargo: { state: 'proposed' } });
    const invited = (await eventsAfter(w.ctx.db, since, 1000)).filter((e) => e.type === 'case_vendor.invited');
    expect(invited).toHaveLength(2);
    for (const e of invited) {
      const mine = e.data.organisationId === a!.organisationId;
      expect(canSee(viewerOf(a!), e.marking)).toBe(mine);
      expect(canSee(viewerOf(b!), e.marking)).toBe(!mine);
      expect(canSee(viewerOf(w.analyst), e.marking)).toBe(true);
    }
    const inbox = await vendorInbox(w.ctx, a!, page);
    expect(inbox.items.map((i) => i.case.id)).toEqual([caseId]);
    expect(inbox.items[0]!.case).not.toHaveProperty('vendorCount');
    expect((await vendorInbox(w.ctx, w.outsider, page)).total).toBe(0);
    await expect(inviteVendors(w.ctx, w.analyst, caseId, [a!.organisationId])).rejects.toMatchObject({
      details: [{ path: '/organisations/0', message: 'already invited' }],
    });
    await expect(inviteVendors(w.ctx, a!, caseId, [w.vendors[2]!.organisationId])).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the case to its coordinators and vendors only', async () => {
    const [a] = w.vendors;
    const { caseId } = await caseWith(2);
    expect((await getCase(w.ctx, a!, caseId)).id).toBe(caseId);
    await expect(getCase(w.ctx, w.vendors[2]!, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getCase(w.ctx, w.outsider, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await searchCases(w.ctx, w.outsider, {}, page)).total).toBe(0);
    expect((await searchCases(w.ctx, a!, {}, page)).items.map((c) => c.id)).toEqual([caseId]);
    // A vendor sees itself in the vendor list, never the others.
    expect((await caseVendors(w.ctx, a!, caseId, page)).items.map((v) => v.organisationId)).toEqual([a!.organisationId]);
    expect((await caseVendors(w.ctx, w.analyst, caseId, page)).total).toBe(2);
  });

  it('keeps each vendor to its own statements until the coordinator shares them', async () => {
    const [a, b] = w.vendors;
    const { caseId, vulnId } = await caseWith(2);
    const head = await chainHead(w.ctx.db);
    const bad = await recordStatement(w.ctx, a!, caseId, vulnId, { status: 'not_affected', justification: 'trust me', fixedVersions: ['1.0'] }).catch(
      (e: unknown) => e,
    );
    expect((bad as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['/justification', '/fixedVersions']);
    expect(await chainHead(w.ctx.db)).toEqual(head);
    const sa = await recordStatement(w.ctx, a!, caseId, vulnId, { status: 'fixed', fixedVersions: ['2.4.1'] });
    const sb = await recordStatement(w.ctx, b!, caseId, vulnId, { status: 'not_affected', justification: 'vulnerable_code_not_present' });
    expect((await caseStatements(w.ctx, a!, caseId, undefined, page)).items.map((s) => s.id)).toEqual([sa.id]);
    expect((await caseStatements(w.ctx, b!, caseId, undefined, page)).items.map((s) => s.id)).toEqual([sb.id]);
    expect((await caseStatements(w.ctx, b!, caseId, a!.organisationId, page)).total).toBe(0);
    expect((await caseStatements(w.ctx, w.analyst, caseId, undefined, page)).total).toBe(2);
    // B cannot touch A's statement, nor speak for A.
    await expect(shareStatement(w.ctx, b!, caseId, sa.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(recordStatement(w.ctx, b!, caseId, vulnId, { status: 'affected', vendorOrganisationId: a!.organisationId })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(recordStatement(w.ctx, w.vendors[2]!, caseId, vulnId, { status: 'affected' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A restatement replaces the old one.
    const again = await recordStatement(w.ctx, a!, caseId, vulnId, { status: 'fixed', fixedVersions: ['2.4.1', '3.0.2'] });
    expect(again).toMatchObject({ id: sa.id, fixedVersions: ['2.4.1', '3.0.2'] });
    await shareStatement(w.ctx, w.analyst, caseId, sa.id);
    expect((await caseStatements(w.ctx, b!, caseId, undefined, page)).items.map((s) => s.id).sort()).toEqual([sa.id, sb.id].sort());
    expect((await caseStatements(w.ctx, a!, caseId, undefined, page)).items.map((s) => s.id)).toEqual([sa.id]);
    // A vendor invited later sees the shared statement, not B's private one.
    await inviteVendors(w.ctx, w.analyst, caseId, [w.vendors[2]!.organisationId]);
    expect((await caseStatements(w.ctx, w.vendors[2]!, caseId, undefined, page)).items.map((s) => s.id)).toEqual([sa.id]);
  });

  it('keeps vendor-private threads private, and labels each message', async () => {
    const [a, b, c] = w.vendors;
    const { caseId } = await caseWith(3);
    const everyone = await createThread(w.ctx, w.analyst, caseId, { subject: 'Timeline' });
    const privateA = await createThread(w.ctx, w.analyst, caseId, { subject: 'Your patch', vendorOrganisationId: a!.organisationId });
    const ownB = await createThread(w.ctx, b!, caseId, { subject: 'Question from B', vendorOrganisationId: a!.organisationId });
    expect(ownB).toMatchObject({ private: true, vendorOrganisationId: b!.organisationId });
    await postMessage(w.ctx, w.analyst, caseId, everyone.id, { body: 'Fix due in June.' });
    await postMessage(w.ctx, a!, caseId, privateA.id, { body: 'Patch attached.', tlp: 'AMBER' });
    const red = await postMessage(w.ctx, w.analyst, caseId, privateA.id, { body: 'For your PSIRT lead only.', tlp: 'RED', recipients: [a!.userId] });
    expect(red.tlp).toBe('RED');
    const threadsOf = async (p: typeof a) => (await caseThreads(w.ctx, p!, caseId, page)).items.map((t) => t.id).sort();
    expect(await threadsOf(a)).toEqual([everyone.id, privateA.id].sort());
    expect(await threadsOf(b)).toEqual([everyone.id, ownB.id].sort());
    expect(await threadsOf(c)).toEqual([everyone.id]);
    await expect(threadMessages(w.ctx, b!, caseId, privateA.id, page)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(postMessage(w.ctx, b!, caseId, privateA.id, { body: 'let me in' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // AMBER asked in an organisation-only thread is AMBER+STRICT: never more open than the thread (issue 9 item 3).
    expect((await threadMessages(w.ctx, a!, caseId, privateA.id, page)).items.map((m) => m.tlp)).toEqual(['AMBER+STRICT', 'RED']);
    // TLP:RED: the analyst's colleagues see the thread but not the message addressed to A's user.
    expect((await threadMessages(w.ctx, w.admin, caseId, privateA.id, page)).items.map((m) => m.tlp)).toEqual(['AMBER+STRICT']);
    expect((await threadMessages(w.ctx, c!, caseId, everyone.id, page)).total).toBe(1);
    const bad = await postMessage(w.ctx, a!, caseId, privateA.id, { body: ' ', tlp: 'CLEAR' as never, recipients: [b!.userId] }).catch((e: unknown) => e);
    expect((bad as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['/body', '/tlp', '/recipients', '/recipients/0']);
  });
});
