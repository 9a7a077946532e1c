import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/runtime/logger';
import { PublishedIndex } from '../../src/services/advisories/published-index';
import type { ServiceContext } from '../../src/services/context';
import { IntakeState } from '../../src/services/intake/dedup-registry';
import { CredentialCache } from '../../src/services/credential-cache';
import { uuidv7 } from '../../src/services/ids';
import { type Database, openDatabase } from '../../src/store/database';
import { requireUnderCi } from './ci-gate';
import { PreparedNoteReads } from '../../src/store/notes';

/**
 * The databases the storage suite runs on: PGlite always, and the real PostgreSQL server
 * when TEST_DATABASE_URL is set (STYLE.md "One test suite for interchangeable parts"). Under CI a
 * missing server fails the run rather than quietly halving the suite.
 */
export const DRIVERS: Array<'pglite' | 'postgres'> = requireUnderCi(
  !!process.env.TEST_DATABASE_URL,
  'the PostgreSQL half of the storage suite: set TEST_DATABASE_URL to a PostgreSQL server',
  process.env.CI,
)
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase {
  readonly database: Database;
  /** A connection URL when on PostgreSQL (for tests that tamper through a second connection). */
  readonly url: string | null;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database. On PostgreSQL each call creates its own database (files
 * run in parallel), dropped again on close.
 */
export async function freshDatabase(driver: 'pglite' | 'postgres', options: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const database = await openDatabase({ dataDir: options.dataDir ?? 'memory://' });
    await database.migrate();
    return { database, url: null, close: () => database.close() };
  }
  const empty = await emptyPostgresDatabase();
  const database = await openDatabase({ databaseUrl: empty.url, dataDir: 'unused' });
  await database.migrate();
  return {
    database,
    url: empty.url,
    close: async () => {
      await database.close();
      await empty.drop();
    },
  };
}

/** A new, empty database on the TEST_DATABASE_URL server (files run in parallel, each in its own), and how to drop it. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `aisc_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

/** A service context over a test database, with a controllable clock. */
export function contextFor(
  database: Database,
  clock: { now: Date } = { now: new Date('2026-06-01T12:00:00.000Z') },
): ServiceContext & { clock: { now: Date } } {
  const r = parseConfig({ AISC_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', AISC_WEBHOOK_ALLOW_PRIVATE: 'true' });
  if (!r.ok) throw new Error('config');
  return {
    db: database.db,
    config: r.config,
    log: createLogger('silent'),
    now: () => new Date(clock.now),
    newId: () => uuidv7(),
    opaqueId: randomUUID,
    nudge: () => undefined,
    published: new PublishedIndex({ db: database.db, log: createLogger('silent') }),
    intake: new IntakeState(),
    notes: new PreparedNoteReads(database.db),
    credentials: { tokens: new CredentialCache(), sessions: new CredentialCache() },
    clock,
  };
}

/** Runs raw SQL on the database (for tests that tamper with rows directly). */
export async function rawSql(t: TestDatabase, text: string): Promise<void> {
  const { sql } = await import('drizzle-orm');
  await t.database.db.execute(sql.raw(text));
}
