import { type Problem, pointer } from '../problem';

/**
 * A defensive reader over an untyped JSON value: every getter records a problem (with its JSON
 * Pointer) instead of throwing, so one pass over a log names every bad field at once.
 */
export class Reader {
  readonly problems: Problem[] = [];

  constructor(readonly base = '') {}

  at(path: string): string {
    return this.base + path;
  }

  problem(path: string, message: string): void {
    this.problems.push({ path: this.at(path), message });
  }

  object(v: unknown, path: string, required = true): Record<string, unknown> | null {
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    if (v === undefined || v === null) {
      if (required) this.problem(path, 'is missing');
      return null;
    }
    this.problem(path, 'must be an object');
    return null;
  }

  string(o: Record<string, unknown> | null, key: string, path: string, required = true): string | null {
    const v = o?.[key];
    if (typeof v === 'string' && (v.length > 0 || !required)) return v;
    if (v === undefined || v === null) {
      if (required && o) this.problem(pointer(path, key), 'is missing');
      return null;
    }
    this.problem(pointer(path, key), 'must be a non-empty string');
    return null;
  }

  count(o: Record<string, unknown> | null, key: string, path: string): number | null {
    const v = o?.[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
    this.problem(pointer(path, key), 'must be a whole number, 0 or more');
    return null;
  }
}

/** A number as a metric value; NaN and infinities arrive as null (pydantic writes them so), other types are not metrics. */
export const metricValue = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
