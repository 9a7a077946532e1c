import type { OsvEvent, OsvRange } from '../osv/types';

/** One affected interval of an OSV range: from `introduced` up to an end (OSV §Evaluation). */
export interface AffectedInterval {
  /** Lower bound, inclusive; `'0'` means "from the first version". */
  readonly introduced: string;
  readonly fixed?: string;
  readonly lastAffected?: string;
  readonly limit?: string;
}

/**
 * Splits a range's events into intervals, in event order: each `introduced` opens one and the
 * next `fixed`, `last_affected` or `limit` closes it (OSV §affected[].ranges[].events).
 */
export function intervalsOf(range: OsvRange): AffectedInterval[] {
  const out: AffectedInterval[] = [];
  let open: string | undefined;
  for (const event of range.events as readonly Record<string, string>[]) {
    if ('introduced' in event) {
      if (open !== undefined) out.push({ introduced: open });
      open = event.introduced;
    } else if (open !== undefined) {
      const [key, value] = Object.entries(event)[0]!;
      out.push({
        introduced: open,
        ...(key === 'fixed' ? { fixed: value } : key === 'last_affected' ? { lastAffected: value } : { limit: value }),
      });
      open = undefined;
    }
  }
  if (open !== undefined) out.push({ introduced: open });
  return out;
}

/** The vers-spec constraints of an interval, e.g. `>=1.0|<2.0`; `*` when it covers every version. */
export function versConstraints(interval: AffectedInterval): string {
  const parts: string[] = [];
  if (interval.introduced !== '0') parts.push(`>=${interval.introduced}`);
  if (interval.fixed !== undefined) parts.push(`<${interval.fixed}`);
  else if (interval.lastAffected !== undefined) parts.push(`<=${interval.lastAffected}`);
  else if (interval.limit !== undefined) parts.push(`<${interval.limit}`);
  return parts.length > 0 ? parts.join('|') : '*';
}

/**
 * Events of an interval read back from vers constraints (`>=a|<b`, `>=a|<=b`, `<b`, `*`):
 * the inverse of {@link versConstraints}. Undefined for constraints it does not express.
 */
export function eventsFromVers(constraints: string): OsvEvent[] | undefined {
  if (constraints === '*') return [{ introduced: '0' }];
  let introduced = '0';
  let end: OsvEvent | undefined;
  for (const part of constraints.split('|')) {
    const m = /^(>=|<=|<)(.+)$/.exec(part.trim());
    if (!m) return undefined;
    const [, op, version] = m as unknown as [string, string, string];
    if (op === '>=') introduced = version;
    else if (op === '<') end = { fixed: version };
    else end = { last_affected: version };
  }
  return end ? [{ introduced }, end] : [{ introduced }];
}
