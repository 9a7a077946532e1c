import { type Fingerprint, fingerprintsOf, normaliseFile } from './fingerprint';
import type { DedupFacts } from './finding';
import { bandKeys, LSH_BANDS, minhash, shinglesOf, similarity } from './minhash';

/** One report's near-duplicate signature in the index. */
export interface SignatureEntry {
  readonly findingId: string;
  reportId: string;
  readonly targetKey: string;
  readonly cwe: string | null;
  /** Normalised file and line of the finding, when it had them. */
  readonly file: string | null;
  readonly line: number | null;
  readonly signature: Uint32Array;
}

/** Where a finding is, as near-duplicate verification compares it. */
export interface Place {
  readonly file: string | null;
  readonly line: number | null;
}

/** How a finding relates to what the index knows. */
export type DedupDecision =
  | { readonly kind: 'new'; readonly fingerprints: readonly Fingerprint[]; readonly signature: Uint32Array }
  | { readonly kind: 'exact'; readonly reportId: string; readonly fingerprints: readonly Fingerprint[] }
  | { readonly kind: 'near'; readonly reportId: string; readonly similarity: number; readonly fingerprints: readonly Fingerprint[] };

/**
 * The estimated Jaccard similarity above which two findings of the same target and weakness
 * are one bug (ADR 0010): lower when they point at the same file within a few lines, higher
 * when they point at different files.
 */
export const NEAR_DUPLICATE_THRESHOLD = { samePlace: 0.4, unknownPlace: 0.5, samefile: 0.55, otherFile: 0.75 } as const;
export const NEARBY_LINES = 50;

/** The similarity two findings need, given where each is. */
export function thresholdFor(a: Place, b: Place): number {
  if (!a.file || !b.file) return NEAR_DUPLICATE_THRESHOLD.unknownPlace;
  if (a.file !== b.file) return NEAR_DUPLICATE_THRESHOLD.otherFile;
  if (a.line !== null && b.line !== null && Math.abs(a.line - b.line) <= NEARBY_LINES) return NEAR_DUPLICATE_THRESHOLD.samePlace;
  return NEAR_DUPLICATE_THRESHOLD.samefile;
}

/**
 * What deciding a finding needs computed from the finding alone: its exact fingerprints
 * and its MinHash signature. Pure, so bulk intake computes it on another thread while the
 * previous chunk is being stored.
 */
export interface PreparedDedup {
  readonly fingerprints: readonly Fingerprint[];
  readonly signature: Uint32Array;
}

export const prepareDedup = (f: DedupFacts): PreparedDedup => ({ fingerprints: fingerprintsOf(f), signature: minhash(shinglesOf(f)) });

/** A finding's place with its file normalised (the form the index stores). */
export const placeOf = (f: DedupFacts): Place => ({ file: f.file ? normaliseFile(f.file) : null, line: f.line });

/** An entry as the index holds it: with its band keys, computed once. */
type Indexed = SignatureEntry & { readonly bands: readonly number[]; seen: number };

/**
 * The in-memory deduplication index: exact fingerprints → report, and LSH buckets of
 * MinHash signatures. The database is the truth; the index is rebuilt from it and kept
 * current (services/intake/dedup-registry.ts). A `stage()` is a transaction's overlay:
 * it reads through to its parent and is merged in only after the transaction commits.
 */
export class DedupIndex {
  private readonly exact = new Map<string, string>();
  /** Per LSH band, its buckets by key. */
  private readonly buckets: Map<number, Indexed[]>[] = Array.from({ length: LSH_BANDS }, () => new Map());
  private readonly byFinding = new Map<string, Indexed>();
  /** Numbers each lookup, so an entry met in several buckets is taken once (kept by the root index). */
  private lookups = 0;

  constructor(private readonly parent: DedupIndex | null = null) {}

  /** How many fingerprints and signatures this level holds (not its parent's). */
  get size(): { fingerprints: number; signatures: number } {
    return { fingerprints: this.exact.size, signatures: this.byFinding.size };
  }

  /** A fresh overlay over this index. */
  stage(): DedupIndex {
    return new DedupIndex(this);
  }

  /** Merges an overlay made by `stage()` into this index. */
  absorb(stage: DedupIndex): void {
    for (const [v, r] of stage.exact) this.exact.set(v, r);
    for (const e of stage.byFinding.values()) this.add(e);
  }

  reportOfFingerprint(value: string): string | undefined {
    return this.exact.get(value) ?? this.parent?.reportOfFingerprint(value);
  }

  addFingerprint(value: string, reportId: string): void {
    this.exact.set(value, reportId);
  }

  /** Adds a signature, or re-points an existing one (a merge or split moved its finding). */
  addSignature(e: SignatureEntry): void {
    this.add({ ...e, bands: bandKeys(e.targetKey, e.signature), seen: 0 });
  }

  private add(e: Indexed): void {
    const known = this.byFinding.get(e.findingId);
    if (known) {
      known.reportId = e.reportId;
      return;
    }
    const entry: Indexed = { ...e, seen: 0 };
    this.byFinding.set(e.findingId, entry);
    for (let b = 0; b < LSH_BANDS; b++) {
      const band = this.buckets[b]!;
      const list = band.get(entry.bands[b]!);
      if (list) list.push(entry);
      else band.set(entry.bands[b]!, [entry]);
    }
  }

  /** The entries sharing a bucket with these band keys, each once (marked with this lookup's number). */
  private candidates(bands: readonly number[], lookup: number, into: Indexed[]): void {
    for (let b = 0; b < LSH_BANDS; b++) {
      for (const e of this.buckets[b]!.get(bands[b]!) ?? []) {
        if (e.seen === lookup) continue;
        e.seen = lookup;
        into.push(e);
      }
    }
    this.parent?.candidates(bands, lookup, into);
  }

  /** The most similar known signature of the same target and weakness, above the threshold. */
  nearest(targetKey: string, cwe: string | null, place: Place, signature: Uint32Array): { reportId: string; similarity: number } | null {
    const found: Indexed[] = [];
    let root: DedupIndex = this;
    while (root.parent) root = root.parent;
    this.candidates(bandKeys(targetKey, signature), ++root.lookups, found);
    let best: { reportId: string; similarity: number } | null = null;
    for (const e of found) {
      if (e.targetKey !== targetKey || (e.cwe && cwe && e.cwe !== cwe)) continue;
      const s = similarity(signature, e.signature);
      if (s >= thresholdFor(place, e) && (!best || s > best.similarity)) best = { reportId: e.reportId, similarity: s };
    }
    return best;
  }

  /**
   * Decides one finding: exact duplicate (any fingerprint known), near duplicate (LSH
   * candidate above the threshold), or new. Does not change the index.
   */
  decide(f: DedupFacts, prepared?: PreparedDedup): DedupDecision {
    const fingerprints = prepared?.fingerprints ?? fingerprintsOf(f);
    for (const fp of fingerprints) {
      const reportId = this.reportOfFingerprint(fp.value);
      if (reportId) return { kind: 'exact', reportId, fingerprints };
    }
    const signature = prepared?.signature ?? minhash(shinglesOf(f));
    const near = this.nearest(f.targetKey, f.cwe, placeOf(f), signature);
    if (near) return { kind: 'near', reportId: near.reportId, similarity: near.similarity, fingerprints };
    return { kind: 'new', fingerprints, signature };
  }
}
