import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/runtime/server';
import { testConfig } from '../helpers/config';
import { Browser } from '../helpers/http';

describe('first-run setup, login, logout', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(testConfig());
  });
  afterAll(async () => {
    await server.close();
  });

  it('prints a one-time setup link on a fresh install, which creates the first admin once', async () => {
    expect(server.setupUrl).toMatch(/\/setup#token=aisc_setup_/);
    const token = server.setupUrl!.split('#token=')[1]!;
    const b = new Browser(server.url);
    expect((await b.call('GET', '/api/meta')).json.setupNeeded).toBe(true);
    const body = {
      token,
      organisation: { name: 'National AI Clearinghouse' },
      user: { email: 'root@aisc.test', name: 'Root', password: 'a very long password 1' },
    };

    const wrong = await b.call('POST', '/api/setup', { ...body, token: 'aisc_setup_wrong' });
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);

    const weak = await b.call('POST', '/api/setup', { ...body, user: { ...body.user, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.json.errors).toEqual([{ path: '/user/password', message: 'must be between 12 and 256 characters' }]);

    const ok = await b.call('POST', '/api/setup', body);
    expect(ok.status).toBe(201);
    expect(ok.json.user).toMatchObject({ email: 'root@aisc.test', role: 'admin', organisation: { name: 'National AI Clearinghouse', coordinator: true } });
    expect(ok.json.platformAdmin).toBe(true);
    expect(b.cookie).toMatch(/^aisc_session=/);

    const again = await new Browser(server.url).call('POST', '/api/setup', body);
    expect(again.status).toBe(404);
    expect((await b.call('GET', '/api/meta')).json.setupNeeded).toBe(false);
  });

  it('logs in with the password, never says which part was wrong, and logs out', async () => {
    const b = new Browser(server.url);
    const badPassword = await b.call('POST', '/api/session', { email: 'root@aisc.test', password: 'not the password' });
    const badEmail = await b.call('POST', '/api/session', { email: 'nobody@aisc.test', password: 'not the password' });
    expect(badPassword.status).toBe(401);
    expect(badEmail.status).toBe(401);
    expect(badPassword.json.detail).toBe(badEmail.json.detail);

    await b.login('root@aisc.test', 'a very long password 1');
    const cookieLine = (
      await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'root@aisc.test', password: 'a very long password 1' }),
      })
    ).headers.get('set-cookie')!;
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);

    const me = await b.call('GET', '/api/session');
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe('root@aisc.test');

    const oldCookie = b.cookie!;
    const out = await b.call('DELETE', '/api/session');
    expect(out.status).toBe(204);
    const after = await new Browser(server.url).call('GET', '/api/session', undefined, { cookie: oldCookie });
    expect(after.status).toBe(401);
  });
});
