import pino, { type Logger } from 'pino';
import { loggableError } from '../services/safe-error';

/**
 * pino with redaction: credentials never reach the logs, whatever a log call passes
 * (request headers, bodies, errors with causes). Errors go through `loggableError`: a
 * database error is logged as its SQLSTATE and statement name, never with its SQL values
 * or parameters (issue 9 item 10); the request id comes with every request's log line.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      serializers: { err: loggableError, error: loggableError },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.secret',
          '*.token',
          '*.passwordHash',
          '*.cookieSecret',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
