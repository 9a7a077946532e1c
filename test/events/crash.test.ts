import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withToken } from '../helpers/http';
import { freePort, runAisc, spawnServer } from '../helpers/process';
import { eventually, startReceiver } from '../helpers/receiver';

/**
 * The outbox crash test (issue 2): a server process killed with SIGKILL in the middle of
 * deliveries loses nothing; after a restart every event reaches the receiver at least once.
 * Runs on PostgreSQL when TEST_DATABASE_URL is set, else on an on-disk PGlite.
 */
describe('outbox survives kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisc-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('delivers every event after a restart', async () => {
    const env: Record<string, string> = {
      AISC_DATA_DIR: dir,
      AISC_WEBHOOK_ALLOW_PRIVATE: 'true',
      AISC_JOB_LEASE_SECONDS: '3',
      AISC_WEBHOOK_TIMEOUT_MS: '2000',
    };
    if (process.env.TEST_DATABASE_URL) {
      const pg = await import('pg');
      const name = `aisc_crash_${process.pid}`;
      const c = new pg.default.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}`);
      await c.end();
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
    }
    // Admin verbs refuse a directory that holds no database (issue 9 item 17): create it first.
    expect((await runAisc(['migrate'], env)).code).toBe(0);
    const org = await runAisc(['admin', 'create-organisation', '--name', 'Ops', '--kind', 'government_agency', '--coordinator', '--json'], env);
    expect(org.code, org.stderr).toBe(0);
    const user = await runAisc(
      ['admin', 'create-user', '--email', 'ops@aisc.test', '--name', 'Ops', '--organisation', 'Ops', '--role', 'admin', '--password-stdin'],
      env,
      'crash test password\n',
    );
    expect(user.code, user.stderr).toBe(0);
    const tok = await runAisc(['admin', 'create-token', '--email', 'ops@aisc.test', '--name', 'crash', '--scope', 'read', 'write', 'admin'], env);
    expect(tok.code, tok.stderr).toBe(0);
    const token = tok.stdout.trim();

    // The receiver hangs on every request until told to answer: deliveries stay in flight.
    let answering = false;
    const rx = await startReceiver(async () => {
      while (!answering) await new Promise((r) => setTimeout(r, 20));
      return 200;
    });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
    const hook = await withToken(base, token, 'POST', '/api/webhooks', { url: rx.url, eventTypes: ['note.created'] });
    expect(hook.status).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const n = await withToken(base, token, 'POST', '/api/notes', { title: `n${i}`, body: 'b', marking: { tlp: 'GREEN' } });
      ids.push(n.json.id);
    }
    await eventually(() => rx.received.length >= 1);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    answering = true;
    const second = await spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
    try {
      const delivered = () => new Set(rx.received.map((r) => JSON.parse(r.body).recordId as string));
      await eventually(() => ids.every((id) => delivered().has(id)), 60_000);
      expect([...delivered()].sort()).toEqual([...ids].sort());
      const log = await withToken(base, token, 'GET', `/api/webhooks/${hook.json.webhook.id}/deliveries?limit=100`);
      await eventually(
        async () => (await withToken(base, token, 'GET', `/api/webhooks/${hook.json.webhook.id}/deliveries?status=succeeded&limit=100`)).json.total === 20,
        30_000,
      );
      expect(log.json.total).toBe(20);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
      await rx.close();
    }
    // The audit chain is intact after the crash.
    const verify = await runAisc(['audit', 'verify'], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact/);
    if (env.DATABASE_URL) {
      const pg = await import('pg');
      const c = new pg.default.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${new URL(env.DATABASE_URL).pathname.slice(1)} with (force)`);
      await c.end();
    }
  }, 240_000);
});
