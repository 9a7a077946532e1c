import { describe, expect, it } from 'vitest';
import { REPORT_EVENTS, REPORT_STATES, REPORT_TRANSITIONS, eventsFrom, needsInfoDeadline, transitionReport } from '../../src/domain/intake/report-states';

const inputFor = (needs: string | null) =>
  needs === 'reason' ? { reason: 'because' } : needs === 'duplicate-of' ? { duplicateOf: '0190a000-0000-7000-8000-000000000001' } : {};

describe('report state machine', () => {
  it.each(REPORT_TRANSITIONS.map((t) => [t.from, t.event, t.to, t] as const))('%s --%s--> %s', (from, event, to, t) => {
    const r = transitionReport(from, event, { ...inputFor(t.needs), bySystem: !!t.systemOnly });
    expect(r).toMatchObject({ ok: true, to });
  });

  it('refuses every state/event pair the table does not list', () => {
    let refused = 0;
    for (const from of REPORT_STATES) {
      for (const event of REPORT_EVENTS) {
        if (REPORT_TRANSITIONS.some((t) => t.from === from && t.event === event)) continue;
        const r = transitionReport(from, event, { reason: 'x', duplicateOf: 'y', bySystem: true });
        expect(r, `${from} --${event}`).toMatchObject({ ok: false, error: 'forbidden-transition' });
        refused++;
      }
    }
    expect(refused).toBe(REPORT_STATES.length * REPORT_EVENTS.length - REPORT_TRANSITIONS.length);
  });

  it('samples forbidden transitions by name', () => {
    expect(transitionReport('received', 'accept').ok).toBe(false);
    expect(transitionReport('accepted', 'reject', { reason: 'x' }).ok).toBe(false);
    expect(transitionReport('duplicate', 'accept').ok).toBe(false);
    expect(transitionReport('rejected', 'request-info', { reason: 'x' }).ok).toBe(false);
  });

  it('needs a reason to reject or to ask for information, and a report to duplicate', () => {
    expect(transitionReport('triaging', 'reject')).toMatchObject({ ok: false, error: 'missing-reason' });
    expect(transitionReport('triaging', 'reject', { reason: '   ' })).toMatchObject({ ok: false, error: 'missing-reason' });
    expect(transitionReport('triaging', 'request-info')).toMatchObject({ ok: false, error: 'missing-reason' });
    expect(transitionReport('triaging', 'mark-duplicate')).toMatchObject({ ok: false, error: 'missing-duplicate-of' });
  });

  it('lets only the system expire a needs-info report', () => {
    expect(transitionReport('needs-info', 'expire')).toMatchObject({ ok: false, error: 'system-only' });
    expect(transitionReport('needs-info', 'expire', { bySystem: true })).toMatchObject({ ok: true, to: 'rejected' });
    expect(eventsFrom('needs-info')).not.toContain('expire');
  });

  it('computes the needs-info deadline from the time given', () => {
    expect(needsInfoDeadline(new Date('2026-06-01T00:00:00Z'), 14).toISOString()).toBe('2026-06-15T00:00:00.000Z');
  });
});
