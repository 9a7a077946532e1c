import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionKey } from '../api/session';

/** One message of `GET /api/events/stream` (server-sent events: outside the OpenAPI document). */
interface StreamEvent {
  id: string;
  type: string;
  recordType: string;
  recordId: string;
  at: string;
}

/** Query keys start with the record type they hold, so an event names what to refetch. */
export const auditKey = 'audit';

/**
 * Subscribes to `GET /api/events/stream` while someone is logged in and invalidates the queries
 * of each event's record type. The server sends each message as `event: <type>`, and an
 * EventSource only hands named events to listeners registered for that name, so one listener
 * is registered per event type from `GET /api/vocabulary` (plus `message` for unnamed ones).
 */
export function useEventStream(enabled: boolean, eventTypes: readonly string[], currentUserId: string | undefined): void {
  const client = useQueryClient();

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events/stream', { withCredentials: true });

    const onEvent = (message: MessageEvent<string>) => {
      let event: StreamEvent;
      try {
        event = JSON.parse(message.data) as StreamEvent;
      } catch {
        return; // A comment or keep-alive line, not an event.
      }
      if (!event.recordType) return;
      void client.invalidateQueries({ queryKey: [event.recordType] });
      // Every change writes an audit entry in the same transaction.
      void client.invalidateQueries({ queryKey: [auditKey] });
      if (event.recordType === 'user' && event.recordId === currentUserId) {
        void client.invalidateQueries({ queryKey: sessionKey });
      }
    };

    const names = new Set(['message', ...eventTypes]);
    for (const name of names) source.addEventListener(name, onEvent);
    // EventSource reconnects by itself after network errors; nothing to do on `error`.
    return () => {
      for (const name of names) source.removeEventListener(name, onEvent);
      source.close();
    };
  }, [client, enabled, eventTypes, currentUserId]);
}
