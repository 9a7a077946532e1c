import { Socket } from 'node:net';
import { jetstream } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNatsBus, EVENT_STREAM } from '../../src/runtime/nats-bus';
import { eventsAfter } from '../../src/store/outbox';
import { requireUnderCi } from '../helpers/ci-gate';
import { withToken } from '../helpers/http';
import { eventually } from '../helpers/receiver';
import { startTestServer, type TestServer } from '../helpers/server';
import { Browser } from '../helpers/http';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const probe = await new Promise<boolean>((resolve) => {
  const u = new URL(NATS_URL);
  const s = new Socket();
  s.setTimeout(1000);
  s.once('connect', () => {
    s.destroy();
    resolve(true);
  });
  s.once('error', () => resolve(false));
  s.once('timeout', () => {
    s.destroy();
    resolve(false);
  });
  s.connect(Number(u.port || 4222), u.hostname);
});
const reachable = requireUnderCi(probe, `NATS test: no NATS JetStream at ${NATS_URL}`, process.env.CI);

/** With NATS_URL set, every dispatched event is stored in JetStream exactly once. */
describe.skipIf(!reachable)('events on NATS JetStream', () => {
  let t: TestServer;
  let token = '';
  beforeAll(async () => {
    t = await startTestServer({ NATS_URL });
    const b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    token = (await b.call('POST', '/api/tokens', { name: 'nats', scopes: ['read', 'write'] })).json.secret;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Every message of the stream about these event ids, by reading the stream from the start. */
  async function storedIds(ids: ReadonlySet<string>): Promise<string[]> {
    const bus = await connectNatsBus(NATS_URL);
    try {
      const consumer = await jetstream(bus.nc).consumers.get(EVENT_STREAM);
      const found: string[] = [];
      for (;;) {
        const batch = await consumer.fetch({ max_messages: 500, expires: 1000 });
        let n = 0;
        for await (const m of batch) {
          n++;
          const id = (m.json() as { id: string }).id;
          if (ids.has(id)) found.push(id);
        }
        if (n === 0) break;
      }
      return found;
    } finally {
      await bus.close();
    }
  }

  it('publishes each event once, and a repeated publish after a crash is dropped by message id', async () => {
    const ctx = t.server.runtime.ctx;
    const before = (await eventsAfter(ctx.db, 0, 10_000)).at(-1)?.seq ?? 0;
    for (let i = 0; i < 10; i++) await withToken(t.url, token, 'POST', '/api/notes', { title: `n${i}`, body: 'b', marking: { tlp: 'GREEN' } });
    const events = (await eventsAfter(ctx.db, before, 10_000)).filter((e) => e.type === 'note.created');
    expect(events).toHaveLength(10);
    const ids = new Set(events.map((e) => e.id));
    await eventually(async () => (await storedIds(ids)).length === 10, 15_000);
    // What a dispatcher does when it crashed after publishing but before marking the events.
    await ctx.bus!.publish(events);
    const stored = await storedIds(ids);
    expect(stored.sort()).toEqual([...ids].sort());
  });
});
