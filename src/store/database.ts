import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
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
    // No global `pg.types` change (ADR 0052): drizzle maps every column itself (bigint
    // columns are declared `mode: 'number'`, counts `mapWith(Number)`), so the pool keeps
    // pg's own parsers and nothing else in the process is affected.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle pooled connection can be closed by the server (restart, failover, a dropped
    // database). pg then emits 'error' on the pool; unhandled, that would end the process.
    // The pool discards the client and the next query opens a new one.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`, 'AiscDatabaseWarning'));
    const nodePgDb = drizzleNodePg(pool, { schema });
    return {
      db: nodePgDb as unknown as Db,
      driver: 'postgres',
      migrate: () => migrateNodePg(nodePgDb, { migrationsFolder: MIGRATIONS }),
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

/**
 * The types drizzle reads as the server's text (it parses them itself, by column): the set
 * its PGlite driver sends with every query. Sent per query, they make PGlite copy its whole
 * parser table for each one (`{ ...parsers, ...options.parsers }`, the top PGlite cost in
 * docs/benchmarks.md); set once on the client, every query uses the client's own table.
 */
const DRIVER_TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const asText = (v: string) => v;
const ARRAY_ROWS = { rowMode: 'array' } as const;
const OBJECT_ROWS = { rowMode: 'object' } as const;

type PgliteQueries = Pick<Transaction, 'query' | 'exec'>;

/**
 * What drizzle is given instead of the PGlite client (ADR 0052): the calls drizzle makes
 * (query, exec, transaction, rollback) on the same client, whose `query` keeps drizzle's row mode and drops its per-query parsers (the client already has
 * them), and whose transactions hand drizzle the same kind of wrapper. `raw` is the client
 * itself, for what only PGlite offers (COPY from a blob).
 */
function drizzleFacing<T extends PgliteQueries>(client: T): PgliteQueries & { readonly raw: T } {
  return {
    raw: client,
    query: (q: string, params?: unknown[], options?: { rowMode?: 'array' | 'object' }) =>
      client.query(q, params, options?.rowMode === 'array' ? ARRAY_ROWS : OBJECT_ROWS),
    exec: (q: string, options?: Parameters<T['exec']>[1]) => client.exec(q, options),
    ...('transaction' in client
      ? {
          transaction: <R>(fn: (tx: PgliteQueries) => Promise<R>) => (client as unknown as PGlite).transaction((tx) => fn(drizzleFacing(tx))),
        }
      : {}),
    ...('rollback' in client ? { rollback: () => (client as unknown as Transaction).rollback() } : {}),
  } as PgliteQueries & { readonly raw: T };
}

function pgliteDatabase(client: PGlite, afterClose: () => Promise<void>): Database {
  for (const oid of DRIVER_TEXT_TYPES) client.parsers[oid] = asText;
  const pgliteDb = drizzlePglite(drizzleFacing(client) as unknown as PGlite, { schema });
  return {
    db: pgliteDb as unknown as Db,
    driver: 'pglite',
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS }),
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
  // drizzle has no public handle on a transaction's connection; its session keeps the
  // wrapper this module gave it (drizzleFacing), which names the real client.
  const client = (db as unknown as { _: { session: { client?: unknown } } })._.session.client;
  return client !== null && typeof client === 'object' && 'raw' in client ? (client.raw as Pick<Transaction, 'query'>) : null;
}
