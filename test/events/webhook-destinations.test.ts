import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryFailure, embeddedIPv4, guardedLookup, ipv6Groups, isInternalAddress, withoutAddresses } from '../../src/services/events/destination';
import { Browser } from '../helpers/http';
import { eventually } from '../helpers/receiver';
import { startTestServer, type TestServer } from '../helpers/server';

/** Issue 9 item 14: every IPv6 form of an internal address, checked at registration and delivery, and no resolved address in the delivery log. */
describe('webhook destination ranges', () => {
  const INTERNAL = [
    // IPv4
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.9',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '192.0.2.7',
    '198.51.100.7',
    '203.0.113.7',
    '224.0.0.1',
    '255.255.255.255',
    // IPv6 itself
    '::',
    '::1',
    '0:0:0:0:0:0:0:1',
    'fd00::1',
    'fc00::1',
    'fe80::1',
    'fe80::1%eth0',
    'fec0::1',
    'feff::1',
    'ff02::1',
    '100::1',
    '2001:db8::1',
    // IPv4-compatible ::/96 (RFC 4291 §2.5.5.1)
    '::7f00:1',
    '::127.0.0.1',
    '::a9fe:a9fe',
    '::10.0.0.1',
    // IPv4-mapped ::ffff:0:0/96, in both notations and any case
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::FFFF:7F00:1',
    '0:0:0:0:0:ffff:a00:1',
    '::ffff:192.168.0.1',
    // IPv4-translated ::ffff:0:0:0/96 (RFC 6145)
    '::ffff:0:7f00:1',
    '::ffff:0:10.0.0.1',
    // NAT64 64:ff9b::/96 (RFC 6052) and local-use 64:ff9b:1::/48 (RFC 8215)
    '64:ff9b::7f00:1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::c0a8:1',
    '64:ff9b:1::808:808',
    // 6to4 2002::/16 (RFC 3056)
    '2002:7f00:1::1',
    '2002:a9fe:a9fe::1',
    '2002:c0a8:101::',
    '2002:a00:1:1::1',
    // Teredo 2001::/32 (RFC 4380): an internal server, or an internal client (inverted bits)
    '2001:0:a00:1::1',
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
  ];
  const PUBLIC = [
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '::8.8.8.8',
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
  ];

  it.each(INTERNAL)('%s is internal', (a) => expect(isInternalAddress(a)).toBe(true));
  it.each(PUBLIC)('%s is public', (a) => expect(isInternalAddress(a)).toBe(false));

  it('reads IPv6 literals in every notation and finds the IPv4 they carry', () => {
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Groups('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups('1::2::3')).toBeNull();
    expect(embeddedIPv4(ipv6Groups('64:ff9b::c000:221')!)).toEqual(['192.0.2.33']);
    expect(embeddedIPv4(ipv6Groups('2002:c000:221::1')!)).toEqual(['192.0.2.33']);
    expect(embeddedIPv4(ipv6Groups('2001:0:4136:e378:8000:63bf:3fff:fdd2')!)).toEqual(['65.54.227.120', '192.0.2.45']);
    expect(embeddedIPv4(ipv6Groups('2606:4700::1')!)).toEqual([]);
  });

  it('names failures without the address connected to', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:443'), { code: 'ECONNREFUSED' });
    expect(deliveryFailure(refused)).toBe('connection refused');
    expect(deliveryFailure(new Error('connect EWEIRD 10.0.0.5:443 and [fd00::7]:8443 and fd00::8'))).toBe(
      'Error: connect EWEIRD [address] and [address] and [address]',
    );
    expect(deliveryFailure(Object.assign(new Error('The operation was aborted'), { name: 'TimeoutError' }))).toBe('timed out');
    expect(withoutAddresses('at 12:30:45 nothing')).toBe('at 12:30:45 nothing');
  });

  it('the connection guard refuses without saying where the name points', async () => {
    const lookup = guardedLookup(async () => [{ address: '10.9.8.7', family: 4 }]);
    const err = await new Promise<Error | null>((resolve) => lookup('inside.example', { all: true }, (e) => resolve(e)));
    expect(err?.message).toMatch(/internal address/);
    expect(err?.message).not.toContain('10.9.8.7');
  });
});

