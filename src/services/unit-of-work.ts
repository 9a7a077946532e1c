import { stateDigest } from '../domain/audit/canonical';
import type { DomainEvent, EventType } from '../domain/events/event';
import type { Marking } from '../domain/policy/marking';
import { appendAudit } from '../store/audit';
import { translateDbError } from '../store/constraints';
import type { Tx } from '../store/database';
import { insertEvents } from '../store/outbox';
import type { Actor } from './actor';
import type { ServiceContext } from './context';

/** One change to one record, as a use case reports it. */
export interface Change {
  /** `<recordType>.<verb>`: the audit action and the event type. */
  readonly action: EventType;
  readonly recordType: string;
  readonly recordId: string;
  /** The record's state before and after (public fields only; secrets are dropped from digests anyway). */
  readonly before: unknown;
  readonly after: unknown;
  /** Who may see the audit entry and the event: the record's marking. */
  readonly marking: Marking;
  /** Event payload for receivers that may see the record; defaults to `after`. */
  readonly data?: Record<string, unknown>;
}

export type Record_ = (change: Change) => void;

/**
 * Runs a use case as ONE transaction that also writes an audit entry and an outbox event
 * for every change it records (STYLE.md habit 5). It commits whole or changes nothing;
 * a use case that changes something must record it.
 */
export async function write<T>(ctx: ServiceContext, actor: Actor, work: (tx: Tx, record: Record_) => Promise<T>): Promise<T> {
  const result = await ctx.db
    .transaction(async (tx) => {
      const changes: Change[] = [];
      const value = await work(tx, (c) => changes.push(c));
      const at = ctx.now().toISOString();
      const events: DomainEvent[] = changes.map((c) => ({
        id: ctx.newId(),
        type: c.action,
        recordType: c.recordType,
        recordId: c.recordId,
        at,
        marking: c.marking,
        data: c.data ?? (c.after && typeof c.after === 'object' ? (c.after as Record<string, unknown>) : {}),
      }));
      await appendAudit(
        tx,
        changes.map((c) => ({
          id: ctx.newId(),
          at,
          actorUserId: actor.userId,
          actorOrganisationId: actor.organisationId,
          actorLabel: actor.label,
          action: c.action,
          recordType: c.recordType,
          recordId: c.recordId,
          beforeDigest: stateDigest(c.before),
          afterDigest: stateDigest(c.after),
          marking: c.marking,
        })),
      );
      await insertEvents(tx, events);
      return { value, types: events.map((e) => e.type) };
    })
    .catch((err: unknown) => {
      throw translateDbError(err);
    });
  if (result.types.length) ctx.nudge(result.types);
  return result.value;
}
