import { type ReputationRow, reputationCounts } from '../../store/intake/reputation';
import type { Executor } from '../../store/database';

/**
 * The finders' running precision as the triage queue shows it (ADR 0051). Counting it reads
 * every finding of an organisation or model, so a page of the queue would read the whole
 * findings table on each request; the figures move only when a report is decided. They are
 * kept per key for `ttlMs` and dropped whenever this node commits a report event, so this
 * node shows its own decisions at once and another node's within `ttlMs`.
 */
export class ReputationCache {
  private readonly entries = new Map<string, { row: ReputationRow | null; at: number }>();
  constructor(
    private readonly clock: () => number,
    private readonly ttlMs = 30_000,
  ) {}

  /** The rows for `keys` (a key without findings has none), reading only the keys not kept. */
  async counts(db: Executor, by: 'organisation' | 'model', keys: readonly string[]): Promise<ReputationRow[]> {
    const now = this.clock();
    const missing = keys.filter((k) => {
      const e = this.entries.get(`${by} ${k}`);
      return !e || now - e.at > this.ttlMs;
    });
    if (missing.length) {
      const found = new Map((await reputationCounts(db, by, missing)).map((r) => [r.key, r]));
      for (const k of missing) this.entries.set(`${by} ${k}`, { row: found.get(k) ?? null, at: now });
    }
    return keys.flatMap((k) => {
      const row = this.entries.get(`${by} ${k}`)?.row;
      return row ? [row] : [];
    });
  }

  /** Forgets every figure when a committed event may have changed one (a report or finding event). */
  forget(eventTypes: readonly string[]): void {
    if (eventTypes.some((t) => t.startsWith('report.') || t.startsWith('finding.'))) this.entries.clear();
  }
}
