import { ANONYMOUS, SYSTEM } from '../../domain/policy/viewer';
import type { OsvRecord } from '../../standards/osv/index';
import { publishedAdvisoriesByIds, publishedAdvisoryPage } from '../../store/advisories/queries';
import type { ServiceContext } from '../context';
import type { EventHub } from '../events/stream';
import { CsafEntryIndex } from './csaf-entries';
import { OsvIndex } from './osv-index';

const PAGE = 1000;

/**
 * The process's OSV index, kept current (ADR 0020): subscribed to the outbox tail first,
 * then built from the database page by page; each `advisory.*` event re-reads that advisory
 * as the public sees it and replaces or drops its entries. Re-reading instead of applying
 * the event makes order and duplicates harmless: the database is the truth. The CSAF
 * provider's entries are kept the same way (ADR 0024).
 */
export class PublishedIndex {
  readonly index = new OsvIndex();
  /** The CSAF provider's entries, kept by the same events (ADR 0024). */
  readonly csaf = new CsafEntryIndex();
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private built: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly hub: EventHub,
  ) {}

  /** Subscribes and builds (once); resolves when the index holds everything published at start. */
  start(): Promise<void> {
    return (this.built ??= (async () => {
      this.unsubscribe = await this.hub.subscribe(SYSTEM, (e) => {
        if (e.recordType === 'advisory') this.schedule(e.recordId);
      });
      let after = '';
      for (;;) {
        const rows = await publishedAdvisoryPage(this.ctx.db, ANONYMOUS, after, PAGE);
        for (const r of rows) {
          this.putSafely(r.osv as OsvRecord);
          this.csaf.put(r);
        }
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.id;
      }
    })());
  }

  stop(): void {
    this.unsubscribe?.();
  }

  /** Resolves when the index is built and every change seen so far is applied. */
  async settled(): Promise<OsvIndex> {
    await this.start();
    while (this.flushing || this.pending.size) await (this.flushing ?? this.flush());
    return this.index;
  }

  private schedule(id: string): void {
    this.pending.add(id);
    if (!this.flushing) this.flushing = new Promise((r) => setImmediate(r)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.size) {
        const ids = [...this.pending].slice(0, PAGE);
        for (const id of ids) this.pending.delete(id);
        const rows = await publishedAdvisoriesByIds(this.ctx.db, ANONYMOUS, ids);
        const present = new Set(rows.map((r) => r.id));
        for (const r of rows) {
          this.putSafely(r.osv as OsvRecord);
          this.csaf.put(r);
        }
        for (const id of ids) {
          if (present.has(id)) continue;
          this.index.remove(id);
          this.csaf.remove(id);
        }
      }
    } catch (err) {
      this.ctx.log.error({ err }, 'OSV index refresh failed');
    } finally {
      this.flushing = null;
    }
  }

  /** A stored record that no longer compiles (e.g. after a ranges change) is left out, not fatal. */
  private putSafely(record: OsvRecord): void {
    try {
      this.index.put(record);
    } catch (err) {
      this.index.remove(record.id);
      this.ctx.log.warn({ err, id: record.id }, 'advisory left out of the OSV index');
    }
  }
}

const indexes = new WeakMap<ServiceContext, PublishedIndex>();

/** The one index of a service context (one per process), created on first use. */
export function publishedIndexFor(ctx: ServiceContext, hub: EventHub): PublishedIndex {
  let i = indexes.get(ctx);
  if (!i) indexes.set(ctx, (i = new PublishedIndex(ctx, hub)));
  return i;
}
