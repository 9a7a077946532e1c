import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { AppError } from '../domain/errors';
import { isDatabaseDir, lockDataDir } from './data-dir-lock';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The query interface shared by both drivers: the rest of the code never knows which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly driver: 'pglite' | 'postgres';
  /** Runs migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens the database: a PostgreSQL server when `databaseUrl` is given, else the embedded
 * PGlite in `dataDir` (`memory://` keeps it in memory, for tests). The embedded database is
 * locked to this process until `close()` (ADR 0042). With `create: false` a directory that
 * is not already an AISC database is refused instead of created (a mistyped path must not
 * become a new, empty database).
 */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; create?: boolean }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle pooled connection can be closed by the server (restart, failover, a dropped
    // database). pg then emits 'error' on the pool; unhandled, that would end the process.
    // The pool discards the client and the next query opens a new one.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`, 'AiscDatabaseWarning'));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      migrate: () => migrateNodePg(db as never, { migrationsFolder: MIGRATIONS }),
      close: () => pool.end(),
    };
  }
  if (opts.dataDir.startsWith('memory://')) {
    const client = await PGlite.create();
    return pgliteDatabase(client, async () => undefined);
  }
  const dir = resolve(opts.dataDir);
  if (opts.create === false && !isDatabaseDir(dir)) {
    // The detail repeats a phrase of the message: the CLI prints it once, --json names the variable.
    const problem = existsSync(dir) ? `${opts.dataDir} is not an AISC database` : `no AISC database at ${opts.dataDir}`;
    const advice = existsSync(dir)
      ? ' (no PostgreSQL data in it) — check AISC_DATA_DIR, or run `aisc migrate` to create one there'
      : ' — run `aisc serve` or `aisc migrate` first (or set AISC_DATA_DIR)';
    throw new AppError('NOT_FOUND', `${problem}${advice}`, [{ path: '/env/AISC_DATA_DIR', message: problem }]);
  }
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(dir);
  } catch (err) {
    unlock();
    throw err;
  }
  return pgliteDatabase(client, async () => unlock());
}

function pgliteDatabase(client: PGlite, afterClose: () => Promise<void>): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
    async close() {
      try {
        await client.close();
      } finally {
        await afterClose();
      }
    },
  };
}

/**
 * The PGlite connection (or open PGlite transaction) behind an executor, or null on a
 * PostgreSQL server: for what only PGlite offers, such as `COPY … FROM '/dev/blob'`.
 */
export function pgliteOf(db: Executor): Pick<Transaction, 'query'> | null {
  const client = (db as unknown as { _: { session: { client?: unknown } } })._.session.client;
  return client instanceof PGlite || (client !== null && typeof client === 'object' && 'rollback' in client && 'exec' in client)
    ? (client as Pick<Transaction, 'query'>)
    : null;
}

pg.types.setTypeParser(20, (v) => Number(v));
