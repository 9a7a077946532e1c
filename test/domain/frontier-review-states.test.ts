import { describe, expect, it } from 'vitest';
import {
  DECISION_EVENTS,
  REVIEW_EVENTS,
  REVIEW_STATES,
  REVIEW_TRANSITIONS,
  type ReviewEvent,
  type ReviewState,
  decisionEventOf,
  decisionProblems,
  developerOutcomeAfter,
  eventsFrom,
  isDecided,
  isDecisionEvent,
  outcomeOnInquiry,
  rationaleForDeveloper,
  transitionReview,
} from '../../src/domain/frontier/review-states';
import { clears, classifiedMarking, mayBeNamedOn } from '../../src/domain/policy/classified';
import { canSee } from '../../src/domain/policy/visibility';

/** Every allowed move, written out from the issue ("Designation"), not read from the table. */
const ALLOWED: ReadonlyArray<[ReviewState, ReviewEvent, ReviewState]> = [
  ['proposed', 'start_review', 'under_review'],
  ['under_review', 'designate', 'designated'],
  ['under_review', 'not_designate', 'not_designated'],
  ['under_review', 'defer', 'deferred'],
  ['deferred', 'evidence_received', 'under_review'],
  ['designated', 'request_rebuttal', 'rebuttal_requested'],
  ['not_designated', 'request_rebuttal', 'rebuttal_requested'],
  ['designated', 'reassess', 'under_review'],
  ['not_designated', 'reassess', 'under_review'],
  ['rebuttal_requested', 'review_rebuttal', 'rebuttal_reviewed'],
  ['rebuttal_reviewed', 'designate', 'designated'],
  ['rebuttal_reviewed', 'not_designate', 'not_designated'],
];

describe('designation review states', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transitionReview(from, event)).toEqual({ ok: true, state: to });
  });

  it('allows nothing else: every other (state, event) pair is refused with a typed error', () => {
    const allowed = new Set(ALLOWED.map(([f, e]) => `${f}/${e}`));
    let refused = 0;
    for (const from of REVIEW_STATES) {
      for (const event of REVIEW_EVENTS) {
        if (allowed.has(`${from}/${event}`)) continue;
        const r = transitionReview(from, event);
        expect(r.ok, `${from}/${event}`).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'FORBIDDEN_TRANSITION', from, event });
        refused++;
      }
    }
    expect(refused).toBe(REVIEW_STATES.length * REVIEW_EVENTS.length - ALLOWED.length);
  });

  it('refuses a sample of moves that would skip the analyst', () => {
    // A proposal is not a decision; a rebuttal is reviewed before it is decided; deferred waits for evidence.
    for (const [from, event] of [
      ['proposed', 'designate'],
      ['proposed', 'defer'],
      ['rebuttal_requested', 'designate'],
      ['deferred', 'designate'],
      ['designated', 'designate'],
      ['under_review', 'reassess'],
    ] as const) {
      const r = transitionReview(from, event);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe(`cannot ${event.replace('_', ' ')} a review that is ${from}`);
    }
  });

  it('the table has an entry for every state, and every target is a state', () => {
    expect(Object.keys(REVIEW_TRANSITIONS).sort()).toEqual([...REVIEW_STATES].sort());
    for (const moves of Object.values(REVIEW_TRANSITIONS)) for (const to of Object.values(moves)) expect(REVIEW_STATES).toContain(to);
  });

  it('lists the events allowed from a state', () => {
    expect(eventsFrom('under_review')).toEqual(['designate', 'not_designate', 'defer']);
    expect(eventsFrom('designated')).toEqual(['request_rebuttal', 'reassess']);
    expect(eventsFrom('proposed')).toEqual(['start_review']);
  });

  it('knows decided states and decision events', () => {
    expect(REVIEW_STATES.filter(isDecided)).toEqual(['designated', 'not_designated']);
    expect(REVIEW_EVENTS.filter(isDecisionEvent)).toEqual([...DECISION_EVENTS]);
    expect(decisionEventOf('designated')).toBe('designate');
    expect(decisionEventOf('not_designated')).toBe('not_designate');
    expect(decisionEventOf('deferred')).toBe('defer');
  });
});

