import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash } from '../../src/domain/audit/chain';
import { chainTrustOf, checkpointAuditChain, verifyAuditChain } from '../../src/services/audit';
import { chainPage } from '../../src/store/audit';
import { createNote } from '../../src/services/notes';
import { contextFor, DRIVERS, freshDatabase, rawSql, type TestDatabase } from '../helpers/databases';
import { makePrincipal } from '../helpers/factories';

/** Tamper tests: any direct edit of the audit table is found and the first broken entry named. */
describe.each(DRIVERS)('audit chain on %s', (driver) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(driver);
    const ctx = contextFor(t.database);
    const p = await makePrincipal(ctx); // writes organisation.created (1) and user.created (2)
    for (let i = 0; i < 8; i++) {
      await createNote(ctx, p, { title: `note ${i}`, body: 'b', marking: { tlp: 'AMBER' } }); // 3..10
    }
  });
  afterEach(async () => {
    await t.close();
  });

  it('is intact after ordinary writes, with contiguous sequence numbers', async () => {
    const r = await verifyAuditChain(t.database.db, 3);
    expect(r).toMatchObject({ ok: true, entries: 10, headSeq: 10, firstBreak: null });
  });

  it('names an edited entry', async () => {
    await rawSql(t, `update audit_log set action = 'note.deleted' where seq = 5`);
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ kind: 'hash', seq: 5 });
    expect(r.firstBreak!.message).toMatch(/entry 5 .* edited/);
  });

  it('names an entry whose hash was recomputed after an edit (the next link breaks)', async () => {
    await rawSql(t, `update audit_log set hash = repeat('a', 64) where seq = 4`);
    const r = await verifyAuditChain(t.database.db);
    expect(r.firstBreak).toMatchObject({ seq: 4 });
  });

  it('names a deleted entry', async () => {
    await rawSql(t, `delete from audit_log where seq = 6`);
    const r = await verifyAuditChain(t.database.db);
    expect(r.firstBreak).toMatchObject({ kind: 'gap', seq: 7, expectedSeq: 6 });
    expect(r.firstBreak!.message).toMatch(/entry 6 is missing/);
  });

  it('names deleted newest entries through the head', async () => {
    await rawSql(t, `delete from audit_log where seq >= 9`);
    const r = await verifyAuditChain(t.database.db);
    expect(r.firstBreak).toMatchObject({ kind: 'head', seq: 9 });
  });

  it('names reordered entries', async () => {
    // Swap the positions of entries 3 and 4.
    await rawSql(t, `update audit_log set seq = -seq where seq in (3, 4)`);
    await rawSql(t, `update audit_log set seq = 4 where seq = -3`);
    await rawSql(t, `update audit_log set seq = 3 where seq = -4`);
    const r = await verifyAuditChain(t.database.db);
    expect(r.firstBreak).toMatchObject({ kind: 'link', seq: 3 });
  });

  it('names an inserted entry', async () => {
    await rawSql(t, `update audit_log set seq = seq + 1000 where seq >= 5`);
    await rawSql(t, `update audit_log set seq = seq - 999 where seq >= 1005`);
    await rawSql(
      t,
      `insert into audit_log (seq, id, at, actor_label, action, record_type, record_id, owner_organisation_id, tlp, prev_hash, hash)
       select 5, gen_random_uuid(), now(), 'intruder', 'note.created', 'note', 'x', owner_organisation_id, 'RED', hash, repeat('b', 64) from audit_log where seq = 4`,
    );
    await rawSql(t, `update audit_head set seq = seq + 1`);
    const r = await verifyAuditChain(t.database.db);
    expect(r.firstBreak).toMatchObject({ kind: 'hash', seq: 5 });
  });

  it('names rows appended outside AISC', async () => {
    await rawSql(
      t,
      `insert into audit_log (seq, id, at, actor_label, action, record_type, record_id, owner_organisation_id, tlp, prev_hash, hash)
       select 11, gen_random_uuid(), now(), 'intruder', 'note.created', 'note', 'x', owner_organisation_id, 'RED', hash, repeat('c', 64) from audit_log where seq = 10`,
    );
    const r = await verifyAuditChain(t.database.db);
    expect(r.firstBreak).toMatchObject({ kind: 'beyond-head', seq: 11 });
  });
});

/**
 * Signed checkpoints and the external anchor (issue 9 item 15, ADR 0043): what the chain
 * alone cannot show — a wiped table, a deleted tail, a chain rebuilt from some entry on —
 * is reported as a failure without any --expect-head.
 */
