import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/services/ids';
import { catchUp, IntakeState } from '../../src/services/intake/dedup-registry';
import { DRIVERS } from '../helpers/databases';
import { databaseAt } from '../helpers/migrations';

// Migration 0005 carries the dedup index's log over from the two tables it replaces. A
// database is taken to 0004, given rows in the old shape, then migrated to the end.
describe.each(DRIVERS)('upgrading the dedup log on %s', (driver) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('keeps every fingerprint and signature, pointing where the newest old row pointed', async () => {
    const { database, drop } = await databaseAt(driver, 4);
    cleanups.push(async () => {
      await database.close();
      await drop();
    });
    const db = database.db;
    const t0 = Date.now();
    // Findings a millisecond apart: their ids sort in the order they were made.
    const [f1, f2, f3, r1, r2, org] = [0, 1, 2, 3, 4, 5].map((i) => uuidv7(t0 + i)) as [string, string, string, string, string, string];
    const finding = (id: string, report: string) =>
      sql`insert into findings (id, report_id, content_digest, disposition, source, finder_kind, target_key, title, description, severity, owner_organisation_id, tlp, created_at)
          values (${id}, ${report}, 'd', 'accepted', 'api', 'ai', 'pkg:npm/x', 't', 'd', 'high', ${org}, 'AMBER+STRICT', now())`;
    await db.execute(finding(f1, r1));
    await db.execute(finding(f2, r1));
    await db.execute(finding(f3, r2));
    // f1 opened r1 (two fingerprints and a signature); f2 taught one more fingerprint; f1's
    // first fingerprint was later re-pointed to r2 (a newer row).
    await db.execute(sql`insert into finding_fingerprints (finding_id, report_id, algorithm, value) values
      (${f1}, ${r1}, 'v1:loc', 'aaa'), (${f1}, ${r1}, 'v1:fn', 'bbb'), (${f2}, ${r1}, 'v1:fn', 'ccc'), (${f1}, ${r2}, 'v1:loc', 'aaa')`);
    await db.execute(sql`delete from finding_fingerprints where finding_id = ${f1} and report_id = ${r1} and value = 'aaa'`);
    await db.execute(sql`insert into finding_signatures (finding_id, report_id, algorithm, target_key, cwe, file, line, signature) values
      (${f1}, ${r2}, 'minhash-64x16-v1', 'pkg:npm/x', 'CWE-787', 'src/a.c', 10, ${Buffer.from(new Uint32Array(64).fill(7).buffer)}),
      (${f3}, ${r2}, 'minhash-64x16-v1', 'pkg:npm/x', null, null, null, ${Buffer.from(new Uint32Array(64).fill(9).buffer)})`);

    await database.migrate();

    const r = await db.execute(
      sql`select finding_id, report_id, fingerprints, target_key, cwe, file, line, signature is not null as signed from finding_dedup_keys order by seq`,
    );
    const rows = (r as unknown as { rows: Record<string, unknown>[] }).rows;
    expect(rows).toEqual([
      {
        finding_id: f1,
        report_id: r2,
        fingerprints: ['v1:fn bbb', 'v1:loc aaa'],
        target_key: 'pkg:npm/x',
        cwe: 'CWE-787',
        file: 'src/a.c',
        line: 10,
        signed: true,
      },
      { finding_id: f2, report_id: r1, fingerprints: ['v1:fn ccc'], target_key: 'pkg:npm/x', cwe: null, file: null, line: null, signed: false },
      { finding_id: f3, report_id: r2, fingerprints: [], target_key: 'pkg:npm/x', cwe: null, file: null, line: null, signed: true },
    ]);
    const tables = await db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name in ('finding_fingerprints', 'finding_signatures')`,
    );
    expect((tables as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);

    // The index rebuilt from the new log knows what the old tables held.
    const state = new IntakeState();
    await catchUp(db, state);
    expect(['aaa', 'bbb', 'ccc'].map((v) => state.index.reportOfFingerprint(v))).toEqual([r2, r2, r1]);
    expect(state.index.size).toEqual({ fingerprints: 3, signatures: 2 });
  }, 60_000);
});
