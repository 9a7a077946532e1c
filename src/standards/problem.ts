/**
 * What every standards module reports when input is not valid: each problem with the
 * JSON Pointer (RFC 6901) of the place it was found, all of them in one answer.
 * Standards modules are pure and depend on nothing outside `standards/`, so they carry
 * their own error type; services map it to the application's VALIDATION error.
 */
export interface Problem {
  /** RFC 6901 JSON Pointer into the input ('' is the whole document). */
  readonly path: string;
  readonly message: string;
}

/** Thrown by a standards parser when the input is not a valid document of its format. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    /** The format (or ecosystem) that rejected the input, e.g. `osv`, `purl`, `PyPI`. */
    readonly format: string,
    readonly problems: readonly Problem[],
  ) {
    super(
      problems.length === 1
        ? `${format}: ${problems[0]!.path ? `${problems[0]!.path}: ` : ''}${problems[0]!.message}`
        : `${format}: ${problems.length} problems, first: ${problems[0]?.path ?? ''} ${problems[0]?.message ?? ''}`,
    );
  }
}

/** Appends one reference token to a JSON Pointer, escaping per RFC 6901 §3. */
export function pointer(base: string, token: string | number): string {
  return `${base}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
