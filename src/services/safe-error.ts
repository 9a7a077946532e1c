import { createHash } from 'node:crypto';

/**
 * What of an error may be written to a log, a job record or a terminal (issue 9 item 10).
 *
 * A failed query carries its SQL text and parameters (drizzle's `DrizzleQueryError` puts
 * both in its message and stack; PGlite's error keeps `query` and `params`), and the server's
 * error carries values in `detail` ("Failing row contains (…)"), `where`, `internalQuery`,
 * and, for some SQLSTATEs, in its message ("invalid input syntax for type uuid: "…"").
 * Parameters are webhook secrets, password hashes and TLP:RED record contents. So a database
 * error is reduced to its SQLSTATE, the schema names the server reports (table, column,
 * constraint, routine) and a statement identifier: which kind of statement on which table,
 * and a short hash of its SQL text (with placeholders, never values) to tell statements
 * apart. Other errors keep their type, message, code and stack; causes are reduced alike.
 */
export interface DatabaseErrorSummary {
  readonly type: 'DatabaseError';
  readonly message: string;
  /** The SQLSTATE (PostgreSQL Appendix A), e.g. 23505 unique_violation. */
  readonly sqlstate?: string;
  /** `insert webhooks`, `select advisories`…: the statement kind and its first table. */
  readonly statement?: string;
  /** SHA-256 of the SQL text (placeholders only), first 12 hex digits. */
  readonly statementId?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
  readonly routine?: string;
  readonly stack?: string;
}

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null;

/** A query error (drizzle, PGlite) or a PostgreSQL server error (pg, PGlite), by shape: both drivers, any wrapping. */
export function isDatabaseError(err: unknown): boolean {
  if (!isObject(err)) return false;
  if (typeof err.query === 'string' && 'params' in err) return true;
  return typeof err.severity === 'string' && typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code);
}

/** The kind of statement and the first table it names, from SQL text: no values. */
export function statementName(sql: string): string {
  const verb =
    /^\s*(?:with\b[\s\S]*?\)\s*)?(select|insert|update|delete|with|lock|copy|create|alter|drop|truncate|begin|commit|rollback|savepoint|set)\b/i
      .exec(sql)?.[1]
      ?.toLowerCase() ?? 'statement';
  const table = /\b(?:from|into|update|table|join)\s+"?([a-z_][a-z0-9_]*)"?/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/** Stack frames only: the first line of a stack repeats the message, which may carry values. */
const framesOf = (stack: unknown): string | undefined =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .join('\n') || undefined
    : undefined;

function summariseDatabaseError(err: Loose): DatabaseErrorSummary {
  // drizzle wraps the driver's error as `cause`; the SQLSTATE and schema names live there.
  const server = [err, err.cause].find((e): e is Loose => isObject(e) && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  const sql = [err.query, isObject(err.cause) ? err.cause.query : undefined].find((q): q is string => typeof q === 'string');
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const out: { -readonly [K in keyof DatabaseErrorSummary]: DatabaseErrorSummary[K] } = { type: 'DatabaseError', message: '' };
  if (server) {
    out.sqlstate = server.code as string;
    for (const k of ['table', 'column', 'constraint', 'routine'] as const) {
      const v = str(server[k]);
      if (v) out[k] = v;
    }
  }
  if (sql) {
    out.statement = statementName(sql);
    out.statementId = createHash('sha256').update(sql).digest('hex').slice(0, 12);
  }
  out.message = `database error${out.sqlstate ? ` ${out.sqlstate}` : ''}${out.statement ? ` in ${out.statement}` : ''}${out.constraint ? ` (constraint ${out.constraint})` : ''}`;
  const stack = framesOf(err.stack);
  if (stack) out.stack = stack;
  return out;
}

/** A log-safe form of any error (pino's `err` serializer, job records): see the module comment. */
export function loggableError(err: unknown, depth = 0): unknown {
  if (!isObject(err)) return err;
  if (isDatabaseError(err)) return summariseDatabaseError(err);
  const out: Loose = {
    type: err instanceof Error ? err.constructor.name : typeof err.name === 'string' ? err.name : 'Error',
    message: typeof err.message === 'string' ? err.message : String(err),
  };
  for (const k of ['code', 'statusCode', 'details']) if (err[k] !== undefined) out[k] = err[k];
  if (typeof err.stack === 'string') out.stack = err.stack;
  // A cause may be the database error (AppError wrapping a failed write): reduce it too.
  if (err.cause !== undefined && depth < 5) out.cause = loggableError(err.cause, depth + 1);
  return out;
}

/** One line about an error that is safe to store or print: a database error never shows its SQL or values. */
export function safeErrorMessage(err: unknown): string {
  if (isObject(err) && isDatabaseError(err)) return summariseDatabaseError(err).message;
  if (err instanceof Error) return err.message;
  return String(err);
}
