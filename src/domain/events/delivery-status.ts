/** A webhook delivery: pending until answered 2xx (succeeded), retried on failure, dead after the last attempt. */
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
