import type { StoredEvent } from '../../store/outbox';

/**
 * Where dispatched events go besides webhooks: a message bus shared by nodes and by other
 * systems (NATS JetStream when NATS_URL is set). `publish` must not return before the bus
 * has stored the events; the dispatcher marks them dispatched only afterwards, so a failure
 * leaves them in the outbox to be published again (receivers de-duplicate by event id).
 */
export interface EventBus {
  publish(events: readonly StoredEvent[]): Promise<void>;
  close(): Promise<void>;
}
