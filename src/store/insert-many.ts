import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { copyLinesPg } from './copy-pg';
import { copyField } from './copy-text';
import { pgliteOf, type Executor } from './database';

/** Rows per statement: one JSON parameter each, so PostgreSQL's parameter limit does not apply. */
const ROWS_PER_STATEMENT = 5_000;

const hex = (b: Uint8Array) => `\\x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`;
const jsonValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v instanceof Uint8Array ? hex(v) : v);

/** A value in the text form its column type reads: the driver mapping drizzle uses for parameters. */
function columnText(column: PgColumn, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const d = column.mapToDriverValue(v) as unknown;
  if (d === null || d === undefined) return null;
  if (typeof d === 'string') return d;
  if (d instanceof Uint8Array) return hex(d);
  if (d instanceof Date) return d.toISOString();
  if (typeof d === 'object') return JSON.stringify(d);
  return String(d);
}

/** The rows as COPY text-format lines, each value mapped as drizzle maps parameters. */
function copyLines(cols: readonly PgColumn[], keys: readonly string[], rows: readonly object[]): string[] {
  const lines: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Record<string, unknown>;
    let line = '';
    for (let j = 0; j < keys.length; j++) line += (j ? '\t' : '') + copyField(columnText(cols[j]!, r[keys[j]!]));
    lines[i] = `${line}\n`;
  }
  return lines;
}

/**
 * Inserts many rows set-based, with COPY in the text format on both drivers (ADR 0012,
 * ADR 0055): PostgreSQL reads them without the JSON or parameter machinery. On PGlite the
 * lines go in as one `COPY … FROM '/dev/blob'`; on a PostgreSQL server through
 * `COPY … FROM STDIN` on the transaction's connection (store/copy-pg.ts). One bad value fails
 * the whole statement, and with it the caller's transaction. Columns the first row leaves out
 * get their defaults; every row must name the same columns as the first.
 */
export async function insertMany<T extends PgTable>(db: Executor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0] as object).filter((k) => columns[k]);
  const cols = keys.map((k) => columns[k]!);
  const list = cols.map((c) => `"${c.name}"`).join(', ');
  const pglite = pgliteOf(db);
  if (pglite) {
    // One string encoded once: a Blob of many small strings encodes each on its own, slower.
    const text = copyLines(cols, keys, rows as readonly object[]).join('');
    await pglite.query(`copy "${getTableName(table)}" (${list}) from '/dev/blob'`, [], { blob: new Blob([Buffer.from(text)]) });
    return;
  }
  if (await copyLinesPg(db, `copy "${getTableName(table)}" (${list}) from stdin`, copyLines(cols, keys, rows as readonly object[]))) return;
  await insertJson(db, table, keys, columns, rows);
}

/** Any other node-postgres-compatible executor: one JSON document per statement, turned into rows by the server. */
async function insertJson<T extends PgTable>(
  db: Executor,
  table: T,
  keys: readonly string[],
  columns: Record<string, PgColumn>,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
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

/** From about this many rows COPY beats a plain parameterised insert on both drivers; below, its set-up costs more than it saves. */
const COPY_FROM = 32;

/**
 * Inserts rows the cheapest way for their number: a plain INSERT for a few (every use case's
 * single audit entry and event), `insertMany`'s COPY for a batch (imports, intake, ADR 0055).
 */
export async function insertRows<T extends PgTable>(db: Executor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length < COPY_FROM) await db.insert(table).values(rows as T['$inferInsert'][]);
  else await insertMany(db, table, rows);
}
