/**
 * What the access timeline draws, from a plan's grants, outages and release milestones. Only
 * geometry lives here: the window's status, lead time and access days are computed by the server
 * (the access-window functions of src/domain/frontier), never again in the browser.
 */

export interface TimelineInterval {
  start: string;
  end: string;
}

export interface TimelineOutage extends TimelineInterval {
  reason?: string | null;
}

export interface TimelineGrant extends TimelineInterval {
  id: string;
  /** Who holds the grant: an agency, an assessor or a trusted partner (its display name). */
  grantee: string;
  /** What kind of access (black-box API, weights in an enclave…), shown in the row's description. */
  accessKind?: string;
  outages: TimelineOutage[];
}

export interface TimelineMilestone {
  /** `trusted_partner` or `general`. */
  milestone: string;
  label: string;
  at: string;
}

/** One horizontal bar piece in data coordinates (milliseconds on x, row index on y). */
export interface TimelineBar {
  key: string;
  row: number;
  from: number;
  to: number;
  kind: 'access' | 'outage';
  grantId: string;
  title: string;
}

export interface TimelineLayout {
  rows: string[];
  bars: TimelineBar[];
  domain: [number, number];
}

const DAY = 86_400_000;
const ms = (iso: string) => new Date(iso).getTime();

/**
 * Groups grants into one row per grantee (first appearance order) and cuts each grant at its
 * outages: the access pieces and the outage pieces become separate bars, so an outage shows as
 * a marked gap in the grantee's bar.
 */
export function layoutTimeline(grants: TimelineGrant[], milestones: TimelineMilestone[], extra: (string | null | undefined)[] = []): TimelineLayout {
  const rows: string[] = [];
  const bars: TimelineBar[] = [];
  const points: number[] = [];
  for (const grant of grants) {
    let row = rows.indexOf(grant.grantee);
    if (row < 0) row = rows.push(grant.grantee) - 1;
    const start = ms(grant.start);
    const end = ms(grant.end);
    if (!(end > start)) continue;
    points.push(start, end);
    const outages = grant.outages
      .map((o) => ({ from: Math.max(start, ms(o.start)), to: Math.min(end, ms(o.end)), reason: o.reason ?? '' }))
      .filter((o) => o.to > o.from)
      .sort((a, b) => a.from - b.from);
    let cursor = start;
    outages.forEach((o, i) => {
      if (o.from > cursor) bars.push({ key: `${grant.id}-a${i}`, row, from: cursor, to: o.from, kind: 'access', grantId: grant.id, title: grant.grantee });
      bars.push({ key: `${grant.id}-o${i}`, row, from: o.from, to: o.to, kind: 'outage', grantId: grant.id, title: o.reason || 'Outage' });
      cursor = Math.max(cursor, o.to);
    });
    if (end > cursor) bars.push({ key: `${grant.id}-a${outages.length}`, row, from: cursor, to: end, kind: 'access', grantId: grant.id, title: grant.grantee });
  }
  for (const m of milestones) points.push(ms(m.at));
  for (const e of extra) if (e) points.push(ms(e));
  const valid = points.filter(Number.isFinite);
  const min = valid.length > 0 ? Math.min(...valid) : 0;
  const max = valid.length > 0 ? Math.max(...valid) : DAY * 30;
  // A little room either side so a milestone on the edge stays visible.
  const pad = Math.max(DAY, (max - min) * 0.04);
  return { rows, bars, domain: [min - pad, max + pad] };
}

/** Ticks at whole days, at most about `count` of them, across the domain. */
export function dayTicks([from, to]: [number, number], count = 8): number[] {
  const span = Math.max(DAY, to - from);
  const step = Math.max(1, Math.ceil(span / DAY / count)) * DAY;
  const first = Math.ceil(from / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}
