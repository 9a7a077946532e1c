import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startServer, type RunningServer } from '../../src/runtime/server';
import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { createUser } from '../../src/services/users';
import { requireUnderCi } from '../helpers/ci-gate';
import { testConfig } from '../helpers/config';
import { Browser, withToken } from '../helpers/http';
import { eventually, startReceiver } from '../helpers/receiver';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const haveServer = requireUnderCi(!!ADMIN_URL, 'scale-out test: set TEST_DATABASE_URL to a PostgreSQL server (PGlite is one process only)', process.env.CI);

/**
 * Two AISC nodes on one PostgreSQL (DESIGN.md "Scale-out"): they share the outbox and the
 * jobs without doing work twice, a change made on one node reaches the other node's event
 * streams, and a token revoked on one node stops working on the other.
 */
describe.skipIf(!haveServer)('two nodes on one PostgreSQL', () => {
  const name = `aisc_scale_${process.pid}`;
  let nodes: RunningServer[] = [];
  let token = '';
  const sql = async (q: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };

  beforeAll(async () => {
    await sql(`drop database if exists ${name} with (force)`);
    await sql(`create database ${name}`);
    const url = new URL(ADMIN_URL!);
    url.pathname = `/${name}`;
    const config = testConfig({ DATABASE_URL: url.toString() });
    nodes = [await startServer(config), await startServer(config)];
    const ctx = nodes[0]!.runtime.ctx;
    const org = await createOrganisation(ctx, CLI_ACTOR, { name: 'Ops', kind: 'government_agency', coordinator: true });
    await createUser(ctx, CLI_ACTOR, { email: 'ops@scale.test', name: 'Ops', organisationId: org.id, role: 'admin', password: 'scale-out test password' });
    const b = new Browser(nodes[1]!.url);
    await b.login('ops@scale.test', 'scale-out test password');
    token = (await b.call('POST', '/api/tokens', { name: 'scale', scopes: ['read', 'write', 'admin'] })).json.secret;
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    await sql(`drop database if exists ${name} with (force)`);
  });

  it('delivers every event exactly once although both nodes dispatch and deliver', async () => {
    const rx = await startReceiver();
    const hook = await withToken(nodes[0]!.url, token, 'POST', '/api/webhooks', { url: rx.url, eventTypes: ['note.created'] });
    expect(hook.status).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const node = nodes[i % 2]!;
      ids.push((await withToken(node.url, token, 'POST', '/api/notes', { title: `n${i}`, body: 'b', marking: { tlp: 'GREEN' } })).json.id);
    }
    const recordIds = () => rx.received.map((r) => JSON.parse(r.body).recordId as string);
    await eventually(() => new Set(recordIds()).size === 40, 30_000);
    await new Promise((r) => setTimeout(r, 1500)); // room for a wrong second delivery
    expect(recordIds().sort()).toEqual([...ids].sort());
    await rx.close();
  });

  it('an event committed on one node reaches the other node’s stream', async () => {
    const res = await fetch(`${nodes[1]!.url}/api/events/stream`, { headers: { authorization: `Bearer ${token}` } });
    const reader = res.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    })().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const note = await withToken(nodes[0]!.url, token, 'POST', '/api/notes', { title: 'cross-node', body: 'b', marking: { tlp: 'GREEN' } });
    await eventually(() => text.includes(note.json.id), 10_000);
    await reader.cancel();
    await reading;
  });

  it('a token revoked on one node stops working on the other within the poll interval', async () => {
    const made = await withToken(nodes[0]!.url, token, 'POST', '/api/tokens', { name: 'short', scopes: ['read'] });
    const secret = made.json.secret as string;
    expect((await withToken(nodes[1]!.url, secret, 'GET', '/api/tokens')).status).toBe(200); // now cached on node 1
    // The admin's token made this token for the admin, so the admin's token may revoke it.
    expect((await withToken(nodes[0]!.url, token, 'DELETE', `/api/tokens/${made.json.token.id}`)).status).toBe(204);
    await eventually(async () => (await withToken(nodes[1]!.url, secret, 'GET', '/api/tokens')).status === 401, 5_000);
  });
});
