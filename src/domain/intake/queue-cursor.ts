import { type FieldProblem, invalid } from '../errors';
import { REPORT_SORTS, type ReportSort } from './queue';

/**
 * Where a page of the triage queue ended (ADR 0051): the sort it was taken in and the last
 * report's sort keys. The next page starts strictly after that position (keyset pagination),
 * so a deep page costs what the first does and a report added meanwhile neither repeats nor
 * skips one. The cursor is opaque to callers: base64url of a small JSON array.
 */
export interface QueuePosition {
  readonly sort: ReportSort;
  readonly severity: string;
  readonly exploited: boolean;
  readonly findingCount: number;
  /** ISO 8601 with milliseconds: `created_at` is stored to the millisecond. */
  readonly createdAt: string;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The cursor that resumes after `p`. */
export function encodeQueueCursor(p: QueuePosition): string {
  return Buffer.from(JSON.stringify([p.sort, p.severity, p.exploited, p.findingCount, p.createdAt, p.id])).toString('base64url');
}

/**
 * The position a cursor names, for the sort asked for now. A cursor from another sort, or
 * one that is not ours, is a bad request on `/cursor` (never a silent first page).
 */
export function decodeQueueCursor(cursor: string, sort: ReportSort): QueuePosition {
  const bad = (message: string) => invalid([{ path: '/cursor', message } satisfies FieldProblem], 'The cursor is not valid');
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor this API gave out');
  }
  if (!Array.isArray(v) || v.length !== 6) throw bad('not a cursor this API gave out');
  const [s, severity, exploited, findingCount, createdAt, id] = v as unknown[];
  if (
    typeof s !== 'string' ||
    !(REPORT_SORTS as readonly string[]).includes(s) ||
    typeof severity !== 'string' ||
    severity.length > 32 ||
    typeof exploited !== 'boolean' ||
    typeof findingCount !== 'number' ||
    !Number.isSafeInteger(findingCount) ||
    typeof createdAt !== 'string' ||
    !ISO.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt)) ||
    typeof id !== 'string' ||
    !UUID.test(id)
  )
    throw bad('not a cursor this API gave out');
  if (s !== sort) throw bad(`this cursor continues the "${s}" order, not "${sort}"`);
  return { sort: s as ReportSort, severity, exploited, findingCount, createdAt, id };
}
