import type { PreparedDedup } from './dedup-index';
import { type ItemResult, rejected } from './results';

/** What a replay is checked against: a finding stored earlier under an idempotency key (ADR 0011). */
export interface StoredUnderKey {
  readonly id: string;
  readonly idempotencyKey: string | null;
  readonly contentDigest: string;
  readonly reportId: string;
  readonly disposition: string;
  readonly duplicateKind: string | null;
}

/** A valid item of a chunk, with its dedup preparation when the checker made one. */
export interface ValidItem<F> {
  readonly index: number;
  readonly finding: F;
  readonly prepared: PreparedDedup | undefined;
}

/** What a chunk's idempotency keys decide before anything is stored. */
export interface ResolvedKeys<F> {
  /** Replays of stored items and key conflicts, answered already. */
  readonly answered: Map<number, ItemResult>;
  /** Items to store. */
  readonly fresh: ValidItem<F>[];
  /** Items that repeat an earlier item of the same chunk (same key, same content): answered as it is. */
  readonly repeats: { readonly index: number; readonly of: number }[];
}

/**
 * Resolves a chunk's idempotency keys against what is stored (ADR 0011): the same key and
 * content replays the stored answer and writes nothing; the same key with other content is
 * a CONFLICT for that item; a key repeated inside the chunk answers as its first item does.
 */
export function resolveKeys<F extends { readonly idempotencyKey: string | null; readonly contentDigest: string }>(
  valid: readonly ValidItem<F>[],
  stored: readonly StoredUnderKey[],
): ResolvedKeys<F> {
  const byKey = new Map(stored.map((r) => [r.idempotencyKey!, r]));
  const inChunk = new Map<string, { digest: string; index: number }>();
  const answered = new Map<number, ItemResult>();
  const fresh: ValidItem<F>[] = [];
  const repeats: { index: number; of: number }[] = [];
  for (const v of valid) {
    const key = v.finding.idempotencyKey;
    const conflict = () =>
      answered.set(
        v.index,
        rejected(v.index, 'CONFLICT', [{ path: '/idempotencyKey', message: `idempotency key "${key}" was already used for different content` }]),
      );
    const prior = key ? byKey.get(key) : undefined;
    const earlier = key ? inChunk.get(key) : undefined;
    if (prior) {
      if (prior.contentDigest !== v.finding.contentDigest) conflict();
      else {
        const duplicate = prior.disposition === 'duplicate';
        answered.set(v.index, {
          index: v.index,
          status: duplicate ? 'duplicate' : 'accepted',
          findingId: prior.id,
          reportId: prior.reportId,
          ...(duplicate && prior.duplicateKind ? { match: prior.duplicateKind as 'exact' | 'near' } : {}),
          replayed: true,
        });
      }
    } else if (earlier) {
      if (earlier.digest !== v.finding.contentDigest) conflict();
      else repeats.push({ index: v.index, of: earlier.index });
    } else {
      if (key) inChunk.set(key, { digest: v.finding.contentDigest, index: v.index });
      fresh.push(v);
    }
  }
  return { answered, fresh, repeats };
}
