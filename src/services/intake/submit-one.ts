import { AppError } from '../../domain/errors';
import type { Principal } from '../../domain/identity/principal';
import type { ServiceContext } from '../context';
import { DAY_SPENT } from '../../domain/intake/chunk-plan';
import type { Budget } from './admission';
import type { ItemResult } from './results';
import { submitChunk, type SubmitOptions } from './submit';

/**
 * One finding (API, web form): the same path as a bulk item, with the item's rejection
 * turned into the request's error — 400 naming every field, 409 for a reused key, 429 with
 * the lane's Retry-After.
 */
export async function submitFinding(
  ctx: ServiceContext,
  p: Principal,
  value: unknown,
  opts: SubmitOptions,
): Promise<{ result: ItemResult; budget: Budget | null }> {
  // Admission is the chunk's (one path, ADR 0055): an item over its lane's budget comes back RATE_LIMITED, answered 429 below.
  const { results, budget } = await submitChunk(ctx, p, [{ index: 0, value }], opts);
  const result = results[0]!;
  if (result.status === 'rejected') {
    const problems = result.problems ?? [];
    if (result.code === 'CONFLICT') throw new AppError('CONFLICT', 'This idempotency key was used for a different finding', problems);
    if (result.code === 'RATE_LIMITED')
      throw new AppError('RATE_LIMITED', rateLimitMessage(problems), problems, { retryAfterSeconds: result.retryAfterSeconds ?? 60 });
    if (result.code === 'INTERNAL') throw new AppError('INTERNAL', 'The finding could not be stored');
    throw new AppError('VALIDATION', `The finding has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  }
  return { result, budget };
}

const rateLimitMessage = (problems: readonly { message: string }[]): string =>
  problems.some((p) => p.message === DAY_SPENT)
    ? 'The daily intake quota of your organisation is used up'
    : 'Your organisation is submitting faster than its intake rate allows';
