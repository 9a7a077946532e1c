/**
 * The intake gate of one process: intake chunks take turns (the database lock serialises
 * nodes; this keeps a node's own chunks from queueing on the database). Waiting chunks that
 * carry exploited-in-the-wild findings go first: the priority lane under load.
 */
export class IntakeGate {
  private busy = false;
  private readonly priority: Array<() => void> = [];
  private readonly normal: Array<() => void> = [];

  /** How many chunks wait, per lane. */
  get waiting(): { priority: number; normal: number } {
    return { priority: this.priority.length, normal: this.normal.length };
  }

  /** Waits for the gate; resolves with the function that releases it. */
  acquire(priority: boolean): Promise<() => void> {
    return new Promise((resolve) => {
      const enter = () => {
        this.busy = true;
        resolve(() => this.release());
      };
      if (!this.busy) enter();
      else (priority ? this.priority : this.normal).push(enter);
    });
  }

  private release(): void {
    const next = this.priority.shift() ?? this.normal.shift();
    if (next) next();
    else this.busy = false;
  }
}
