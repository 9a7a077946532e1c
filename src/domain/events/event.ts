import type { Marking } from '../policy/marking';

/**
 * A change, as the outbox records it and webhooks and streams carry it. Receivers
 * de-duplicate by `id` (delivery is at least once).
 */
export interface DomainEvent {
  readonly id: string;
  /** `<recordType>.<verb>`, e.g. `organisation.created`. */
  readonly type: string;
  readonly recordType: string;
  readonly recordId: string;
  readonly at: string;
  /** Who may receive it: the marking of the record it is about. */
  readonly marking: Marking;
  /** What changed, without secrets, for receivers that can see the record. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Every event type the code emits, and so every type a webhook may subscribe to: `Change.action`
 * is typed by this list, so a new event type must be added here (and to the payload walk in
 * test/events/event-payloads.test.ts) before it compiles.
 */
export const EVENT_TYPES = [
  'organisation.created',
  'organisation.updated',
  'user.created',
  'user.updated',
  'user.activated',
  'user.logged_in',
  'api_token.created',
  'api_token.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook_delivery.resent',
  'note.created',
  'note.updated',
  'note.deleted',
  'finding_batch.submitted',
  'report.transitioned',
  'report.updated',
  'report.merged',
  'report.split',
  'report.shared',
  'intake_quota.updated',
  'intake_settings.updated',
  'advisory.drafted',
  'advisory.updated',
  'advisory.scheduled',
  'advisory.unscheduled',
  'advisory.published',
  'advisory.revised',
  'advisory.withdrawn',
  'advisory.imported',
  'case.opened',
  'case.updated',
  'case.transitioned',
  'case_vendor.invited',
  'case_settings.updated',
  'vendor_statement.recorded',
  'vendor_statement.shared',
  'case_thread.created',
  'case_message.posted',
  'embargo.proposed',
  'embargo.responded',
  'embargo.decided',
  'embargo.reminder',
  'embargo.ended',
  'finding_attachment.shared',
  'frontier_model.created',
  'frontier_model.updated',
  'frontier_version.created',
  'frontier_version.updated',
  'frontier_checkpoint.added',
  'frontier_lineage.added',
  'frontier_fact.declared',
  'frontier_rule_set.added',
  'frontier_rule_settings.updated',
  'frontier_evaluation.recorded',
  'frontier_designation_settings.updated',
  'frontier_inquiry.opened',
  'frontier_inquiry.answered',
  'frontier_inquiry.withdrawn',
  'frontier_review.opened',
  'frontier_review.transitioned',
  'frontier_review.decided',
  'frontier_review.access_granted',
  'frontier_designation.updated',
  'frontier_access_settings.updated',
  'access_plan.created',
  'access_plan.shared',
  'access_plan.reminder',
  'access_grant.added',
  'access_grant.updated',
  'access_outage.recorded',
  'access_terms.set',
  'access_terms.acknowledged',
  'access_sessions.recorded',
  'trusted_partner.nominated',
  'trusted_partner.transitioned',
  'frontier_review.access_removed',
  'assessment_engagement.created',
  'assessment_engagement.transitioned',
  'assessment_finding.recorded',
  'assessment_finding.updated',
  'assessment_finding.deleted',
  'assessment_finding.remediated',
  'assessment_conclusion.set',
  'assessment_annex.added',
  'assessment_run.linked',
  'assessment_run.unlinked',
  'evaluation_run.imported',
  'frontier_practice_catalogue.added',
  'frontier_attestation.recorded',
  'frontier_attestation.changed',
  'frontier_attestation.reviewed',
  'frontier_standards_settings.updated',
  'frontier_facility.registered',
  'frontier_facility.updated',
  'frontier_cluster.registered',
  'frontier_cluster.updated',
  'frontier_training_run.saved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Whether a webhook subscribed to `subscribed` (empty = everything) wants `type`; `note.*` matches a record type. */
export function subscribes(subscribed: readonly string[], type: string): boolean {
  if (subscribed.length === 0) return true;
  return subscribed.some((s) => s === type || (s.endsWith('.*') && type.startsWith(s.slice(0, -1))));
}
