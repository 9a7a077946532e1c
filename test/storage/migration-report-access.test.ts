import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/services/ids';
import { DRIVERS } from '../helpers/databases';
import { databaseAt } from '../helpers/migrations';

// Migration 0008 takes back what duplicates opened (issue 9 item 1, ADR 0013), and 0010 turns
// the copied coordinator into the read-time coordinators relation (item 6, ADR 0008): a database
// is taken to 0006, given a report whose access list a duplicate widened, then migrated.
describe.each(DRIVERS)('closing reports that duplicates opened, on %s', (driver) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('keeps the report open to the coordinators (now as the relation) and removes the organisations duplicates added', async () => {
    const { database, drop } = await databaseAt(driver, 6);
    cleanups.push(async () => {
      await database.close();
      await drop();
    });
    const db = database.db;
    const [coordinator, labA, labB, report] = [0, 1, 2, 3].map((i) => uuidv7(Date.now() + i)) as [string, string, string, string];
    const org = (id: string, name: string, isCoordinator: boolean) =>
      sql`insert into organisations (id, name, kind, coordinator, created_at, updated_at) values (${id}, ${name}, 'ai_developer', ${isCoordinator}, now(), now())`;
    await db.execute(org(coordinator, `Coordinator ${coordinator}`, true));
    await db.execute(org(labA, `Lab A ${labA}`, false));
    await db.execute(org(labB, `Lab B ${labB}`, false));
    await db.execute(sql`insert into reports (id, state, title, target_key, severity, finder_kind, reporter_organisations, owner_organisation_id, tlp, access_organisations, created_at, updated_at)
      values (${report}, 'received', 't', 'pkg:npm/x', 'high', 'ai', array[${labA}, ${labB}]::uuid[], ${labA}, 'AMBER+STRICT', array[${coordinator}, ${labB}]::uuid[], now(), now())`);

    await database.migrate();

    const r = await db.execute(sql`select access_organisations, coordinators, reporter_organisations, owner_organisation_id from reports where id = ${report}`);
    expect((r as unknown as { rows: unknown[] }).rows).toEqual([
      { access_organisations: [], coordinators: true, reporter_organisations: [labA, labB], owner_organisation_id: labA },
    ]);
  }, 60_000);
});
