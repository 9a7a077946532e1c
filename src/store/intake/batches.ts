import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../database';

/** Rows per statement: one JSON parameter each, so PostgreSQL's parameter limit does not apply. */
const ROWS_PER_STATEMENT = 5_000;

const hex = (b: Uint8Array) => `\\x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`;
const jsonValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v instanceof Uint8Array ? hex(v) : v);

/**
 * Inserts many rows set-based: the rows travel as ONE JSON document per statement and the
 * server turns it into rows (`json_populate_recordset`), which on PGlite is several times
 * faster than a statement with a parameter per value. Columns a row leaves out get their
 * defaults; every row must name the same columns as the first.
 */
export async function insertMany<T extends PgTable>(db: Executor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0] as object).filter((k) => columns[k]);
  const names = sql.join(keys.map((k) => sql.identifier(columns[k]!.name)), sql`, `);
  const tableName = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(
      rows.slice(i, i + ROWS_PER_STATEMENT).map((r) => {
        const o: Record<string, unknown> = {};
        for (const k of keys) o[columns[k]!.name] = jsonValue((r as Record<string, unknown>)[k]);
        return o;
      }),
    );
    await db.execute(sql`insert into ${tableName} (${names}) select ${names} from json_populate_recordset(null::${tableName}, ${json}::json)`);
  }
}
