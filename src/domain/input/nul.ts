/**
 * NUL characters (U+0000) in untrusted input. PostgreSQL cannot store U+0000 in `text` or
 * `jsonb` (it answers "invalid byte sequence for encoding UTF8: 0x00"), and no field of AISC
 * has a use for one, so input carrying one is refused at the boundary, naming the field —
 * never passed on to fail deep inside as a 500 (issue 9 item 11).
 */
import type { FieldProblem } from '../errors';

export const NUL_IN_VALUE = 'contains a NUL character (U+0000), which is not allowed';
export const NUL_IN_NAME = 'has a member whose name contains a NUL character (U+0000), which is not allowed';

/** RFC 6901 §3: `~` and `/` in a reference token are escaped. */
const token = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Every place in a parsed JSON-like value (strings, arrays, plain objects — any depth) where
 * a NUL character occurs, as JSON Pointers (RFC 6901) below `base`. A member name with a NUL
 * is reported at its object, without the name itself (it cannot be written back safely).
 */
export function nulProblems(value: unknown, base = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) out.push({ path: at, message: NUL_IN_VALUE });
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, `${at}/${i}`);
    } else if (v !== null && typeof v === 'object' && isPlain(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000')) out.push({ path: at, message: NUL_IN_NAME });
        else walk(item, `${at}/${token(k)}`);
      }
    }
  };
  walk(value, base);
  return out;
}

/**
 * Parsed JSON is made of plain objects; query strings and route parameters are dictionaries
 * whose prototype has no prototype itself (fast-querystring's `Empty`). Anything else (a
 * stream, a buffer, a date) is not input text.
 */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}
