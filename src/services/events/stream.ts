import type { Viewer } from '../../domain/policy/viewer';
import { canSee } from '../../domain/policy/visibility';
import { eventsAfter, findEvent, latestEventSeq, type StoredEvent } from '../../store/outbox';
import type { ServiceContext } from '../context';

export type StreamListener = (event: StoredEvent) => void;

/**
 * Who a subscriber is: a fixed viewer (the process's own indexes, `SYSTEM`), or a function
 * that answers the viewer *now* — rebuilt from the subscriber's credential — and null once
 * the credential is gone (revoked, expired, its user disabled). A stream must never keep the
 * viewer it started with (issue 9 item 5).
 */
export type ViewerSource = Viewer | (() => Viewer | null | Promise<Viewer | null>);

export interface SubscribeOptions {
  /** Resume after this event (its id, as the stream sent it: Last-Event-ID). */
  readonly after?: string | undefined;
  /** Called once when the hub ends the subscription because its viewer is gone. */
  readonly onEnd?: (() => void) | undefined;
}

interface Subscriber {
  readonly source: ViewerSource;
  readonly listener: StreamListener;
  readonly onEnd: (() => void) | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Live events for server-sent-event streams. One tail of the outbox per process (by
 * sequence number; appends are serialised by the audit lock, so sequence order is commit
 * order), fanned out to each subscriber through the policy: a stream carries only what
 * its viewer may see *when the event is delivered*. Works across nodes because every node
 * tails the same table; fixed-viewer subscribers (the credential cache's, ADR 0006) are
 * served in subscription order before the viewer of each later subscriber is asked for, so
 * a principal change seen in the tail reaches the very next event on every stream.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private started = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly pollMs = 500,
  ) {}

  async start(): Promise<void> {
    this.lastSeq = await latestEventSeq(this.ctx.db);
    this.started = true;
    this.schedule(this.pollMs);
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * Subscribes; first replays what the viewer may see after the event `after` names. The
   * cursor is an event id (random, issue 9 item 8), never the outbox sequence, whose gaps
   * would count the events hidden from the viewer. A cursor that names no event, or one the
   * viewer may not see, replays nothing: it cannot tell the two apart.
   */
  async subscribe(source: ViewerSource, listener: StreamListener, opts: SubscribeOptions = {}): Promise<() => void> {
    const sub: Subscriber = { source, listener, onEnd: opts.onEnd };
    if (opts.after !== undefined && UUID.test(opts.after)) {
      const viewer = await viewerOf(sub);
      const from = viewer ? await findEvent(this.ctx.db, opts.after) : null;
      if (viewer && from && canSee(viewer, from.marking) && from.seq < this.lastSeq) {
        const missed = await eventsAfter(this.ctx.db, from.seq, 1000);
        for (const e of missed) if (e.seq <= this.lastSeq && canSee(viewer, e.marking)) listener(e);
      }
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
          await this.fanOut(e);
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

  /** One event to every subscriber, in subscription order, each through its viewer of now. */
  private async fanOut(e: StoredEvent): Promise<void> {
    for (const s of [...this.subscribers]) {
      if (!this.subscribers.has(s)) continue;
      let viewer: Viewer | null;
      try {
        viewer = await viewerOf(s);
      } catch (err) {
        // Unknown whether it may still see anything: skip this event for it, ask again next time.
        this.ctx.log.error({ err }, 'event stream viewer check failed');
        continue;
      }
      if (!viewer) {
        this.subscribers.delete(s);
        s.onEnd?.();
      } else if (canSee(viewer, e.marking)) {
        s.listener(e);
      }
    }
  }
}

/** The subscriber's viewer now (synchronous for fixed viewers and unchanged credentials). */
function viewerOf(s: Subscriber): Viewer | null | Promise<Viewer | null> {
  return typeof s.source === 'function' ? s.source() : s.source;
}
