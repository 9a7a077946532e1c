import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldProblem } from '../domain/errors';
import { FormatError } from '../standards/problem';

/** The one table from error codes to HTTP statuses (STYLE.md "One error type with stable codes"). */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const TITLE_OF: Record<ErrorCode, string> = {
  VALIDATION: 'Invalid request',
  UNAUTHENTICATED: 'Authentication required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal server error',
};

/** The RFC 9457 problem document AISC answers errors with; `errors` names every bad field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId: string;
  errors?: Array<FieldProblem & { location?: string }>;
}

const problemType = (code: ErrorCode) => `https://aisc.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;

/** Fastify's own client errors (bad JSON, too big, wrong media type…) by status. */
const FASTIFY_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

/** Maps any error to a problem; unknown errors reveal nothing and are logged with the request id. */
export function toProblem(err: unknown, req: FastifyRequest): Problem {
  const base = { instance: req.url.split('?')[0] ?? req.url, requestId: String(req.id) };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const location = (err as { validationContext?: string }).validationContext ?? 'body';
    const errors = err.validation.flatMap((v) => {
      const keys = (v.params as { keys?: string[] }).keys;
      // An unknown field is named by its own path, one entry per field.
      if (v.keyword === 'unrecognized_keys' && keys?.length) {
        return keys.map((k) => ({ path: `${v.instancePath === '/' ? '' : v.instancePath}/${k}`, message: 'unknown field', location }));
      }
      return [{ path: v.instancePath === '/' ? '' : v.instancePath, message: v.message ?? 'invalid', location }];
    });
    return {
      ...base,
      type: problemType('VALIDATION'),
      title: TITLE_OF.VALIDATION,
      status: 400,
      code: 'VALIDATION',
      detail: `The request ${location} has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
      errors,
    };
  }
  if (err instanceof FormatError) {
    return {
      ...base,
      type: problemType('VALIDATION'),
      title: TITLE_OF.VALIDATION,
      status: 400,
      code: 'VALIDATION',
      detail: err.message,
      errors: err.problems.map((p) => ({ ...p })),
    };
  }
  if (err instanceof AppError) {
    const p: Problem = { ...base, type: problemType(err.code), title: TITLE_OF[err.code], status: STATUS_OF[err.code], code: err.code, detail: err.message };
    if (err.details.length) p.errors = err.details.map((d) => ({ ...d }));
    return p;
  }
  const fe = err as FastifyError;
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = FASTIFY_CODES[fe.statusCode] ?? 'VALIDATION';
    const detail =
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/.test(fe.message)
        ? `The body is not valid JSON: ${fe.message.replace(/^Body is not valid JSON but content-type is set to 'application\/json'$/, 'syntax error')}`
        : fe.message;
    const p: Problem = { ...base, type: problemType(code), title: TITLE_OF[code], status: fe.statusCode, code, detail };
    if (code === 'VALIDATION') p.errors = [{ path: '', message: detail, location: 'body' }];
    return p;
  }
  req.log.error({ err }, 'unexpected error');
  return {
    ...base,
    type: problemType('INTERNAL'),
    title: TITLE_OF.INTERNAL,
    status: 500,
    code: 'INTERNAL',
    detail: 'An unexpected error occurred; quote the request id when reporting it',
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number): FastifyReply {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
