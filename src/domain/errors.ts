/**
 * The one error type of the application. Services throw it; `http/` maps `code` to a
 * status and an RFC 9457 problem document, `cli/` maps it to an exit code.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** One bad input field: its JSON Pointer (RFC 6901) and what is wrong with it. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly FieldProblem[] = [],
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly retryAfterSeconds: number | undefined;
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);

export const invalid = (details: readonly FieldProblem[], message = 'The request has invalid fields'): AppError => new AppError('VALIDATION', message, details);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
