import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Principal, viewerOf } from '../../src/domain/identity/principal';
import { auditTrail } from '../../src/services/audit';
import { inviteVendors } from '../../src/services/cases/invite';
import { createThread, postMessage } from '../../src/services/cases/messages';
import { openCase } from '../../src/services/cases/open';
import { threadMessages } from '../../src/services/cases/reads';
import { dispatchPending } from '../../src/services/events/dispatch';
import { EventHub } from '../../src/services/events/stream';
import { createWebhook } from '../../src/services/webhooks';
import { listDeliveries } from '../../src/store/webhooks';
import { DRIVERS } from '../helpers/databases';
import { makeOrganisation, makePrincipal } from '../helpers/factories';
import { caseWorld, type CaseWorld } from '../cases/world';

const page = { limit: 50, offset: 0 };

/**
 * Issue 9 item 3: a case message never reaches beyond its thread's audience on any channel.
 * A vendor's client organisation (TLP:AMBER "clients") gets 404 on the case; an AMBER
 * message in that vendor's private thread (or in a case-wide thread) must not reach it
 * through the event stream, its webhooks or its audit trail.
 */
describe.each(DRIVERS)('case messages stay inside the case on %s', (driver) => {
  let w: CaseWorld;
  let clientAdmin: Principal;
  let hookId: string;
  let vendorHookId: string;
  const streamed = new Map<string, string[]>();
  let hub: EventHub;

  beforeAll(async () => {
    w = await caseWorld(driver, 2);
    const client = await makeOrganisation(w.ctx, { name: 'client of vendor A', parentId: w.vendors[0]!.organisationId });
    clientAdmin = await makePrincipal(w.ctx, { organisationId: client.id, role: 'admin' });
    hookId = (await createWebhook(w.ctx, clientAdmin, { url: 'https://client.example.test/hook' })).webhook.id;
    vendorHookId = (await createWebhook(w.ctx, w.vendors[0]!, { url: 'https://vendor.example.test/hook' })).webhook.id;
    await dispatchPending(w.ctx);
    hub = new EventHub(w.ctx, 3_600_000);
    await hub.start();
    for (const [name, p] of [
      ['client', clientAdmin],
      ['vendor', w.vendors[0]!],
    ] as const) {
      streamed.set(name, []);
      await hub.subscribe(viewerOf(p), (e) => streamed.get(name)!.push(e.recordId));
    }
  }, 180_000);
  afterAll(async () => {
    hub.stop();
    await w.t.close();
  });

  it('an AMBER message in a private or case-wide thread reaches the vendor, never its clients', async () => {
    const [a] = w.vendors;
    const c = await openCase(w.ctx, w.analyst, { kind: 'single', title: 'Client leak', summary: 'Vendor A ships it.', reportIds: [await w.acceptedReport()] });
    await inviteVendors(w.ctx, w.analyst, c.id, [a!.organisationId, w.vendors[1]!.organisationId]);
    const privateA = await createThread(w.ctx, w.analyst, c.id, { subject: 'Your patch', vendorOrganisationId: a!.organisationId });
    const everyone = await createThread(w.ctx, w.analyst, c.id, { subject: 'Timeline' });
    const messages = [
      await postMessage(w.ctx, a!, c.id, privateA.id, { body: 'Patch attached.', tlp: 'AMBER' }),
      await postMessage(w.ctx, w.analyst, c.id, privateA.id, { body: 'Thanks.', tlp: 'AMBER' }),
      await postMessage(w.ctx, w.analyst, c.id, everyone.id, { body: 'Fix due in June.', tlp: 'AMBER' }),
    ];
    const ids = messages.map((m) => m.id);
    expect((await threadMessages(w.ctx, a!, c.id, privateA.id, page)).items.map((m) => m.id)).toEqual(ids.slice(0, 2));

    // Event stream.
    await hub.catchUp();
    expect(streamed.get('vendor')).toEqual(expect.arrayContaining(ids));
    expect(streamed.get('client')!.filter((id) => ids.includes(id) || id === c.id)).toEqual([]);

    // Webhooks.
    await dispatchPending(w.ctx);
    const delivered = async (webhookId: string) => (await listDeliveries(w.ctx.db, webhookId, { limit: 1000, offset: 0 })).items.map((d) => d.eventType);
    expect(await delivered(vendorHookId)).toContain('case_message.posted');
    expect(await delivered(hookId)).not.toContain('case_message.posted');

    // Audit trail.
    const audit = await auditTrail(w.ctx, clientAdmin, { recordType: 'case_message', limit: 100, offset: 0 });
    expect(audit.total).toBe(0);
    expect((await auditTrail(w.ctx, a!, { recordType: 'case_message', limit: 100, offset: 0 })).items.map((e) => e.recordId)).toEqual(
      expect.arrayContaining(ids),
    );
    // The message is never more open than its thread: AMBER in an organisation-only thread is AMBER+STRICT.
    expect(messages.map((m) => m.tlp)).toEqual(['AMBER+STRICT', 'AMBER+STRICT', 'AMBER+STRICT']);
  });

  it('a TLP:RED message still names only members of the thread, and reaches only them', async () => {
    const [a] = w.vendors;
    const c = await openCase(w.ctx, w.analyst, { kind: 'single', title: 'Red', summary: 's', reportIds: [await w.acceptedReport()] });
    await inviteVendors(w.ctx, w.analyst, c.id, [a!.organisationId]);
    const privateA = await createThread(w.ctx, w.analyst, c.id, { subject: 'Lead only', vendorOrganisationId: a!.organisationId });
    await expect(postMessage(w.ctx, w.analyst, c.id, privateA.id, { body: 'x', tlp: 'RED', recipients: [clientAdmin.userId] })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: '/recipients/0' }],
    });
    const red = await postMessage(w.ctx, w.analyst, c.id, privateA.id, { body: 'For your PSIRT lead.', tlp: 'RED', recipients: [a!.userId] });
    expect(red.tlp).toBe('RED');
    await hub.catchUp();
    expect(streamed.get('client')).not.toContain(red.id);
  });
});
