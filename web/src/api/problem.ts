/** RFC 9457 problem details as the API answers them, and the error the UI throws for them. */

export interface ProblemFieldError {
  /** RFC 6901 JSON Pointer into the request body, e.g. `/name` or `/user/email`. */
  path: string;
  message: string;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

/** A failed API call: the HTTP status and, when the server sent one, its problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  /** Seconds from a `Retry-After` header (RFC 9110 §10.2.3), when present as a number. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: ProblemDetails, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get fieldErrors(): ProblemFieldError[] {
    return this.problem.errors ?? [];
  }
}

/** Reads a failed response's body as problem+json, falling back to a bare problem from its status. */
export async function readProblem(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = { status: response.status, title: response.statusText || undefined };
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = { ...problem, ...((await response.json()) as ProblemDetails) };
    } catch {
      // A body that is not JSON leaves the bare problem: the status still says what happened.
    }
  }
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
}

/** A one-line human message for an error of any kind. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    if (title && detail && title !== detail) return `${title}: ${detail}`;
    return detail ?? title ?? error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