describe('webhook destinations over HTTP (private destinations not allowed)', () => {
  let t: TestServer;
  let b: Browser;
  beforeAll(async () => {
    t = await startTestServer({ AISC_WEBHOOK_ALLOW_PRIVATE: 'false', AISC_WEBHOOK_MAX_ATTEMPTS: '1' });
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses an internal destination when a webhook is registered or changed, naming /url and no address', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://[::7f00:1]/x',
      'http://[::ffff:7f00:1]/x',
      'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
      'http://[2002:a9fe:a9fe::1]/',
      'http://[fec0::1]/',
      'http://localhost:9/x',
      'http://0x7f.1/x',
      'http://2130706433/x',
    ]) {
      const r = await b.call('POST', '/api/webhooks', { url });
      expect(r.status, `${url} ${r.text}`).toBe(400);
      expect(r.json.errors).toEqual([{ path: '/url', message: expect.stringMatching(/internal/) }]);
      expect(r.text).not.toMatch(/127\.0\.0\.1|::1\b/);
    }
    const ok = await b.call('POST', '/api/webhooks', { url: 'http://93.184.215.14/hook', eventTypes: ['user.created'] });
    expect(ok.status).toBe(201);
    const moved = await b.call('PATCH', `/api/webhooks/${ok.json.webhook.id}`, { url: 'http://[::ffff:10.0.0.1]/hook' });
    expect(moved.status).toBe(400);
    expect(moved.json.errors).toEqual([{ path: '/url', message: expect.stringMatching(/internal/) }]);
    expect((await b.call('GET', '/api/webhooks')).json.items.find((h: { id: string }) => h.id === ok.json.webhook.id).url).toBe('http://93.184.215.14/hook');
    expect((await b.call('PATCH', `/api/webhooks/${ok.json.webhook.id}`, { description: 'still fine' })).status).toBe(200);
  });

  it('a name re-pointed inside after registration is dead-lettered, and the log never says what it resolved to', async () => {
    const hook = await b.call('POST', '/api/webhooks', { url: 'http://93.184.215.14/other', eventTypes: ['note.created'] });
    expect(hook.status).toBe(201);
    // As if the name's DNS answer changed after registration.
    await t.server.runtime.ctx.db.execute(sql`update webhooks set url = 'http://localhost:9/hook' where id = ${hook.json.webhook.id}`);
    await b.call('POST', '/api/notes', { title: 'x', body: 'b', marking: { tlp: 'GREEN' } });
    const deliveries = `/api/webhooks/${hook.json.webhook.id}/deliveries`;
    await eventually(async () => (await b.call('GET', `${deliveries}?status=dead`)).json.total === 1);
    const dead = await b.call('GET', deliveries);
    expect(dead.json.items[0].lastError).toMatch(/internal address/);
    expect(dead.text).not.toMatch(/127\.0\.0\.1|::1\b/);
    // Rows written before this rule are shown without their addresses too.
    await t.server.runtime.ctx.db.execute(
      sql`update webhook_deliveries set last_error = 'Error: connect ECONNREFUSED 10.9.8.7:443' where webhook_id = ${hook.json.webhook.id}`,
    );
    const old = await b.call('GET', deliveries);
    expect(old.json.items[0].lastError).toBe('Error: connect ECONNREFUSED [address]');
  });
});

describe('webhook delivery failures (private destinations allowed)', () => {
  it('a refused connection is logged as such, without the address the name resolved to', async () => {
    const t = await startTestServer({ AISC_WEBHOOK_MAX_ATTEMPTS: '1' });
    try {
      const b = new Browser(t.url);
      await b.login(t.admin.email, t.admin.password);
      const hook = await b.call('POST', '/api/webhooks', { url: 'http://localhost:1/hook', eventTypes: ['note.created'] });
      expect(hook.status).toBe(201);
      await b.call('POST', '/api/notes', { title: 'x', body: 'b', marking: { tlp: 'GREEN' } });
      const deliveries = `/api/webhooks/${hook.json.webhook.id}/deliveries`;
      await eventually(async () => (await b.call('GET', `${deliveries}?status=dead`)).json.total === 1);
      const dead = await b.call('GET', deliveries);
      expect(dead.json.items[0].lastError).toBe('connection refused');
      const stored = await t.server.runtime.ctx.db.execute(sql`select last_error from webhook_deliveries`);
      expect(JSON.stringify(stored)).not.toMatch(/127\.0\.0\.1|::1\b/);
    } finally {
      await t.close();
    }
  });
});
