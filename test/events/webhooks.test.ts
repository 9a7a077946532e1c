import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature, SIGNATURE_HEADER } from '../../src/domain/events/signature';
import { Browser } from '../helpers/http';
import { eventually, startReceiver } from '../helpers/receiver';
import { startTestServer, type TestServer } from '../helpers/server';

/** Webhooks end to end: signed deliveries, only what the owner may see, retries, dead letters, re-send. */
describe('webhooks', () => {
  let t: TestServer;
  let admin: Browser;
  beforeAll(async () => {
    t = await startTestServer({ AISC_WEBHOOK_MAX_ATTEMPTS: '3' });
    admin = new Browser(t.url);
    await admin.login(t.admin.email, t.admin.password);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A vendor organisation with an admin, logged in. */
  async function vendor(name: string) {
    const org = await admin.call('POST', '/api/organisations', { name, kind: 'software_vendor' });
    const invite = await admin.call('POST', '/api/users', {
      email: `${name.toLowerCase().replace(/\W/g, '')}@vendor.test`,
      name: `${name} Admin`,
      organisationId: org.json.id,
      role: 'admin',
    });
    const b = new Browser(t.url);
    const token = new URL(invite.json.invitation.url).hash.replace('#token=', '');
    const accepted = await b.call('POST', '/api/invitations/accept', { token, password: 'vendor admin password' });
    expect(accepted.status).toBe(200);
    return { org: org.json, b };
  }

  it('delivers signed events the owner may see, and nothing else', async () => {
    const rx = await startReceiver();
    const v = await vendor('Visible Vendor');
    const hook = await v.b.call('POST', '/api/webhooks', { url: rx.url, eventTypes: ['note.*'] });
    expect(hook.status).toBe(201);
    const secret: string = hook.json.secret;

    // Visible to the vendor: a GREEN note and an AMBER note shared with its organisation.
    const green = await admin.call('POST', '/api/notes', { title: 'green', body: 'b', marking: { tlp: 'GREEN' } });
    const shared = await admin.call('POST', '/api/notes', { title: 'shared', body: 'b', marking: { tlp: 'AMBER', access: { organisations: [v.org.id] } } });
    // Not visible: AMBER not shared, RED, and a SECRET note (organisations hold no clearance).
    await admin.call('POST', '/api/notes', { title: 'amber', body: 'b', marking: { tlp: 'AMBER' } });
    await admin.call('POST', '/api/notes', { title: 'red', body: 'b', marking: { tlp: 'RED', access: { organisations: [v.org.id] } } });
    const rxIds = () => rx.received.map((r) => JSON.parse(r.body).recordId as string);
    await eventually(() => rx.received.length >= 2);
    await new Promise((r) => setTimeout(r, 1500)); // room for any wrong extra delivery to arrive
    expect(rxIds().sort()).toEqual([green.json.id, shared.json.id].sort());

    for (const r of rx.received) {
      const header = String(r.headers[SIGNATURE_HEADER]);
      expect(verifySignature(secret, header, r.body, Math.floor(Date.now() / 1000))).toBe('valid');
      expect(verifySignature('aisc_whsec_wrong', header, r.body, Math.floor(Date.now() / 1000))).toBe('mismatch');
      expect(verifySignature(secret, header, `${r.body} `, Math.floor(Date.now() / 1000))).toBe('mismatch');
      expect(verifySignature(secret, header, r.body, Math.floor(Date.now() / 1000) + 3600)).toBe('expired');
      expect(r.headers['aisc-event-id']).toBe(JSON.parse(r.body).id);
    }
    const log = await v.b.call('GET', `/api/webhooks/${hook.json.webhook.id}/deliveries`);
    expect(log.json.total).toBe(2);
    expect(log.json.items.every((d: { status: string }) => d.status === 'succeeded')).toBe(true);

    // Another organisation cannot see this webhook or its log.
    const other = await vendor('Other Vendor');
    expect((await other.b.call('GET', `/api/webhooks/${hook.json.webhook.id}/deliveries`)).status).toBe(404);
    await rx.close();
  });

  it('retries with backoff, dead-letters after the last attempt, and re-sends on request', async () => {
    let failing = true;
    const rx = await startReceiver(() => (failing ? 503 : 204));
    const v = await vendor('Flaky Vendor');
    const hook = await v.b.call('POST', '/api/webhooks', { url: rx.url, eventTypes: ['note.created'] });
    const deliveries = `/api/webhooks/${hook.json.webhook.id}/deliveries`;
    await admin.call('POST', '/api/notes', { title: 'for the flaky', body: 'b', marking: { tlp: 'GREEN' } });

    await eventually(async () => (await v.b.call('GET', `${deliveries}?status=failed`)).json.total === 1);
    const failed = (await v.b.call('GET', deliveries)).json.items[0];
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 503, lastError: 'receiver answered HTTP 503' });
    expect(Date.parse(failed.nextAttemptAt)).toBeGreaterThan(Date.now() - 1000);

    // Attempts 2 and 3 come after 1 s and 2 s of backoff (base 1 s, doubling, jitter ≤ 25 %).
    await eventually(async () => (await v.b.call('GET', `${deliveries}?status=dead`)).json.total === 1, 30_000);
    const dead = (await v.b.call('GET', deliveries)).json.items[0];
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(rx.received.length).toBe(3);

    failing = false;
    const resent = await v.b.call('POST', `${deliveries}/${dead.id}/resend`);
    expect(resent.status).toBe(202);
    await eventually(async () => (await v.b.call('GET', `${deliveries}?status=succeeded`)).json.total === 1);
    expect(rx.received.length).toBe(4);
    // Every attempt carried the same event id, so the receiver can de-duplicate.
    expect(new Set(rx.received.map((r) => r.headers['aisc-event-id'])).size).toBe(1);
    await rx.close();
  });
});

