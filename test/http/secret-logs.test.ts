import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/errors';
import { createLogger } from '../../src/runtime/logger';
import { safeErrorMessage } from '../../src/services/safe-error';
import { DRIVERS, emptyPostgresDatabase } from '../helpers/databases';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Issue 9 item 10: a database error never puts its query's parameters or values in the log
 * (webhook secrets, record contents), nor on the CLI's error line; it is logged with its
 * SQLSTATE, a statement name and the request id.
 */
describe.each(DRIVERS)('database errors keep secrets out of the logs (%s)', (driver) => {
  let t: TestServer;
  let b: Browser;
  let drop: (() => Promise<void>) | null = null;
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const TRIP = 'trip-wire-7f3a';
  const RED_BODY = 'TLP:RED exploit chain via libfoo heap overflow 0x41414141';
  const HOOK_PATH = '/hook-path-9c2e1b';

  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (driver === 'postgres') {
      const empty = await emptyPostgresDatabase();
      env.DATABASE_URL = empty.url;
      drop = empty.drop;
    }
    t = await startTestServer(env, { log: createLogger('info', sink) });
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    // Force a failure inside the INSERT, after every parameter (the secret too) has been bound.
    const db = t.server.runtime.ctx.db;
    await db.execute(sql.raw(`alter table webhooks add constraint test_trip check (description <> '${TRIP}')`));
    await db.execute(sql.raw(`alter table notes add constraint test_trip check (title <> '${TRIP}')`));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  /** A pino line: its level, request id and serialised error are what these tests read. */
  interface LogLine {
    readonly level: number;
    readonly reqId?: string;
    readonly err?: Record<string, unknown>;
  }
  const errorLines = () => logs.map((l) => JSON.parse(l) as LogLine).filter((l) => l.level >= 50);

  it('a failed webhook insert logs the SQLSTATE, the statement and the request id, not the secret or the values', async () => {
    const r = await b.call('POST', '/api/webhooks', { url: `https://example.com${HOOK_PATH}`, description: TRIP });
    expect(r.status).toBe(500);
    const n = await b.call('POST', '/api/notes', { title: TRIP, body: RED_BODY, marking: { tlp: 'RED' } });
    expect(n.status).toBe(500);
    const all = logs.join('');
    for (const leak of ['aisc_whsec_', HOOK_PATH, TRIP, RED_BODY, 'Failing row', 'params', '$1']) expect(all, leak).not.toContain(leak);
    const lines = errorLines();
    expect(lines.map((l) => l.reqId)).toEqual(expect.arrayContaining([r.headers.get('x-request-id'), n.headers.get('x-request-id')]));
    const hookLine = lines.find((l) => l.reqId === r.headers.get('x-request-id'))!;
    expect(hookLine.err).toMatchObject({
      type: 'DatabaseError',
      sqlstate: '23514',
      statement: 'insert webhooks',
      constraint: 'test_trip',
      statementId: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(lines.find((l) => l.reqId === n.headers.get('x-request-id'))!.err).toMatchObject({ sqlstate: '23514', statement: 'insert notes' });
  });

  it('the CLI prints one line without the query, and a job record keeps none of it', async () => {
    const db = t.server.runtime.ctx.db;
    const err = await db.execute(sql`insert into notes (title) values (${TRIP})`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    let out = '';
    const write = (s: string): boolean => {
      out += s;
      return true;
    };
    const io = { stderr: { write } } as unknown as Parameters<typeof reportError>[0];
    expect(reportError(io, err, false)).toBe(1);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).not.toContain(TRIP);
    expect(out).toMatch(/^aisc: database error [0-9A-Z]{5} in insert notes/);
    expect(safeErrorMessage(err)).not.toContain(TRIP);
    out = '';
    reportError(io, err, true);
    expect(out).not.toContain(TRIP);
  });
});
