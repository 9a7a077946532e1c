import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changesCsv, csafEntries, indexTxt, rolieFeed } from '../../src/services/advisories/csaf-provider';
import { DRIVERS, emptyPostgresDatabase } from '../helpers/databases';
import { Browser } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { advisoryContent } from './fixtures';

describe.each(DRIVERS)('CSAF provider lists from the kept-current index (%s)', (driver) => {
  let t: TestServer;
  let b: Browser;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (driver === 'postgres') {
      const pg = await emptyPostgresDatabase();
      env.DATABASE_URL = pg.url;
      drop = pg.drop;
    }
    t = await startTestServer(env);
    b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  const draft = async (pkg: string) => (await b.call('POST', '/api/advisories', { content: advisoryContent(pkg) })).json.id as string;
  const get = async (path: string) => {
    const r = await fetch(t.url + path);
    expect(r.status, path).toBe(200);
    return r.text();
  };

  /** What the routes serve equals what a full read of the database gives, and the index holds it. */
  async function expectServedEqualsFullRead(count: number): Promise<void> {
    const { ctx } = t.server.runtime;
    const kept = ctx.published;
    // Events reach the index through the outbox tail, as on every other node: wait for them.
    await vi.waitFor(
      async () => {
        await kept.settled();
        expect(kept.csaf.list()).toEqual(await csafEntries(ctx));
      },
      { timeout: 15_000, interval: 50 },
    );
    const full = await csafEntries(ctx);
    expect(full).toHaveLength(count);
    expect(await get('/.well-known/csaf/clear/index.txt')).toBe(indexTxt(full));
    expect(await get('/.well-known/csaf/clear/changes.csv')).toBe(changesCsv(full));
    expect(JSON.parse(await get('/.well-known/csaf/clear/csaf-feed-tlp-white.json'))).toEqual(rolieFeed(ctx, full));
    expect(JSON.parse(await get('/.well-known/csaf/provider-metadata.json')).last_updated).toBe(full[0]?.current ?? new Date(0).toISOString());
  }

  it('follows publication, revision and withdrawal, and leaves drafts out', async () => {
    await expectServedEqualsFullRead(0);
    const first = (await b.call('POST', `/api/advisories/${await draft('idx-a')}/publish`)).json.id as string;
    const second = (await b.call('POST', `/api/advisories/${await draft('idx-b')}/publish`)).json.id as string;
    await draft('idx-draft');
    await expectServedEqualsFullRead(2);
    const revised = await b.call('POST', `/api/advisories/${first}/revise`, {
      content: advisoryContent('idx-a', { description: 'Also 1.2.2.' }),
      summary: 'More.',
    });
    expect(revised.status).toBe(200);
    await expectServedEqualsFullRead(2);
    // the revised one is now the newest change
    expect((await get('/.well-known/csaf/clear/changes.csv')).split('\n')[0]).toContain(first.toLowerCase());
    expect((await b.call('POST', `/api/advisories/${second}/withdraw`, { reason: 'Not a vulnerability.' })).status).toBe(200);
    await expectServedEqualsFullRead(2);
    expect((await get('/.well-known/csaf/clear/changes.csv')).split('\n')[0]).toContain(second.toLowerCase());
  }, 60_000);
});
