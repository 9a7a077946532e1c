import pino, { type Logger } from 'pino';

/**
 * pino with redaction: credentials never reach the logs, whatever a log call passes
 * (request headers, bodies, errors with causes).
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
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
