import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit';
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
