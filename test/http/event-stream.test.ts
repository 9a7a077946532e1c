import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type ResponseJson, withToken } from '../helpers/http';
import { eventually } from '../helpers/receiver';
import { startTestServer, type TestServer } from '../helpers/server';

/** Reads a text/event-stream response into parsed events as they arrive. */
function readEvents(res: Response) {
  const events: Array<{ id: string; event: string; data: ResponseJson }> = [];
  const reader = res.body!.getReader();
  let buf = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buf += new TextDecoder().decode(value);
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const f = Object.fromEntries(
          block
            .split('\n')
            .filter((l) => !l.startsWith(':') && l.includes(': '))
            .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]),
        );
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
    const shared = await withToken(t.url, token, 'POST', '/api/notes', {
      title: 's',
      body: 'b',
      marking: { tlp: 'AMBER+STRICT', access: { organisations: [org.json.id] } },
    });
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

    // The id is the event's own (random) id, not the outbox sequence: gaps count nothing (issue 9 item 8).
    for (const e of stream.events) expect(e.id).toBe(e.data.id);
    expect(stream.events.every((e) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(e.id))).toBe(true);

    // A forged cursor, a cursor naming an event the caller may not see (the AMBER note), and an
    // old-style sequence number all replay nothing: the stream starts live, as for no cursor.
    const { eventsAfter } = await import('../../src/store/outbox');
    const hidden = (await eventsAfter(t.server.runtime.ctx.db, 0, 10_000)).find((e) => e.type === 'note.created' && e.marking.tlp === 'AMBER')!;
    for (const cursor of ['01890000-0000-7000-8000-000000000000', hidden.id, String(hidden.seq - 1), 'not a cursor']) {
      const forged = readEvents(await fetch(`${t.url}/api/events/stream`, { headers: { cookie: member.cookie!, 'last-event-id': cursor } }));
      const marker = await withToken(t.url, token, 'POST', '/api/notes', { title: 'm', body: 'b', marking: { tlp: 'GREEN' } });
      await eventually(() => forged.events.some((e) => e.data.recordId === marker.json.id));
      expect(forged.events.map((e) => e.data.recordId)).toEqual([marker.json.id]);
      await forged.cancel();
    }
  });

  it('ends an open stream when the caller loses what it could see, and withholds the next event', async () => {
    const org = await admin.call('POST', '/api/organisations', { name: 'Downgraded', kind: 'software_vendor' });
    const cleared = await admin.call('POST', '/api/users', {
      email: 'cleared@vendor.test',
      name: 'C',
      organisationId: org.json.id,
      role: 'member',
      clearance: 'SECRET',
    });
    expect(cleared.status).toBe(201);
    const member = new Browser(t.url);
    await member.call('POST', '/api/invitations/accept', { token: cleared.json.invitation.url.split('#token=')[1], password: 'downgraded vendor password' });
    const stream = readEvents(await fetch(`${t.url}/api/events/stream`, { headers: { cookie: member.cookie! } }));
    const me = (await admin.call('GET', '/api/session')).json.user.id as string;
    expect((await admin.call('PATCH', `/api/users/${me}`, { clearance: 'SECRET' })).status).toBe(200);
    const secret = async () =>
      (await admin.call('POST', '/api/notes', { title: 's', body: 'b', marking: { tlp: 'GREEN', classification: 'SECRET' } })).json.id as string;
    const before = await secret();
    await eventually(() => stream.events.some((e) => e.data.recordId === before));
    expect((await admin.call('PATCH', `/api/users/${cleared.json.user.id}`, { clearance: 'NONE' })).status).toBe(200);
    const after = await secret();
    const marker = (await admin.call('POST', '/api/notes', { title: 'g', body: 'b', marking: { tlp: 'GREEN' } })).json.id;
    await eventually(() => stream.events.some((e) => e.data.recordId === marker));
    expect(stream.events.map((e) => e.data.recordId)).not.toContain(after);
    await stream.cancel();
  });
});
