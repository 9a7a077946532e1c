import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database';
import { sql } from 'drizzle-orm';
import { cli } from '../helpers/cli';

/** `aisc admin …` and `aisc audit verify` on a local embedded database. */
describe('aisc admin and audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aisc-cli-'));
  const env = { AISC_DATA_DIR: dir };
  afterAll(() => {
    for (const p of [dir, `${dir}.audit-key`, `${dir}.audit-anchor.json`]) rmSync(p, { recursive: true, force: true });
  });

  it('migrates, creates an organisation, a user, a token, and changes a user', async () => {
    expect((await cli(['migrate'], env)).stdout).toMatch(/database migrated/);
    const org = await cli(
      [
        'admin',
        'create-organisation',
        '--name',
        'Grid Operator',
        '--kind',
        'critical_infrastructure_operator',
        '--sector',
        'energy',
        'water_and_wastewater',
        '--json',
      ],
      env,
    );
    expect(org.code, org.stderr).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Grid Operator', sectors: ['energy', 'water_and_wastewater'] });

    const invited = await cli(
      ['admin', 'create-user', '--email', 'eve@grid.test', '--name', 'Eve', '--organisation', 'grid operator', '--role', 'analyst'],
      env,
    );
    expect(invited.code, invited.stderr).toBe(0);
    expect(invited.stdout).toMatch(/invitation link \(shown once\):\nhttp:\/\/localhost:8080\/invite#token=aisc_inv_/);

    const active = await cli(
      ['admin', 'create-user', '--email', 'ops@grid.test', '--name', 'Ops', '--organisation', 'Grid Operator', '--role', 'admin', '--password-stdin', '--json'],
      env,
      'the operator password\n',
    );
    expect(JSON.parse(active.stdout).user).toMatchObject({ email: 'ops@grid.test', status: 'active', role: 'admin' });

    const token = await cli(['admin', 'create-token', '--email', 'ops@grid.test', '--name', 'ci', '--scope', 'read'], env);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^aisc_pat_[A-Za-z0-9_-]{43}$/);

    const set = await cli(['admin', 'set-user', '--email', 'eve@grid.test', '--clearance', 'SECRET', '--json'], env);
    expect(JSON.parse(set.stdout)).toMatchObject({ clearance: 'SECRET' });
  });

  it('errors are one line on stderr with a non-zero exit', async () => {
    const dup = await cli(['admin', 'create-organisation', '--name', 'grid operator', '--kind', 'researcher'], env);
    expect(dup.code).toBe(6);
    expect(dup.stderr).toBe('aisc: Conflict: an organisation with this name exists\n');

    const missing = await cli(['admin', 'create-user', '--email', 'x@y.test', '--name', 'X', '--organisation', 'Nowhere'], env);
    expect(missing.code).toBe(5);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);

    const badSector = await cli(['admin', 'create-organisation', '--name', 'Bad', '--kind', 'critical_infrastructure_operator'], env);
    expect(badSector.code).toBe(3);
    expect(badSector.stderr).toMatch(/^aisc: .*sector/);

    const json = await cli(['admin', 'create-token', '--email', 'nobody@x.test', '--name', 'n', '--json'], env);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const badEnv = await cli(['migrate'], { AISC_DATA_DIR: dir, PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(badEnv.code).toBe(3);
    expect(badEnv.stderr).toMatch(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/);
    expect(badEnv.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('audit verify passes, then names the first tampered entry', async () => {
    const ok = await cli(['audit', 'verify', '--json'], env);
    expect(ok.code, ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout);
    // 5 changes, each CLI write followed by its signed checkpoint (ADR 0043)
    expect(report).toMatchObject({ ok: true, entries: 10, proof: { checkpoints: 5, verifiedCheckpoints: 5, anchor: { seq: 10, verified: true } } });

    const database = await openDatabase({ dataDir: dir });
    await database.db.execute(sql`update audit_log set actor_label = 'someone else' where seq = 3`);
    await database.close();

    const broken = await cli(['audit', 'verify'], env);
    expect(broken.code).toBe(6);
    expect(broken.stderr).toMatch(/^aisc: audit chain broken: entry 3 \([0-9a-f-]{36}\) does not match its hash: the row was edited\n$/);

    const wrongHead = await cli(['audit', 'verify', '--expect-head', 'abc'], env);
    expect(wrongHead.code).not.toBe(0);
  });
});