describe('what the developer sees of a decision', () => {
  const d = { rationale: 'FULL: benchmark run 7 exceeded', rationaleSummary: 'Meets the cyber-capability criteria.' };
  it('full → the rationale, summary → the summary only, none → nothing', () => {
    expect(rationaleForDeveloper({ ...d, rationaleVisibility: 'full' })).toBe(d.rationale);
    expect(rationaleForDeveloper({ ...d, rationaleVisibility: 'summary' })).toBe(d.rationaleSummary);
    expect(rationaleForDeveloper({ ...d, rationaleVisibility: 'none' })).toBeNull();
    expect(rationaleForDeveloper({ ...d, rationaleSummary: null, rationaleVisibility: 'summary' })).toBeNull();
  });

  it('decisions set the outcome, evidence puts it back under review, rebuttal and reassessment leave it', () => {
    expect(developerOutcomeAfter('designate', 'designated')).toBe('designated');
    expect(developerOutcomeAfter('not_designate', 'not_designated')).toBe('not_designated');
    expect(developerOutcomeAfter('defer', 'deferred')).toBe('deferred');
    expect(developerOutcomeAfter('evidence_received', 'under_review')).toBe('under_review');
    for (const e of ['start_review', 'request_rebuttal', 'review_rebuttal', 'reassess'] as const) expect(developerOutcomeAfter(e, 'under_review')).toBeNull();
  });

  it('an inquiry keeps a standing outcome and otherwise says under review', () => {
    expect(outcomeOnInquiry(null)).toBe('under_review');
    expect(outcomeOnInquiry('designated')).toBe('designated');
    expect(outcomeOnInquiry('deferred')).toBe('deferred');
  });
});

describe('decision input', () => {
  const good = { outcome: 'designated', basis: 'b', rationale: 'r', rationaleSummary: 's', rationaleVisibility: 'summary' } as const;
  it('accepts a complete decision', () => {
    expect(decisionProblems(good)).toEqual([]);
    expect(decisionProblems({ ...good, rationaleSummary: null, rationaleVisibility: 'none' })).toEqual([]);
    expect(decisionProblems({ ...good, outcome: 'deferred', rationaleVisibility: 'full' })).toEqual([]);
  });
  it('names every bad field at once, without quoting the classified text', () => {
    const p = decisionProblems({ outcome: 'deferred', basis: ' ', rationale: '', rationaleSummary: '  ', rationaleVisibility: 'summary' });
    expect(p.map((x) => x.path)).toEqual(['/basis', '/rationale', '/rationaleSummary']);
    expect(decisionProblems({ ...good, outcome: 'deferred', rationaleVisibility: 'none' }).map((x) => x.path)).toEqual(['/rationaleVisibility']);
    const secret = decisionProblems({ ...good, basis: 'TS//SCI benchmark', rationaleSummary: '', rationaleVisibility: 'summary' });
    expect(JSON.stringify(secret)).not.toContain('TS//SCI');
  });
});

describe('classified markings', () => {
  const analyst = (clearance: 'NONE' | 'CONFIDENTIAL' | 'SECRET' | 'TOP_SECRET') =>
    ({ kind: 'user', userId: 'u1', organisationId: 'o1', clientOf: null, clearance, coordinator: true, staff: true }) as const;
  it('opens a review to named, cleared users only — not to its organisation, not to coordinator staff as such', () => {
    const m = classifiedMarking('o1', null, 'SECRET', ['u1', 'u1']);
    expect(m.accessUsers).toEqual(['u1']);
    expect(canSee(analyst('SECRET'), m)).toBe(true);
    expect(canSee(analyst('TOP_SECRET'), m)).toBe(true);
    expect(canSee(analyst('CONFIDENTIAL'), m)).toBe(false);
    expect(canSee({ ...analyst('TOP_SECRET'), userId: 'u2' }, m)).toBe(false);
    expect(canSee({ kind: 'organisation', organisationId: 'o1', clientOf: null, coordinator: true }, m)).toBe(false);
    expect(canSee({ kind: 'anonymous' }, m)).toBe(false);
  });
  it('names on an access list only active users whose clearance covers the classification', () => {
    expect(clears('SECRET', 'SECRET')).toBe(true);
    expect(clears('CONFIDENTIAL', 'SECRET')).toBe(false);
    expect(clears('NONE', 'UNCLASSIFIED')).toBe(true);
    expect(mayBeNamedOn({ status: 'active', clearance: 'TOP_SECRET' }, 'SECRET')).toBe(true);
    expect(mayBeNamedOn({ status: 'disabled', clearance: 'TOP_SECRET' }, 'SECRET')).toBe(false);
    expect(mayBeNamedOn({ status: 'active', clearance: 'CONFIDENTIAL' }, 'SECRET')).toBe(false);
  });
});
