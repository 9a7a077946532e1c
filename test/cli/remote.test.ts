import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, withToken } from '../helpers/http';
import { cli } from '../helpers/cli';
import { startTestServer, type TestServer } from '../helpers/server';

/** The CLI against a running server with --server and --token. */
describe('aisc --server --token', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer();
    const b = new Browser(t.url);
    await b.login(t.admin.email, t.admin.password);
    token = (await b.call('POST', '/api/tokens', { name: 'cli', scopes: ['read', 'write', 'admin'] })).json.secret;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates an organisation and invites a user through the API', async () => {
    const env = { AISC_SERVER: t.url, AISC_TOKEN: token };
    const org = await cli(
      ['admin', 'create-organisation', '--name', 'Remote Utility', '--kind', 'critical_infrastructure_operator', '--sector', 'energy', '--json'],
      env,
    );
    expect(org.code, org.stderr).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Remote Utility', sectors: ['energy'] });
    const user = await cli(
      ['admin', 'create-user', '--server', t.url, '--token', token, '--email', 'ops@remote.test', '--name', 'Ops', '--organisation', 'remote utility'],
      {},
    );
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(/invitation link \(shown once\):\nhttp:\/\/localhost:\d+\/invite#token=aisc_inv_/);
  });

  it("changes a user and creates the caller's own token through the API; refuses a token for someone else (issue 9 item 16)", async () => {
    const env = { AISC_SERVER: t.url, AISC_TOKEN: token };
    await cli(['admin', 'create-user', '--email', 'analyst@remote.test', '--name', 'An', '--organisation', 'Clearinghouse'], env);
    const set = await cli(['admin', 'set-user', '--email', 'ANALYST@remote.test', '--clearance', 'SECRET', '--json'], env);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ email: 'analyst@remote.test', clearance: 'SECRET' });
    const own = await cli(['admin', 'create-token', '--email', t.admin.email, '--name', 'ci', '--scope', 'read'], env);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout.trim()).toMatch(/^aisc_pat_[A-Za-z0-9_-]{43}$/);
    expect((await withToken(t.url, own.stdout.trim(), 'GET', '/api/session')).status).toBe(200);
    const other = await cli(['admin', 'create-token', '--email', 'analyst@remote.test', '--name', 'ci'], env);
    expect(other.code).toBe(3);
    expect(other.stdout).toBe('');
    expect(other.stderr).toMatch(/^aisc: over --server a token can be created only for the token's own user/);
  });

  it('reports server-side problems, bad tokens and unreachable servers in one line', async () => {
    const dup = await cli(['admin', 'create-organisation', '--name', 'remote UTILITY', '--kind', 'researcher'], { AISC_SERVER: t.url, AISC_TOKEN: token });
    expect(dup.code).toBe(6);
    expect(dup.stderr).toBe('aisc: Conflict: an organisation with this name exists\n');
    const bad = await cli(['admin', 'create-organisation', '--name', 'X', '--kind', 'researcher'], { AISC_SERVER: t.url, AISC_TOKEN: 'aisc_pat_nope' });
    expect(bad.code).toBe(4);
    const down = await cli(['admin', 'create-organisation', '--name', 'X', '--kind', 'researcher'], { AISC_SERVER: 'http://127.0.0.1:9', AISC_TOKEN: token });
    expect(down.code).toBe(8);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    const noToken = await cli(['admin', 'create-organisation', '--server', t.url, '--name', 'X', '--kind', 'researcher'], {});
    expect(noToken.code).toBe(3);
  });

  it("prints the server's problem+json as one line naming every bad field, and exits with the code of its error", async () => {
    const env = { AISC_SERVER: t.url, AISC_TOKEN: token };
    // The CLI passes both values through unchecked: only the server's schema refuses them.
    const args = ['admin', 'create-user', '--email', 'not-an-email', '--name', '   ', '--organisation', 'Clearinghouse'];
    const plain = await cli(args, env);
    expect(plain.code).toBe(3);
    expect(plain.stdout).toBe('');
    const lines = plain.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^aisc: The request body has 2 invalid fields \(/);
    expect(lines[0]).toContain('/email: ');
    expect(lines[0]).toContain('/name: ');
    const json = await cli([...args, '--json'], env);
    expect(json.code).toBe(3);
    const { error } = JSON.parse(json.stderr) as { error: { code: string; details: { path: string }[] } };
    expect(error.code).toBe('VALIDATION');
    expect(error.details.map((d) => d.path).sort()).toEqual(['/email', '/name']);
    // Nothing was created: the user is unknown to the server.
    const users = await withToken(t.url, token, 'GET', '/api/users?limit=500');
    expect(JSON.stringify(users.json)).not.toContain('not-an-email');
  });
});
