import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, withToken } from '../helpers/http';
import { eventually } from '../helpers/receiver';
import { startTestServer, type TestServer } from '../helpers/server';

/** Reads a text/event-stream response into parsed events as they arrive. */
function readEvents(res: Response) {
  const events: Array<{ id: string; event: string; data: any }> = [];
  const reader = res.body!.getReader();
  let buf = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buf += new TextDecoder().decode(value);
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const f = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(': ')).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]));
        if (f.data) events.push({ id: f.id!, event: f.event!, data: JSON.parse(f.data) });
      }
    }
  })();
  return { events, cancel: () => reader.cancel() };
}

describe('server-sent events', () => {
  let t: TestServer;
  let admin: Browser;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer();
    admin = new Browser(t.url);
    await admin.login(t.admin.email, t.admin.password);
    token = (await admin.call('POST', '/api/tokens', { name: 'author', scopes: ['read', 'write'] })).json.secret;
  });
  afterAll(async () => {
    await t.close();
  });

  it('streams what the viewer may see, and resumes from Last-Event-ID', async () => {
    const org = await admin.call('POST', '/api/organisations', { name: 'Stream Vendor', kind: 'software_vendor' });
    const invite = await admin.call('POST', '/api/users', { email: 'sv@vendor.test', name: 'SV', organisationId: org.json.id, role: 'member' });
    const member = new Browser(t.url);
    await member.call('POST', '/api/invitations/accept', { token: invite.json.invitation.url.split('#token=')[1], password: 'stream vendor password' });

    expect((await fetch(`${t.url}/api/events/stream`)).status).toBe(401);
    const res = await fetch(`${t.url}/api/events/stream`, { headers: { cookie: member.cookie! } });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = readEvents(res);
    await new Promise((r) => setTimeout(r, 200));

    const green = await withToken(t.url, token, 'POST', '/api/notes', { title: 'g', body: 'b', marking: { tlp: 'GREEN' } });
    await withToken(t.url, token, 'POST', '/api/notes', { title: 'a', body: 'b', marking: { tlp: 'AMBER' } });
    const shared = await withToken(t.url, token, 'POST', '/api/notes', { title: 's', body: 'b', marking: { tlp: 'AMBER+STRICT', access: { organisations: [org.json.id] } } });
    await eventually(() => stream.events.filter((e) => e.event === 'note.created').length >= 2);
    await new Promise((r) => setTimeout(r, 800));
    const notes = stream.events.filter((e) => e.event === 'note.created').map((e) => e.data.recordId);
    expect(notes).toEqual([green.json.id, shared.json.id]);
    // Only the viewer's own organisation's and community records: no admin's token event (RED).
    expect(stream.events.some((e) => e.event === 'api_token.created')).toBe(false);
    await stream.cancel();

    // Resume: everything after the first note's event id is replayed, filtered the same way.
    const firstId = stream.events.find((e) => e.data.recordId === green.json.id)!.id;
    const again = readEvents(await fetch(`${t.url}/api/events/stream`, { headers: { cookie: member.cookie!, 'last-event-id': firstId } }));
    await eventually(() => again.events.length >= 1);
    expect(again.events.map((e) => e.data.recordId)).toEqual([shared.json.id]);
    await again.cancel();
  });
});
