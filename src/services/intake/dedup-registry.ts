import { DedupIndex } from '../../domain/intake/dedup-index';
import type { Executor } from '../../store/database';
import { dedupKeysAfter, fingerprintValue } from '../../store/intake/dedup';
import { IntakeGate } from './gate';

/**
 * A process's intake state for its database: the dedup index, how far into the dedup log it
 * has read, and the gate its chunks take turns at. It lives on the service context
 * (`ctx.intake`), made once by the runtime (ADR 0055), not in a module-level map.
 */
export class IntakeState {
  index = new DedupIndex();
  seen = 0;
  readonly gate = new IntakeGate();

  /** Forgets the index, as a restart does: the next submission rebuilds it from the database. */
  forget(): void {
    this.index = new DedupIndex();
    this.seen = 0;
  }
}

const PAGE = 20_000;

/**
 * Brings the index up to date with the database: every dedup log row written after what
 * it has seen (by this node or any other), in order. At start this is the full
 * rebuild; afterwards it reads only what others wrote. Runs under the intake lock.
 */
export async function catchUp(db: Executor, s: IntakeState): Promise<void> {
  for (;;) {
    const rows = await dedupKeysAfter(db, s.seen, PAGE);
    for (const r of rows) {
      for (const fp of r.fingerprints) s.index.addFingerprint(fingerprintValue(fp), r.reportId);
      if (r.signature) {
        const bytes = r.signature;
        const signature = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        s.index.addSignature({ findingId: r.findingId, reportId: r.reportId, targetKey: r.targetKey, cwe: r.cwe, file: r.file, line: r.line, signature });
      }
    }
    if (rows.length) s.seen = rows[rows.length - 1]!.seq;
    if (rows.length < PAGE) break;
  }
}

/** Warms the index (at server start), so the first submission does not pay for the rebuild. */
export async function warmIntake(ctx: { readonly db: Executor; readonly intake: IntakeState }): Promise<void> {
  const release = await ctx.intake.gate.acquire(false);
  try {
    await catchUp(ctx.db, ctx.intake);
  } finally {
    release();
  }
}
