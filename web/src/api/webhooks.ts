import { useQuery } from '@tanstack/react-query';
import { type BodyOf, body, client, type ItemOf, type QueryOf, type ResponseOf } from './client';

export type Webhook = ItemOf<ResponseOf<'/api/webhooks', 'get'>>;
export type WebhookDelivery = ItemOf<ResponseOf<'/api/webhooks/{id}/deliveries', 'get'>>;
export type DeliveryStatus = WebhookDelivery['status'];

/** Record types of webhooks and their deliveries, in events and query keys. */
export const webhookKey = 'webhook';
export const deliveryKey = 'webhook_delivery';

export interface WebhookDraft {
  url: string;
  description: string;
  eventTypes: string[];
}

export function useWebhooks() {
  return useQuery({ queryKey: [webhookKey, 'list'], queryFn: () => body(client.GET('/api/webhooks')) });
}

/** Registers a webhook; the answer carries the signing secret, shown once. */
export function createWebhook(draft: WebhookDraft) {
  const request = {
    url: draft.url.trim(),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.eventTypes.length > 0 ? { eventTypes: draft.eventTypes } : {}),
  } as BodyOf<'/api/webhooks', 'post'>;
  return body(client.POST('/api/webhooks', { body: request }));
}

export function updateWebhook(id: string, change: BodyOf<'/api/webhooks/{id}', 'patch'>) {
  return body(client.PATCH('/api/webhooks/{id}', { params: { path: { id } }, body: change }));
}

export function deleteWebhook(id: string) {
  return body(client.DELETE('/api/webhooks/{id}', { params: { path: { id } } }));
}

export function useDeliveries(webhookId: string, params: QueryOf<'/api/webhooks/{id}/deliveries', 'get'>) {
  return useQuery({
    queryKey: [deliveryKey, webhookId, params],
    queryFn: () => body(client.GET('/api/webhooks/{id}/deliveries', { params: { path: { id: webhookId }, query: params } })),
    placeholderData: (previous) => previous,
  });
}

export function resendDelivery(webhookId: string, deliveryId: string) {
  return body(client.POST('/api/webhooks/{id}/deliveries/{deliveryId}/resend', { params: { path: { id: webhookId, deliveryId } } }));
}