describe('webhook destinations (SSRF protection)', () => {
  it('classifies internal addresses', async () => {
    const { isInternalAddress } = await import('../../src/services/events/destination');
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.9',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isInternalAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1']) expect(isInternalAddress(a), a).toBe(false);
  });

  it('dead-letters deliveries to internal addresses unless allowed', async () => {
    const rx = await startReceiver();
    const t = await startTestServer({ AISC_WEBHOOK_ALLOW_PRIVATE: 'false' });
    try {
      const b = new Browser(t.url);
      await b.login(t.admin.email, t.admin.password);
      // Registration refuses internal destinations (ADR 0040): re-point the name afterwards, as a DNS change would.
      const hook = await b.call('POST', '/api/webhooks', { url: 'http://93.184.215.14/hook', eventTypes: ['note.created'] });
      const { sql } = await import('drizzle-orm');
      await t.server.runtime.ctx.db.execute(sql`update webhooks set url = ${rx.url.replace('127.0.0.1', 'localhost')} where id = ${hook.json.webhook.id}`);
      await b.call('POST', '/api/notes', { title: 'x', body: 'b', marking: { tlp: 'GREEN' } });
      const deliveries = `/api/webhooks/${hook.json.webhook.id}/deliveries`;
      await eventually(async () => (await b.call('GET', `${deliveries}?status=dead`)).json.total === 1);
      const dead = (await b.call('GET', deliveries)).json.items[0];
      expect(dead.lastError).toMatch(/internal address/);
      expect(rx.received).toHaveLength(0);
    } finally {
      await t.close();
      await rx.close();
    }
  });

  it('checks the addresses the connection uses, so a name re-pointed after the check (DNS rebinding) cannot reach an internal host', async () => {
    const { guardedLookup } = await import('../../src/services/events/destination');
    const { postBody } = await import('../../src/services/events/post');
    const rx = await startReceiver();
    try {
      // A resolver that answers public to the first question and loopback to the next, as a rebinding DNS server does.
      const answers = [[{ address: '93.184.215.14', family: 4 }], [{ address: '127.0.0.1', family: 4 }]];
      let asked = 0;
      const rebinding = guardedLookup(async () => answers[Math.min(asked++, 1)]!);
      const first = await new Promise<unknown>((resolve) => rebinding('receiver.test', { all: true }, (err, a) => resolve(err ?? a)));
      expect(first).toEqual(answers[0]);
      const url = rx.url.replace('127.0.0.1', 'receiver.test');
      const refused = await postBody(url, {}, '{}', { timeoutMs: 5_000, lookup: rebinding }).catch((e: Error) => e);
      expect(refused).toBeInstanceOf(Error);
      expect((refused as Error).message).toMatch(/internal address/);
      expect((refused as Error).message).not.toContain('127.0.0.1');
      expect(rx.received).toHaveLength(0);
      // Unguarded (private destinations allowed), the same receiver is reached.
      expect(await postBody(rx.url.replace('127.0.0.1', 'localhost'), {}, '{}', { timeoutMs: 5_000 })).toBe(200);
      expect(rx.received).toHaveLength(1);
      // Without an injected resolver the real one is used: localhost is refused at connect time too.
      const local = await postBody(rx.url.replace('127.0.0.1', 'localhost'), {}, '{}', { timeoutMs: 5_000, lookup: guardedLookup() }).catch((e: Error) => e);
      expect((local as Error).message).toMatch(/internal address/);
      expect(rx.received).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });
});
