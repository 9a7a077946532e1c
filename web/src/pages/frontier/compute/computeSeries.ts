/**
 * The "registered compute over time" series: clusters that are (or were) operational, by the
 * day they first operated (their registration day when not given), cumulative peak OP/s. Pure,
 * so the page and a test compute the same thing.
 */
export function computeOverTime(
  clusters: readonly { firstOperationalOn: string | null; createdAt: string; status: string; peakOpsPerSecond: { max: number } }[],
) {
  const points = clusters
    .filter((c) => c.status !== 'planned')
    .map((c) => ({ day: c.firstOperationalOn ?? c.createdAt.slice(0, 10), ops: c.peakOpsPerSecond.max }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const out: { day: string; 'Peak EFLOP/s': number }[] = [];
  let total = 0;
  for (const p of points) {
    total += p.ops;
    const value = Math.round((total / 1e18) * 1000) / 1000;
    const last = out[out.length - 1];
    if (last && last.day === p.day) last['Peak EFLOP/s'] = value;
    else out.push({ day: p.day, 'Peak EFLOP/s': value });
  }
  return out;
}
