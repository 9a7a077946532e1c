/**
 * What `aisc audit verify` can say about an intact chain, in one line (ADR 0043). A hash
 * chain proves only that its entries link up; how much more is proven depends on what is
 * kept outside the database: the anchor file (how long the chain was, and what it said, at
 * the last signed checkpoint) and the audit key (that the checkpoints are genuine).
 */
export interface ProofFacts {
  readonly keyId: string | null;
  readonly checkpoints: number;
  readonly verifiedCheckpoints: number;
  readonly lastCheckpoint: { readonly seq: number; readonly at: string; readonly verified: boolean } | null;
  readonly anchor: { readonly seq: number; readonly at: string; readonly verified: boolean; readonly file: string } | null;
  readonly anchorFile: string | null;
}

export function describeProof(lastSeq: number, headHash: string | null, p: ProofFacts, expected?: { seq: number; hash: string }): string {
  const parts = [lastSeq === 0 ? 'audit chain intact: no entries' : `audit chain intact from genesis to entry ${lastSeq}`];
  const covered = Math.max(p.anchor?.seq ?? 0, expected?.seq ?? 0);
  if (p.anchor) {
    parts.push(
      `entry ${p.anchor.seq} matches the checkpoint signed at ${p.anchor.at} kept in ${p.anchor.file}${p.anchor.verified ? ` (signature verified, key ${p.keyId})` : ' (signature NOT verified: the key that signed it is not at hand)'}`,
    );
  } else {
    parts.push(
      `NOT anchored: ${p.anchorFile ? `no anchor file at ${p.anchorFile}` : 'no anchor file is configured'}, so a truncated or wiped chain cannot be told from a shorter one`,
    );
  }
  if (expected) parts.push(`entry ${expected.seq} has the expected hash`);
  if (p.checkpoints > 0)
    parts.push(
      `${p.checkpoints} checkpoint${p.checkpoints === 1 ? '' : 's'} in the chain (${p.verifiedCheckpoints} signature${p.verifiedCheckpoints === 1 ? '' : 's'} verified)`,
    );
  if (covered > 0 && covered < lastSeq) parts.push(`entries ${covered + 1} to ${lastSeq} (after the last anchored checkpoint) are only hash-linked`);
  else if (covered === 0 && lastSeq > 0) parts.push('every entry is only hash-linked');
  if (lastSeq > 0) parts.push(`head ${lastSeq}:${headHash}`);
  return parts.join('; ');
}
