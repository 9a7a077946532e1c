import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { freePort, runAisc, spawnServer } from '../helpers/process';

/**
 * One process per embedded database, and no database made by accident (issue 9 items 16
 * and 17, ADR 0042).
 */
describe('the data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'aisc-datadir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('held by a running server', () => {
    const dir = join(root, 'served');
    const env = { AISC_DATA_DIR: dir, LOG_LEVEL: 'silent' };
    let server: Awaited<ReturnType<typeof spawnServer>>;
    beforeAll(async () => {
      expect((await runAisc(['migrate'], env)).code).toBe(0);
      expect((await runAisc(['admin', 'create-organisation', '--name', 'Ops', '--kind', 'government_agency', '--coordinator'], env)).code).toBe(0);
      expect(
        (
          await runAisc(
            ['admin', 'create-user', '--email', 'ops@aisc.test', '--name', 'Ops', '--organisation', 'Ops', '--role', 'admin', '--password-stdin'],
            env,
            'a long enough password\n',
          )
        ).code,
      ).toBe(0);
      server = await spawnServer({ ...env, PORT: String(await freePort()), HOST: '127.0.0.1' });
    }, 240_000);
    afterAll(async () => {
      server?.child.kill('SIGTERM');
      if (server && server.child.exitCode === null) await new Promise((r) => server.child.once('exit', r));
    });

    it('a second process stops with one line naming the directory and the pid, and prints no credential', async () => {
      const pid = server.child.pid!;
      const token = await runAisc(['admin', 'create-token', '--email', 'ops@aisc.test', '--name', 'ci'], env);
      expect(token.code).toBe(6);
      expect(token.stdout).toBe('');
      expect(token.stderr).toBe(
        `aisc: the database in ${dir} is in use by process ${pid} (aisc serve, since ${JSON.parse(readFileSync(join(dir, 'aisc.lock'), 'utf8')).since}): stop it first, or run admin verbs against the running server with --server URL --token T\n`,
      );
      const verify = await runAisc(['audit', 'verify'], env);
      expect(verify.code).toBe(6);
      expect(verify.stderr).toMatch(new RegExp(`^aisc: the database in ${dir} is in use by process ${pid} .*\\n$`));
      const second = await runAisc(['serve'], { ...env, PORT: String(await freePort()), HOST: '127.0.0.1' });
      expect(second.code).toBe(6);
      expect(second.stderr.trim().split('\n')).toHaveLength(1);
      expect(second.stderr).toMatch(`in use by process ${pid}`);
    }, 180_000);

    it('lets go when the server stops', async () => {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
      expect(existsSync(join(dir, 'aisc.lock'))).toBe(false);
      const verify = await cli(['audit', 'verify'], env);
      expect(verify.code, verify.stderr).toBe(0);
    }, 120_000);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = join(root, 'stale');
    const env = { AISC_DATA_DIR: dir };
    expect((await cli(['migrate'], env)).code).toBe(0);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => dead.once('exit', r));
    writeFileSync(join(dir, 'aisc.lock'), JSON.stringify({ pid: dead.pid, hostname: hostname(), command: 'aisc serve', since: '2026-01-01T00:00:00.000Z' }));
    const r = await cli(['admin', 'create-organisation', '--name', 'After a crash', '--kind', 'researcher'], env);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(join(dir, 'aisc.lock'), 'half-written');
    expect((await cli(['audit', 'verify'], env)).code).toBe(0);
    expect(existsSync(join(dir, 'aisc.lock'))).toBe(false);
  }, 120_000);

  it('local verbs refuse a directory that holds no database, and create nothing', async () => {
    const typo = join(root, 'dtaa');
    const r = await cli(['admin', 'create-organisation', '--name', 'X', '--kind', 'researcher'], { AISC_DATA_DIR: typo });
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(`aisc: no AISC database at ${typo} — run \`aisc serve\` or \`aisc migrate\` first (or set AISC_DATA_DIR)\n`);
    expect((await cli(['audit', 'verify'], { AISC_DATA_DIR: typo })).code).toBe(5);
    expect(existsSync(typo)).toBe(false);
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const e = await cli(['audit', 'verify'], { AISC_DATA_DIR: empty });
    expect(e.code).toBe(5);
    expect(e.stderr).toMatch(/is not an AISC database/);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(false);
  }, 60_000);

  it('verbs that work on the local database only refuse --server and AISC_SERVER (exit 3)', async () => {
    const nothing = join(root, 'nothing');
    const flags = ['--server', 'http://127.0.0.1:9', '--token', 't'];
    for (const args of [
      ['audit', 'verify', ...flags],
      ['audit', 'checkpoint', ...flags],
      ['migrate', ...flags],
      ['serve', ...flags],
    ]) {
      const r = await cli(args, { AISC_DATA_DIR: nothing });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toMatch(
        new RegExp(
          `^aisc: \`aisc ${args[0]}( ${args[1]})?\` works on the local database only and cannot run against http://127.0.0.1:9: drop --server, or run it on the server's machine\\n$`,
        ),
      );
    }
    const env = await cli(['audit', 'verify'], { AISC_DATA_DIR: nothing, AISC_SERVER: 'http://127.0.0.1:9' });
    expect(env.code).toBe(3);
    expect(env.stderr).toMatch(/drop AISC_SERVER from the environment/);
    expect(existsSync(nothing)).toBe(false);
  }, 60_000);
});
