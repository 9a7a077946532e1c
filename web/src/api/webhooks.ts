import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { DeliveryStatus, Page, Webhook, WebhookDelivery } from './types';

/** Record types of webhooks and their deliveries, in events and query keys. */
export const webhookKey = 'webhook';
export const deliveryKey = 'webhook_delivery';

export interface WebhookDraft {
  url: string;
  description: string;
  eventTypes: string[];
}

export function useWebhooks() {
  return useQuery({ queryKey: [webhookKey, 'list'], queryFn: () => api.get<Page<Webhook>>('/api/webhooks') });
}

/** Registers a webhook; the answer carries the signing secret, shown once. */
export function createWebhook(draft: WebhookDraft) {
  const body = {
    url: draft.url.trim(),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.eventTypes.length > 0 ? { eventTypes: draft.eventTypes } : {}),
  };
  return api.post<{ webhook: Webhook; secret: string }>('/api/webhooks', body);
}

export function updateWebhook(id: string, change: Partial<WebhookDraft & { active: boolean }>) {
  return api.patch<Webhook>(`/api/webhooks/${encodeURIComponent(id)}`, change);
}

export function deleteWebhook(id: string) {
  return api.delete(`/api/webhooks/${encodeURIComponent(id)}`);
}

export function useDeliveries(webhookId: string, params: { status: DeliveryStatus | null; limit: number; offset: number }) {
  return useQuery({
    queryKey: [deliveryKey, webhookId, params],
    queryFn: () => api.get<Page<WebhookDelivery>>(`/api/webhooks/${encodeURIComponent(webhookId)}/deliveries${query(params)}`),
    placeholderData: (previous) => previous,
  });
}

export function resendDelivery(webhookId: string, deliveryId: string) {
  return api.post<void>(`/api/webhooks/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/resend`);
}
