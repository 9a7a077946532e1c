import { CommanderError } from 'commander';
import { AppError } from '../domain/errors';
import { safeErrorMessage } from '../services/safe-error';
import { FormatError } from '../standards/problem';
import { EXIT_CODES } from './exit-codes';
import type { CliIo } from './io';

/**
 * Turns any failure into one line on stderr and an exit code. With --json the line is a
 * JSON object (`{"error":{code,message,details}}`) so scripts can parse it.
 */
export function reportError(io: CliIo, err: unknown, json: boolean): number {
  let code: string;
  let message: string;
  let details: readonly { path: string; message: string }[] = [];
  let exit: number;
  if (err instanceof AppError) {
    ({ code, message, details } = err);
    exit = EXIT_CODES[err.code];
  } else if (err instanceof FormatError) {
    code = 'VALIDATION';
    message = err.message;
    details = err.problems;
    exit = EXIT_CODES.VALIDATION;
  } else if (err instanceof CommanderError) {
    return err.exitCode === 0 ? 0 : 2;
  } else {
    code = 'INTERNAL';
    // Never a failed query's SQL or parameters (issue 9 item 10).
    message = safeErrorMessage(err);
    exit = 1;
  }
  if (json) {
    io.stderr.write(`${JSON.stringify({ error: { code, message, details } })}\n`);
  } else {
    const extra =
      details.length > 1 || (details[0] && !message.includes(details[0].message))
        ? ` (${details.map((d) => `${d.path || '/'}: ${d.message}`).join('; ')})`
        : '';
    const line = `aisc: ${message}${extra}`.replace(/\s*\n\s*/g, ' ');
    io.stderr.write(`${line}\n`);
  }
  return exit;
}
