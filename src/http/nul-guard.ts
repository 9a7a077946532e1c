import type { FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../domain/errors';
import { nulProblems } from '../domain/input/nul';

/** The request headers AISC reads as text; a NUL in any other header is never looked at. */
const USED_HEADERS = ['idempotency-key', 'x-csrf-token', 'content-type', 'authorization'] as const;

/**
 * The one NUL check of the HTTP layer (issue 9 item 11), run before validation and before
 * any handler: route parameters, the query string, the headers AISC uses and a parsed JSON
 * body (any depth, member names too) are refused with a 400 naming every field. Streamed
 * bodies (bulk intake) are checked item by item by the intake parser instead.
 */
export async function refuseNul(req: FastifyRequest): Promise<void> {
  const errors: Array<FieldProblem & { location: string }> = [];
  const add = (location: string, value: unknown) => {
    for (const p of nulProblems(value)) errors.push({ ...p, location });
  };
  add('params', req.params);
  add('querystring', req.query);
  for (const h of USED_HEADERS) {
    const v = req.headers[h];
    if (typeof v === 'string' && v.includes('\u0000'))
      errors.push({ path: `/${h}`, message: 'contains a NUL character (U+0000), which is not allowed', location: 'headers' });
  }
  if (req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) add('body', req.body);
  if (errors.length) throw new AppError('VALIDATION', `The request has ${errors.length} field${errors.length === 1 ? '' : 's'} with a NUL character`, errors);
}
