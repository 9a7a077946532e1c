import type { Viewer } from '../../domain/policy/viewer';
import { canSee } from '../../domain/policy/visibility';
import { eventsAfter, latestEventSeq, type StoredEvent } from '../../store/outbox';
import type { ServiceContext } from '../context';

export type StreamListener = (event: StoredEvent) => void;

interface Subscriber {
  readonly viewer: Viewer;
  readonly listener: StreamListener;
}

/**
 * Live events for server-sent-event streams. One tail of the outbox per process (by
 * sequence number; appends are serialised by the audit lock, so sequence order is commit
 * order), fanned out to each subscriber through the policy: a stream carries only what
 * its viewer may see. Works across nodes because every node tails the same table.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private started = false;

  constructor(private readonly ctx: ServiceContext, private readonly pollMs = 500) {}

  async start(): Promise<void> {
    this.lastSeq = await latestEventSeq(this.ctx.db);
    this.started = true;
    this.schedule(this.pollMs);
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Subscribes; replays what the viewer may see after `sinceSeq` (Last-Event-ID) first. */
  async subscribe(viewer: Viewer, listener: StreamListener, sinceSeq?: number): Promise<() => void> {
    const sub = { viewer, listener };
    if (sinceSeq !== undefined && sinceSeq < this.lastSeq) {
      const missed = await eventsAfter(this.ctx.db, sinceSeq, 1000);
      for (const e of missed) if (e.seq <= this.lastSeq && canSee(viewer, e.marking)) listener(e);
    }
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Polls now (after a local commit). */
  nudge(): void {
    if (this.started) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.catchUp(), ms);
    this.timer.unref?.();
  }

  /** Reads and fans out everything committed since the last pass. */
  async catchUp(): Promise<void> {
    if (this.polling || !this.started) return;
    this.polling = true;
    try {
      for (;;) {
        const batch = await eventsAfter(this.ctx.db, this.lastSeq, 500);
        for (const e of batch) {
          this.lastSeq = e.seq;
          for (const s of this.subscribers) if (canSee(s.viewer, e.marking)) s.listener(e);
        }
        if (batch.length < 500) break;
      }
    } catch (err) {
      this.ctx.log.error({ err }, 'event stream poll failed');
    } finally {
      this.polling = false;
      if (this.started) this.schedule(this.pollMs);
    }
  }
}
