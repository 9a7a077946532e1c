import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { openDatabase, type Database } from '../../src/store/database';
import { emptyPostgresDatabase } from './databases';

/** Migration tests take a database to an older migration, give it rows in the old shape, then migrate to the end. */
const ROOT = new URL('../../drizzle', import.meta.url).pathname;

/** A copy of the migrations folder whose journal ends at migration `last`. */
function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'aisc-migrations-'));
  cpSync(ROOT, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

/** A database migrated up to migration `last` (inclusive), and how to drop it; `database.migrate()` then takes it to the end. */
export async function databaseAt(driver: 'pglite' | 'postgres', last: number): Promise<{ database: Database; drop: () => Promise<void> }> {
  const folder = migrationsUpTo(last);
  if (driver === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migratePglite(database.db as never, { migrationsFolder: folder });
    return { database, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const empty = await emptyPostgresDatabase();
  const database = await openDatabase({ databaseUrl: empty.url, dataDir: 'unused' });
  await migrateNodePg(database.db as never, { migrationsFolder: folder });
  return {
    database,
    drop: async () => {
      rmSync(folder, { recursive: true, force: true });
      await empty.drop();
    },
  };
}
