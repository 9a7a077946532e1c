import { DedupIndex } from '../../domain/intake/dedup-index';
import type { Db, Executor } from '../../store/database';
import { dedupKeysAfter, fingerprintValue } from '../../store/intake/dedup';
import { IntakeGate } from './gate';

/** A process's intake state for one database: the dedup index, how far into the dedup log it has read, and the gate. */
export interface IntakeState {
  index: DedupIndex;
  seen: number;
  readonly gate: IntakeGate;
}

const states = new WeakMap<Db, IntakeState>();

/** The intake state of a database (one per process and database). */
export function intakeState(db: Db): IntakeState {
  let s = states.get(db);
  if (!s) {
    s = { index: new DedupIndex(), seen: 0, gate: new IntakeGate() };
    states.set(db, s);
  }
  return s;
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
export async function warmIntake(db: Db): Promise<void> {
  const s = intakeState(db);
  const release = await s.gate.acquire(false);
  try {
    await catchUp(db, s);
  } finally {
    release();
  }
}

/** Drops a process's intake state, as a restart does: the next submission rebuilds the index from the database. */
export function forgetIntakeState(db: Db): void {
  states.delete(db);
}