describe.each(DRIVERS)('audit checkpoints on %s', (driver) => {
  let t: TestDatabase;
  let dir: string;
  let ctx: ReturnType<typeof contextFor>;
  const trust = () => chainTrustOf(ctx.config);
  const verify = () => verifyAuditChain(t.database.db, 4, trust());
  const notes = async (p: Awaited<ReturnType<typeof makePrincipal>>, n: number) => {
    for (let i = 0; i < n; i++) await createNote(ctx, p, { title: `note ${i}`, body: 'b', marking: { tlp: 'AMBER' } });
  };
  let p: Awaited<ReturnType<typeof makePrincipal>>;

  beforeEach(async () => {
    t = await freshDatabase(driver);
    dir = mkdtempSync(join(tmpdir(), 'aisc-anchor-'));
    const base = contextFor(t.database);
    ctx = Object.assign(base, { config: { ...base.config, auditKeyFile: join(dir, 'audit.key'), auditAnchorFile: join(dir, 'anchor.json') } });
    p = await makePrincipal(ctx); // 1, 2
    await notes(p, 8); // 3..10
    expect(await checkpointAuditChain(ctx)).toMatchObject({ seq: 11, created: true }); // 11 signs 10
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says what it proves: anchored up to the checkpoint, only hash-linked after it', async () => {
    await notes(p, 2); // 12, 13
    const r = await verify();
    expect(r).toMatchObject({ ok: true, entries: 13, proof: { checkpoints: 1, verifiedCheckpoints: 1, anchor: { seq: 11, verified: true } } });
    expect(r.statement).toMatch(
      /^audit chain intact from genesis to entry 13; entry 11 matches the checkpoint signed at 2026-06-01T12:00:00.000Z kept in .*anchor.json \(signature verified, key [0-9a-f]{16}\); 1 checkpoint in the chain \(1 signature verified\); entries 12 to 13 \(after the last anchored checkpoint\) are only hash-linked; head 13:[0-9a-f]{64}$/,
    );
    // A second checkpoint with nothing new appends nothing; after new entries it moves the anchor on.
    expect(await checkpointAuditChain(ctx)).toMatchObject({ seq: 14, created: true });
    expect(await checkpointAuditChain(ctx)).toMatchObject({ seq: 14, created: false });
    expect(JSON.parse(readFileSync(join(dir, 'anchor.json'), 'utf8'))).toMatchObject({ seq: 14 });
  });

  it('reports a wiped table as TRUNCATED', async () => {
    await rawSql(t, `delete from audit_log`);
    await rawSql(t, `delete from audit_head`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ kind: 'truncated', seq: 11, entries: 0 });
    expect(r.firstBreak!.message).toMatch(/^TRUNCATED: the last signed checkpoint \(.*\) names entry 11 but only 0 entries exist/);
    // Without the anchor the database alone cannot tell: that is said, not hidden.
    const alone = await verifyAuditChain(t.database.db, 4, { ...trust(), anchor: null });
    expect(alone.ok).toBe(true);
    expect(alone.statement).toMatch(/NOT anchored/);
  });

  it('reports a deleted tail with the head row moved back as TRUNCATED', async () => {
    await rawSql(t, `delete from audit_log where seq >= 9`);
    await rawSql(t, `update audit_head set seq = 8, hash = (select hash from audit_log where seq = 8)`);
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'truncated', seq: 11, entries: 8 });
    expect(r.firstBreak!.message).toMatch(/names entry 11 but only 8 entries exist/);
  });

  it('reports a chain rebuilt from an entry on (every hash recomputed) as REWRITTEN', async () => {
    // The attacker edits entry 5, recomputes every later hash, and replaces the checkpoint
    // (which it cannot sign) with an ordinary-looking entry.
    const entries = await chainPage(t.database.db, 0, 100);
    let prev = entries[3]!.hash;
    for (const e of entries.slice(4)) {
      const content =
        e.seq === 5 ? { ...e, action: 'note.deleted' } : e.seq === 11 ? { ...e, action: 'note.created', recordType: 'note', afterDigest: null } : e;
      const hash = entryHash(content, prev);
      await rawSql(
        t,
        `update audit_log set action = '${content.action}', record_type = '${content.recordType}', after_digest = ${content.afterDigest === null ? 'null' : `'${content.afterDigest}'`}, prev_hash = '${prev}', hash = '${hash}' where seq = ${e.seq}`,
      );
      prev = hash;
    }
    await rawSql(t, `update audit_head set hash = '${prev}'`);
    expect((await verifyAuditChain(t.database.db, 4, { ...trust(), anchor: null })).ok).toBe(true); // the chain alone links up
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'rewritten', seq: 11 });
    expect(r.firstBreak!.message).toMatch(/^REWRITTEN: entry 11 differs from the one the last signed checkpoint/);
    // And no checkpoint is ever signed over it.
    await expect(checkpointAuditChain(ctx)).rejects.toThrow(/no longer matches its anchor/);
  });

  it('reports a forged checkpoint and an edited anchor file', async () => {
    const [cp] = await chainPage(t.database.db, 10, 1);
    const forged = { ...cp!, afterDigest: `${cp!.afterDigest!.slice(0, -10)}${cp!.afterDigest!.endsWith('AAAAAAAAAA') ? 'BBBBBBBBBB' : 'AAAAAAAAAA'}` };
    await rawSql(t, `update audit_log set after_digest = '${forged.afterDigest}', hash = '${entryHash(forged, cp!.prevHash)}' where seq = 11`);
    await rawSql(t, `update audit_head set hash = '${entryHash(forged, cp!.prevHash)}'`);
    const anchor = JSON.parse(readFileSync(join(dir, 'anchor.json'), 'utf8'));
    writeFileSync(join(dir, 'anchor.json'), JSON.stringify({ ...anchor, hash: entryHash(forged, cp!.prevHash) }));
    const r = await verifyAuditChain(t.database.db, 4, { ...trust(), anchor: null });
    expect(r.firstBreak).toMatchObject({ kind: 'checkpoint', seq: 11, reason: 'signature' });
    const edited = await verify();
    expect(edited.firstBreak).toMatchObject({ kind: 'checkpoint', seq: 11 });
    writeFileSync(join(dir, 'anchor.json'), JSON.stringify({ ...anchor, seq: 5 }));
    await rawSql(t, `update audit_log set after_digest = '${cp!.afterDigest}', hash = '${cp!.hash}' where seq = 11`);
    await rawSql(t, `update audit_head set hash = '${cp!.hash}'`);
    expect((await verify()).firstBreak).toMatchObject({ kind: 'anchor', reason: 'signature' });
    writeFileSync(join(dir, 'anchor.json'), 'not json');
    expect((await verify()).firstBreak).toMatchObject({ kind: 'anchor', reason: 'unreadable' });
  });
});
