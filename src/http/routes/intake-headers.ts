import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../domain/errors';
import type { Budget } from '../../services/intake/admission';

/** The remaining admission budget on every intake answer (normal lane, priority lane, day). */
export function budgetHeaders(reply: FastifyReply, budget: Budget | null): void {
  if (!budget) return;
  reply.header('x-intake-remaining', String(budget.normal));
  reply.header('x-intake-priority-remaining', String(budget.priority));
  reply.header('x-intake-day-remaining', String(budget.day));
}

/** The longest `Idempotency-Key` (and per-finding `idempotencyKey`) AISC keeps. */
export const MAX_IDEMPOTENCY_KEY = 200;

/**
 * The request's `Idempotency-Key` header, trimmed, or null. A longer key is refused, never
 * cut: two keys that differ after character 200 would otherwise replay each other
 * (issue 9 item 12).
 */
export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const header = req.headers['idempotency-key'];
  const key = typeof header === 'string' ? header.trim() : '';
  if (!key) return null;
  if (key.length > MAX_IDEMPOTENCY_KEY) {
    const problems: Array<FieldProblem & { location: string }> = [
      { path: '/idempotency-key', message: `at most ${MAX_IDEMPOTENCY_KEY} characters (this one has ${key.length})`, location: 'headers' },
    ];
    throw new AppError('VALIDATION', `The Idempotency-Key header is longer than ${MAX_IDEMPOTENCY_KEY} characters`, problems);
  }
  return key;
}
