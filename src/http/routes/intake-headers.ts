import type { FastifyReply } from 'fastify';
import type { Budget } from '../../services/intake/admission';

/** The remaining admission budget on every intake answer (normal lane, priority lane, day). */
export function budgetHeaders(reply: FastifyReply, budget: Budget | null): void {
  if (!budget) return;
  reply.header('x-intake-remaining', String(budget.normal));
  reply.header('x-intake-priority-remaining', String(budget.priority));
  reply.header('x-intake-day-remaining', String(budget.day));
}
