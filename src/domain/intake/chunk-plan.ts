import type { IntakeLane } from './admission';
import { type DedupIndex, placeOf } from './dedup-index';
import type { Fingerprint } from './fingerprint';
import type { DedupFacts } from './finding';
import type { ResolvedKeys } from './idempotency';
import { type ItemResult, rejected } from './results';

/** What planning needs of a checked finding (services/intake/finding-input.ts has the rest). */
export interface PlannableFinding {
  readonly idempotencyKey: string | null;
  readonly contentDigest: string;
  readonly exploited: boolean;
  readonly dedup: DedupFacts;
  readonly attachments: readonly { readonly digest: string }[];
}

/** How many items of each lane admission let in, and when the others may retry. */
export interface Admission {
  readonly normal: number;
  readonly priority: number;
  readonly retryAfter: Record<IntakeLane, number>;
  /** What is left of the day's quota after this chunk (0: the items turned away wait for the next UTC day). */
  readonly budget: { readonly day: number };
}

/** Why an item is turned away when the day's quota, not the lane's rate, is what ran out. */
export const DAY_SPENT = "your organisation's daily intake quota is used up; retry after midnight UTC";

/** A finding to store: its ids and how it relates to the reports. */
export interface PlannedFinding<F> {
  readonly index: number;
  readonly finding: F;
  readonly id: string;
  readonly reportId: string;
  readonly disposition: 'accepted' | 'duplicate';
  readonly duplicateKind: 'exact' | 'near' | null;
  readonly similarity: number | null;
  /** Ids of its attachments, in the order of `finding.attachments`. */
  readonly attachmentIds: readonly string[];
}

/** A report the chunk opens: the finding that opened it, and how many of the chunk's findings joined it. */
export interface PlannedReport<F> {
  readonly id: string;
  readonly opener: F;
  findingCount: number;
  exploited: boolean;
}

/** The dedup-log row of a finding that taught the index something (ADR 0012: one row per finding). */
export interface PlannedDedupKey<F> {
  readonly finding: F;
  readonly findingId: string;
  readonly reportId: string;
  readonly fingerprints: readonly Fingerprint[];
  /** Its signature, when it opened a report. */
  readonly signature: Uint32Array | null;
}

/** Findings of the chunk that joined a report stored before it. */
export interface PlannedJoin {
  readonly reportId: string;
  added: number;
  exploited: boolean;
}

/** Everything one chunk stores and answers: the set-based write (store/intake/chunk.ts) carries it out. */
export interface ChunkPlan<F> {
  readonly findings: PlannedFinding<F>[];
  readonly reports: Map<string, PlannedReport<F>>;
  readonly joins: Map<string, PlannedJoin>;
  readonly dedupKeys: PlannedDedupKey<F>[];
  /** Every item's answer, by index (the invalid items' too, when the caller put them in `keys.answered`). */
  readonly answers: Map<number, ItemResult>;
}

/**
 * Plans a chunk's writes (ADR 0011, ADR 0012, ADR 0055), in item order: items over their
 * lane's admission are RATE_LIMITED; the others are decided against the dedup index —
 * `stage`, the transaction's overlay, which learns each decided finding so later items of
 * the same chunk find it — and become a finding, perhaps a new report, perhaps a dedup-log
 * row, and their attachments. Items repeating an earlier item's key answer as it did.
 * Pure apart from teaching `stage`; ids come from `newId`.
 */
export function planChunk<F extends PlannableFinding>(keys: ResolvedKeys<F>, admitted: Admission, stage: DedupIndex, newId: () => string): ChunkPlan<F> {
  const answers = new Map(keys.answered);
  const plan: ChunkPlan<F> = { findings: [], reports: new Map(), joins: new Map(), dedupKeys: [], answers };
  const left = { normal: admitted.normal, priority: admitted.priority };
  for (const v of keys.fresh) {
    const f = v.finding;
    const lane: IntakeLane = f.exploited ? 'priority' : 'normal';
    if (left[lane] <= 0) {
      answers.set(
        v.index,
        rejected(
          v.index,
          'RATE_LIMITED',
          [{ path: '', message: admitted.budget.day === 0 ? DAY_SPENT : `over your organisation's ${lane} intake rate; retry later` }],
          {
            retryAfterSeconds: admitted.retryAfter[lane],
          },
        ),
      );
      continue;
    }
    left[lane]--;
    const d = stage.decide(f.dedup, v.prepared);
    const id = newId();
    const reportId = d.kind === 'new' ? newId() : d.reportId;
    const taught = d.fingerprints.filter((fp) => !stage.reportOfFingerprint(fp.value));
    for (const fp of taught) stage.addFingerprint(fp.value, reportId);
    if (d.kind === 'new') {
      stage.addSignature({ findingId: id, reportId, targetKey: f.dedup.targetKey, cwe: f.dedup.cwe, ...placeOf(f.dedup), signature: d.signature });
      plan.reports.set(reportId, { id: reportId, opener: f, findingCount: 1, exploited: f.exploited });
    } else {
      // A duplicate of a report opened earlier in this chunk counts on the new row; else on the stored report.
      const mine = plan.reports.get(reportId);
      const join = mine ?? plan.joins.get(reportId) ?? { reportId, added: 0, exploited: false };
      if (mine) mine.findingCount++;
      else {
        (join as PlannedJoin).added++;
        plan.joins.set(reportId, join as PlannedJoin);
      }
      join.exploited ||= f.exploited;
    }
    if (taught.length || d.kind === 'new')
      plan.dedupKeys.push({ finding: f, findingId: id, reportId, fingerprints: taught, signature: d.kind === 'new' ? d.signature : null });
    plan.findings.push({
      index: v.index,
      finding: f,
      id,
      reportId,
      disposition: d.kind === 'new' ? 'accepted' : 'duplicate',
      duplicateKind: d.kind === 'new' ? null : d.kind,
      similarity: d.kind === 'near' ? d.similarity : null,
      attachmentIds: f.attachments.map(() => newId()),
    });
    answers.set(v.index, {
      index: v.index,
      status: d.kind === 'new' ? 'accepted' : 'duplicate',
      findingId: id,
      reportId,
      ...(d.kind === 'near' ? { match: 'near', similarity: d.similarity } : d.kind === 'exact' ? { match: 'exact' } : {}),
    });
  }
  for (const r of keys.repeats) {
    const first = answers.get(r.of)!;
    answers.set(r.index, first.status === 'rejected' ? { ...first, index: r.index } : { ...first, index: r.index, replayed: true });
  }
  return plan;
}
