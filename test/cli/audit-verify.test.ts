import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database';
import { cli } from '../helpers/cli';

/**
 * `aisc audit verify` without --expect-head (issue 9 item 15): a deleted tail and a wiped
 * table are failures, found through the signed anchor kept beside the database; an intact
 * chain is reported with what was and was not proven.
 */
describe('aisc audit verify and checkpoint', () => {
  const root = mkdtempSync(join(tmpdir(), 'aisc-verify-'));
  const dir = join(root, 'data');
  const env = { AISC_DATA_DIR: dir };
  const tamper = async (...statements: string[]) => {
    const database = await openDatabase({ dataDir: dir });
    try {
      for (const s of statements) await database.db.execute(sql.raw(s));
    } finally {
      await database.close();
    }
  };
  beforeAll(async () => {
    expect((await cli(['migrate'], env)).code).toBe(0);
    for (const name of ['One', 'Two', 'Three']) expect((await cli(['admin', 'create-organisation', '--name', name, '--kind', 'researcher'], env)).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says what it proves, signs a checkpoint on demand and prints the head to keep', async () => {
    const ok = await cli(['audit', 'verify'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /^audit chain intact from genesis to entry 6; entry 6 matches the checkpoint signed at \S+ kept in .*data\.audit-anchor\.json \(signature verified, key [0-9a-f]{16}\); 3 checkpoints in the chain \(3 signatures verified\); head 6:[0-9a-f]{64} \(6 entries/,
    );
    const cp = await cli(['audit', 'checkpoint'], env);
    expect(cp.code, cp.stderr).toBe(0);
    expect(cp.stdout).toMatch(
      /^checkpoint: entry 6 signed at \S+ \(the head was already a checkpoint\)\nkeep this line elsewhere, and later check it with: aisc audit verify --expect-head 6:[0-9a-f]{64}\n$/,
    );
    const kept = /--expect-head (\S+)/.exec(cp.stdout)![1]!;
    expect((await cli(['audit', 'verify', '--expect-head', kept], env)).code).toBe(0);
    const wrong = await cli(['audit', 'verify', '--expect-head', `6:${'0'.repeat(64)}`], env);
    expect(wrong.code).toBe(6);
    expect((await cli(['audit', 'verify', '--expect-head', 'abc'], env)).code).toBe(3);
  }, 120_000);

  it('reports a deleted tail (with the head row moved back) as TRUNCATED', async () => {
    await tamper(`delete from audit_log where seq >= 5`, `update audit_head set seq = 4, hash = (select hash from audit_log where seq = 4)`);
    const r = await cli(['audit', 'verify'], env);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(
      /^aisc: audit chain broken: TRUNCATED: the last signed checkpoint \(\S+\) names entry 6 but only 4 entries exist: the newest entries were deleted\n$/,
    );
  }, 60_000);

  it('reports a wiped table as TRUNCATED', async () => {
    await tamper(`delete from audit_log`, `delete from audit_head`);
    const r = await cli(['audit', 'verify', '--json'], env);
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, entries: 0, firstBreak: { kind: 'truncated', seq: 6, entries: 0 } });
    expect(JSON.parse(r.stdout).firstBreak.message).toMatch(/only 0 entries exist.*\(the chain was wiped\)/);
  }, 60_000);
});
