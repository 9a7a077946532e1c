import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Executor } from './database';

type Queryable = pg.PoolClient | pg.Client;

/**
 * The node-postgres connection behind an executor: inside a transaction drizzle's session
 * holds the transaction's pooled client; outside one, the pool. Null on PGlite.
 * (Like `pgliteOf` in database.ts it reads drizzle's session; one place to change if drizzle does.)
 */
function nodePgOf(db: Executor): { client: Queryable } | { pool: pg.Pool } | null {
  const client = (db as unknown as { _: { session: { client?: unknown } } })._.session.client;
  if (client instanceof pg.Pool) return { pool: client };
  if (client instanceof pg.Client) return { client };
  return null;
}

/** Pieces of about this many bytes go to the socket at a time: large enough to amortise, small enough not to hold the whole chunk twice. */
const PIECE = 1 << 20;

/**
 * Streams COPY text-format lines (store/copy-text.ts) into a table through `COPY … FROM STDIN`
 * (pg-copy-streams) on the executor's connection, so inside a transaction the rows commit or
 * roll back with it. Returns false when the executor is not node-postgres (the caller then
 * uses another path). A bad value (a NUL byte, text an array or JSON column cannot read)
 * fails the COPY as a whole: PostgreSQL writes none of its rows (PostgreSQL "COPY": "COPY
 * stops operation at the first error").
 */
export async function copyLinesPg(db: Executor, statement: string, lines: readonly string[]): Promise<boolean> {
  const target = nodePgOf(db);
  if (!target) return false;
  const client = 'client' in target ? target.client : await target.pool.connect();
  try {
    const sink = client.query(copyStreams.from(statement));
    await pipeline(Readable.from(pieces(lines)), sink);
  } finally {
    if ('pool' in target) (client as pg.PoolClient).release();
  }
  return true;
}

function* pieces(lines: readonly string[]): Generator<Buffer> {
  let batch: string[] = [];
  let size = 0;
  for (const l of lines) {
    batch.push(l);
    size += l.length;
    if (size >= PIECE) {
      yield Buffer.from(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield Buffer.from(batch.join(''));
}
