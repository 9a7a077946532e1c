import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { EventBus } from '../services/events/bus';

/** The JetStream stream that keeps AISC's events, and its subjects: `aisc.events.<record type>.<verb>`. */
export const EVENT_STREAM = 'AISC_EVENTS';
export const subjectOf = (type: string): string => `aisc.events.${type.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

/**
 * Publishes outbox events to NATS JetStream (DESIGN.md "Events"). Each message carries the
 * event id as `Nats-Msg-Id`, so a re-publish after a crash is dropped by JetStream's
 * duplicate window instead of stored twice. Messages include the record's marking: the bus
 * is internal to the deployment, and consumers must apply the policy before passing an
 * event on (webhooks and streams already do).
 */
export async function connectNatsBus(url: string): Promise<EventBus & { nc: NatsConnection }> {
  const nc = await connect({ servers: url, name: 'aisc' });
  const jsm = await jetstreamManager(nc);
  const subjects = ['aisc.events.>'];
  try {
    await jsm.streams.info(EVENT_STREAM);
  } catch {
    await jsm.streams.add({ name: EVENT_STREAM, subjects, duplicate_window: 10 * 60 * 1_000_000_000 });
  }
  const js: JetStreamClient = jetstream(nc);
  return {
    nc,
    async publish(events) {
      await Promise.all(
        events.map((e) =>
          js.publish(
            subjectOf(e.type),
            JSON.stringify({ id: e.id, type: e.type, recordType: e.recordType, recordId: e.recordId, at: e.at, marking: e.marking, data: e.data }),
            { msgID: e.id },
          ),
        ),
      );
    },
    async close() {
      await nc.drain();
    },
  };
}
