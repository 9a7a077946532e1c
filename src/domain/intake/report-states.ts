/**
 * The report workflow as data (STYLE.md habit 4): a report is received, triaged, and ends
 * accepted, rejected (with a reason the reporter sees), a duplicate of another report, or
 * waiting for information — which closes by itself (rejected) after a configurable time.
 */
export const REPORT_STATES = ['received', 'triaging', 'accepted', 'rejected', 'duplicate', 'needs-info'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_EVENTS = ['start-triage', 'accept', 'reject', 'mark-duplicate', 'request-info', 'provide-info', 'expire', 'reopen'] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];

/** What an event must carry: a reason shown to the reporter, or the report this one duplicates. */
export type TransitionNeeds = 'reason' | 'duplicate-of' | null;

export interface ReportTransition {
  readonly from: ReportState;
  readonly event: ReportEvent;
  readonly to: ReportState;
  readonly needs: TransitionNeeds;
  /** Only the system (the needs-info timer) fires it. */
  readonly systemOnly?: boolean;
}

/** Every allowed transition; anything else is refused. */
export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { from: 'received', event: 'start-triage', to: 'triaging', needs: null },
  { from: 'received', event: 'mark-duplicate', to: 'duplicate', needs: 'duplicate-of' },
  { from: 'received', event: 'reject', to: 'rejected', needs: 'reason' },
  { from: 'triaging', event: 'accept', to: 'accepted', needs: null },
  { from: 'triaging', event: 'reject', to: 'rejected', needs: 'reason' },
  { from: 'triaging', event: 'mark-duplicate', to: 'duplicate', needs: 'duplicate-of' },
  { from: 'triaging', event: 'request-info', to: 'needs-info', needs: 'reason' },
  { from: 'needs-info', event: 'provide-info', to: 'triaging', needs: null },
  { from: 'needs-info', event: 'reject', to: 'rejected', needs: 'reason' },
  { from: 'needs-info', event: 'expire', to: 'rejected', needs: null, systemOnly: true },
  { from: 'rejected', event: 'reopen', to: 'triaging', needs: null },
  { from: 'duplicate', event: 'reopen', to: 'triaging', needs: null },
  { from: 'accepted', event: 'reopen', to: 'triaging', needs: null },
];

export type TransitionResult =
  | { readonly ok: true; readonly to: ReportState; readonly transition: ReportTransition }
  | { readonly ok: false; readonly error: 'forbidden-transition' | 'missing-reason' | 'missing-duplicate-of' | 'system-only'; readonly message: string };

export interface TransitionInput {
  readonly reason?: string | null | undefined;
  readonly duplicateOf?: string | null | undefined;
  /** Whether the caller is the system (timers), not a person. */
  readonly bySystem?: boolean;
}

/** The transition `event` makes from `from`, or why it may not be made. Pure. */
export function transitionReport(from: ReportState, event: ReportEvent, input: TransitionInput = {}): TransitionResult {
  const t = REPORT_TRANSITIONS.find((x) => x.from === from && x.event === event);
  if (!t) return { ok: false, error: 'forbidden-transition', message: `a ${from} report cannot ${event}` };
  if (t.systemOnly && !input.bySystem) return { ok: false, error: 'system-only', message: `${event} happens by itself when its time runs out` };
  if (t.needs === 'reason' && !input.reason?.trim()) return { ok: false, error: 'missing-reason', message: `${event} needs a reason the reporter will see` };
  if (t.needs === 'duplicate-of' && !input.duplicateOf)
    return { ok: false, error: 'missing-duplicate-of', message: `${event} needs the report this one duplicates` };
  return { ok: true, to: t.to, transition: t };
}

/** The events a person may fire from `state` (for the UI's action buttons). */
export const eventsFrom = (state: ReportState): ReportEvent[] => REPORT_TRANSITIONS.filter((t) => t.from === state && !t.systemOnly).map((t) => t.event);

/** When a needs-info report closes by itself. Pure: time is a parameter (STYLE.md habit 6). */
export function needsInfoDeadline(since: Date, days: number): Date {
  return new Date(since.getTime() + days * 86_400_000);
}
