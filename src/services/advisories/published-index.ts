import type { Logger } from 'pino';
import { AppError } from '../../domain/errors';
import { ANONYMOUS, SYSTEM } from '../../domain/policy/viewer';
import type { OsvRecord } from '../../standards/osv/index';
import { publishedAdvisoriesByIds, publishedAdvisoryPage } from '../../store/advisories/queries';
import type { Db } from '../../store/database';
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
 *
 * One per process, owned by the runtime (it is on the service context as `published`) and
 * started with it, so a worker without HTTP answers OSV queries as an API node does.
 */
export class PublishedIndex {
  readonly index = new OsvIndex();
  /** The CSAF provider's entries, kept by the same events (ADR 0024). */
  readonly csaf = new CsafEntryIndex();
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private built: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: { readonly db: Db; readonly log: Logger }) {}

  /**
   * Subscribes to the outbox tail of `hub` and builds (once); resolves when the index holds
   * everything published at start. Subscribing first means no change is missed in between.
   */
  start(hub: EventHub): Promise<void> {
    if (!this.built) this.built = this.build(hub);
    return this.built;
  }

  private async build(hub: EventHub): Promise<void> {
    this.unsubscribe = await hub.subscribe(SYSTEM, (e) => {
      if (e.recordType === 'advisory') this.schedule(e.recordId);
    });
    let after = '';
    for (;;) {
      const rows = await publishedAdvisoryPage(this.deps.db, ANONYMOUS, after, PAGE);
      for (const r of rows) {
        this.putSafely(r.osv as OsvRecord);
        this.csaf.put(r);
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
  }

  stop(): void {
    this.unsubscribe?.();
  }

  /** Resolves when the index holds everything published at start (the runtime started it). */
  async ready(): Promise<void> {
    if (!this.built) throw new AppError('UNAVAILABLE', 'The index of published advisories is not started');
    await this.built;
  }

  /** Resolves when the index is built and every change seen so far is applied. */
  async settled(): Promise<OsvIndex> {
    await this.ready();
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
        const rows = await publishedAdvisoriesByIds(this.deps.db, ANONYMOUS, ids);
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
      this.deps.log.error({ err }, 'OSV index refresh failed');
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
      this.deps.log.warn({ err, id: record.id }, 'advisory left out of the OSV index');
    }
  }
}
