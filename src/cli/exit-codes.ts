import type { ErrorCode } from '../domain/errors';

/**
 * Exit codes per error code, so scripts can tell a bad input from an unreachable server.
 * 1 is kept for unexpected failures; 2 is commander's usage error.
 */
export const EXIT_CODES: Record<ErrorCode, number> = {
  VALIDATION: 3,
  UNAUTHENTICATED: 4,
  FORBIDDEN: 4,
  NOT_FOUND: 5,
  CONFLICT: 6,
  RATE_LIMITED: 7,
  PAYLOAD_TOO_LARGE: 3,
  UNSUPPORTED_MEDIA_TYPE: 3,
  UNAVAILABLE: 8,
  INTERNAL: 1,
};
