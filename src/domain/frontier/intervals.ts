/** A half-open interval of time [start, end), in milliseconds since the epoch. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The union of intervals as sorted, disjoint, non-empty intervals (touching ones merged). */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `from` minus `minus`; both sorted and disjoint (as `unionOf` returns them). */
export function subtract(from: readonly Interval[], minus: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const i of from) {
    let start = i.start;
    while (j < minus.length && minus[j]!.end <= start) j++;
    let k = j;
    while (k < minus.length && minus[k]!.start < i.end) {
      const m = minus[k]!;
      if (m.start > start) out.push({ start, end: m.start });
      start = Math.max(start, m.end);
      k++;
    }
    if (start < i.end) out.push({ start, end: i.end });
  }
  return out;
}

/** The total length of disjoint intervals up to `until` (exclusive), in milliseconds. */
export function lengthUntil(intervals: readonly Interval[], until: number): number {
  let total = 0;
  for (const i of intervals) {
    if (i.start >= until) break;
    total += Math.min(i.end, until) - i.start;
  }
  return total;
}

/** Whether two half-open intervals share any instant. */
export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;
