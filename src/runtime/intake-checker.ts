import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { checkItems, type Checked, type RawItem } from '../services/intake/check-items';
import type { ItemChecker } from '../services/intake/checker';

type Pending = { resolve: (c: Checked[]) => void; raw: readonly RawItem[]; requestKey: string | null };

// The thread's entry registers tsx's loader (the sources are TypeScript), then runs intake-check-thread.ts.
const ENTRY = new URL('./intake-check-thread.mjs', import.meta.url);

/**
 * Checks on one worker thread, so that on a two-core machine parsing, validation, hashing
 * and MinHash of chunk k+1 run while chunk k is stored (the embedded database runs on the
 * main thread). The answers are what `checkItems` would give inline; if the thread dies,
 * what it held and everything after is checked inline instead, so no item is lost.
 */
export class ThreadChecker implements ItemChecker {
  /** Started at the first bulk submission (a CLI run that submits nothing never starts it); null once gone. */
  private worker: Worker | null | undefined;
  private next = 0;
  private readonly pending = new Map<number, Pending>();
  private closing = false;

  constructor(private readonly log: Logger) {}

  private start(): Worker {
    const worker = new Worker(ENTRY);
    worker.unref();
    worker.on('message', (m: { id: number; checked?: Checked[]; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      p.resolve(m.checked ?? checkItems(p.raw, p.requestKey));
      if (m.error) this.log.error({ err: m.error }, 'intake thread could not check a chunk; checked it inline');
    });
    worker.on('error', (err) => this.fallBack(err));
    worker.on('exit', (code) => {
      if (!this.closing) this.fallBack(new Error(`intake thread exited with code ${code}`));
    });
    return worker;
  }

  warm(): void {
    if (this.worker === undefined && !this.closing) this.worker = this.start();
  }

  check(raw: readonly RawItem[], requestKey: string | null): Promise<Checked[]> {
    this.warm();
    const worker = this.worker;
    if (!worker) return Promise.resolve(checkItems(raw, requestKey));
    return new Promise((resolve) => {
      const id = this.next++;
      this.pending.set(id, { resolve, raw, requestKey });
      // Held while it has work, so a CLI waiting only on the thread does not exit.
      worker.ref();
      worker.postMessage({ id, raw, requestKey });
    });
  }

  private fallBack(err: unknown): void {
    if (!this.worker) return;
    this.log.error({ err }, 'intake thread failed; checking inline from now on');
    this.worker = null;
    this.checkPendingInline();
  }

  /** Answers every chunk still with the thread by checking it here. */
  private checkPendingInline(): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve(checkItems(p.raw, p.requestKey));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    const w = this.worker;
    this.worker = null;
    this.checkPendingInline();
    await w?.terminate();
  }
}
