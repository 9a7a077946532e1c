import type { FieldProblem } from '../errors';

/** What a coordinator sends to make a case public before its agreed date (issue 9 item 18). */
export interface EarlyDisclosureConfirmation {
  /** The agreed public date, repeated: proof that whoever clicks knows which agreement they end. */
  readonly confirmEmbargoEnd?: string | null | undefined;
  /** Why; recorded on the case and in its audit entry, and sent to every participant. */
  readonly reason?: string | null | undefined;
}

export const DISCLOSURE_REASON_MAX = 2000;

/**
 * The agreed public date while an agreed embargo still runs (Vultron EM.Active or EM.Revise,
 * its date ahead of `now`), else null. A proposed date binds nobody yet: EM.Proposed is not
 * an agreement, and at or after the date the embargo has ended on its own.
 */
export function runningEmbargoEnd(c: { readonly embargoState: string; readonly embargoEnd: Date | null }, now: Date): Date | null {
  if (c.embargoState !== 'active' && c.embargoState !== 'revise') return null;
  return c.embargoEnd && c.embargoEnd.getTime() > now.getTime() ? c.embargoEnd : null;
}

/**
 * Ending an agreed embargo early is the coordinator's right (nothing in AISC is a gate), but
 * never by one click: the request names the agreed date and says why. Returns what is
 * missing — `mismatch` when the date is absent or not the agreed one (the agreement may have
 * moved since the page was loaded), else the reason's problems; none when no embargo runs.
 */
export function earlyDisclosureProblems(
  c: { readonly embargoState: string; readonly embargoEnd: Date | null },
  now: Date,
  req: EarlyDisclosureConfirmation,
): { readonly agreed: string | null; readonly mismatch: boolean; readonly problems: FieldProblem[] } {
  const end = runningEmbargoEnd(c, now);
  if (!end) return { agreed: null, mismatch: false, problems: [] };
  const agreed = end.toISOString();
  const problems: FieldProblem[] = [];
  const confirmed = req.confirmEmbargoEnd ? Date.parse(req.confirmEmbargoEnd) : Number.NaN;
  const mismatch = confirmed !== end.getTime();
  if (mismatch) {
    problems.push({ path: '/confirmEmbargoEnd', message: `the embargo agreed with every participant runs until ${agreed}: repeat that date to end it early` });
  }
  const reason = req.reason?.trim() ?? '';
  if (!reason) problems.push({ path: '/reason', message: `say why the embargo agreed until ${agreed} ends early; every participant is told` });
  else if (reason.length > DISCLOSURE_REASON_MAX) problems.push({ path: '/reason', message: `at most ${DISCLOSURE_REASON_MAX} characters` });
  return { agreed, mismatch, problems };
}
