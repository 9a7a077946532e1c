import type { Marking } from '../policy/marking';
import { canonicalJson } from '../../standards/jcs/canonical-json';
import { sha256Hex } from './canonical';

/** The hash that precedes the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the chain commits to for one change (DESIGN.md "Everything is audited"). */
export interface AuditContent {
  readonly seq: number;
  readonly id: string;
  /** ISO 8601 time with milliseconds, UTC. */
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorOrganisationId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly recordType: string;
  readonly recordId: string;
  readonly beforeDigest: string | null;
  readonly afterDigest: string | null;
  /** Who may read the entry: the record's marking when the change was made. */
  readonly marking: Marking;
}

export interface AuditEntry extends AuditContent {
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * hash_n = SHA-256(JCS({...content_n, prevHash: hash_(n-1)})). Canonical JSON (RFC 8785)
 * makes the hash independent of key order and number formatting, so any database and
 * any language can recompute it.
 */
export function entryHash(c: AuditContent, prevHash: string): string {
  return sha256Hex(entryCanonicalText(c, prevHash));
}

const q = JSON.stringify;
const sorted = (xs: readonly string[]): readonly string[] => (xs.length < 2 ? xs : [...xs].sort());

/**
 * The RFC 8785 text of an entry, built directly: every key is ASCII and written in sorted
 * order, and every value is a string, null or a safe integer, for which JSON.stringify
 * already produces the canonical form (RFC 8785 §3.2.2). The text is concatenated rather
 * than stringified from a fresh object: verification builds one per entry, and the object
 * and its copies were a fifth of `aisc audit verify` (ADR 0055). A property test checks it
 * against the generic canonicaliser. Fields are listed one by one: an entry read back
 * carries its own hash, which must not hash itself. A field left undefined (the generic
 * form drops its key) takes the generic path.
 */
export function entryCanonicalText(c: AuditContent, prevHash: string): string {
  const m = c.marking;
  if (
    c.actorUserId === undefined ||
    c.actorOrganisationId === undefined ||
    c.beforeDigest === undefined ||
    c.afterDigest === undefined ||
    m.createdBy === undefined
  )
    return canonicalJson({
      ...c,
      marking: { ...m, accessOrganisations: sorted(m.accessOrganisations), accessUsers: sorted(m.accessUsers), coordinators: m.coordinators || undefined },
      prevHash,
    });
  return (
    `{"action":${q(c.action)},"actorLabel":${q(c.actorLabel)},"actorOrganisationId":${q(c.actorOrganisationId)},"actorUserId":${q(c.actorUserId)}` +
    `,"afterDigest":${q(c.afterDigest)},"at":${q(c.at)},"beforeDigest":${q(c.beforeDigest)},"id":${q(c.id)}` +
    `,"marking":{"accessOrganisations":${q(sorted(m.accessOrganisations))},"accessUsers":${q(sorted(m.accessUsers))},"classification":${q(m.classification)}` +
    // Present only when set (ADR 0008), so entries written before the flag existed hash as they did.
    `${m.coordinators ? ',"coordinators":true' : ''},"createdBy":${q(m.createdBy)},"ownerOrganisationId":${q(m.ownerOrganisationId)},"tlp":${q(m.tlp)}}` +
    `,"prevHash":${q(prevHash)},"recordId":${q(c.recordId)},"recordType":${q(c.recordType)},"seq":${q(c.seq)}}`
  );
}

/** Links new content to the chain's head. */
export function chainEntry(content: AuditContent, prevHash: string): AuditEntry {
  return { ...content, prevHash, hash: entryHash(content, prevHash) };
}

export type ChainBreak =
  | { readonly kind: 'gap'; readonly seq: number; readonly expectedSeq: number }
  | { readonly kind: 'link'; readonly seq: number; readonly id: string }
  | { readonly kind: 'hash'; readonly seq: number; readonly id: string }
  | { readonly kind: 'head'; readonly seq: number; readonly expectedSeq: number }
  | { readonly kind: 'beyond-head'; readonly seq: number; readonly id: string }
  | { readonly kind: 'checkpoint'; readonly seq: number; readonly id: string; readonly reason: 'malformed' | 'claim' | 'signature' }
  | { readonly kind: 'truncated'; readonly seq: number; readonly entries: number; readonly at: string }
  | { readonly kind: 'rewritten'; readonly seq: number; readonly at: string }
  | { readonly kind: 'anchor'; readonly reason: 'unreadable' | 'signature'; readonly file: string }
  | { readonly kind: 'expected'; readonly seq: number; readonly entries: number; readonly found: string | null };

/**
 * Checks entries in `seq` order, one page at a time: call `step` for each entry with the
 * state it returns. Sequence numbers are contiguous from 1, so a deleted row shows as a gap,
 * an edited row as a hash mismatch, a reordered or inserted row as a broken link.
 */
export interface ChainCursor {
  readonly expectedSeq: number;
  readonly prevHash: string;
}
export const START: ChainCursor = { expectedSeq: 1, prevHash: GENESIS_HASH };

export function step(cursor: ChainCursor, e: AuditEntry): ChainCursor | ChainBreak {
  if (e.seq !== cursor.expectedSeq) return { kind: 'gap', seq: e.seq, expectedSeq: cursor.expectedSeq };
  if (e.prevHash !== cursor.prevHash) return { kind: 'link', seq: e.seq, id: e.id };
  if (entryHash(e, e.prevHash) !== e.hash) return { kind: 'hash', seq: e.seq, id: e.id };
  return { expectedSeq: e.seq + 1, prevHash: e.hash };
}

export const isBreak = (x: ChainCursor | ChainBreak): x is ChainBreak => 'kind' in x;

/** Describes a break in one line, naming the first broken entry. */
export function describeBreak(b: ChainBreak): string {
  switch (b.kind) {
    case 'gap':
      return `entry ${b.expectedSeq} is missing (next entry found is ${b.seq}): rows were deleted or renumbered`;
    case 'link':
      return `entry ${b.seq} (${b.id}) does not link to entry ${b.seq - 1}: rows were inserted, reordered or edited`;
    case 'hash':
      return `entry ${b.seq} (${b.id}) does not match its hash: the row was edited`;
    case 'head':
      return `the chain ends at entry ${b.seq - 1} but its recorded head is entry ${b.expectedSeq - 1}: the newest rows were deleted or the head was edited`;
    case 'beyond-head':
      return `entry ${b.seq} (${b.id}) lies beyond the recorded head: rows were appended outside AISC`;
    case 'checkpoint':
      return b.reason === 'signature'
        ? `entry ${b.seq} (${b.id}) is a checkpoint whose signature does not verify with the audit key: it was forged or edited`
        : b.reason === 'claim'
          ? `entry ${b.seq} (${b.id}) is a checkpoint of another chain (it does not name the entry before it): the chain was rebuilt`
          : `entry ${b.seq} (${b.id}) is a malformed checkpoint`;
    case 'truncated':
      return `TRUNCATED: the last signed checkpoint (${b.at}) names entry ${b.seq} but only ${b.entries} entries exist: the newest entries were deleted${b.entries === 0 ? ' (the chain was wiped)' : ''}`;
    case 'rewritten':
      return `REWRITTEN: entry ${b.seq} differs from the one the last signed checkpoint (${b.at}) names: the chain was rebuilt from entry ${b.seq} or earlier`;
    case 'anchor':
      return b.reason === 'signature'
        ? `the anchor file ${b.file} does not verify with the audit key: it was edited or written with another key`
        : `the anchor file ${b.file} cannot be read: it was damaged or replaced`;
    case 'expected':
      return b.seq > b.entries
        ? `TRUNCATED: the expected head names entry ${b.seq} but only ${b.entries} entries exist`
        : `entry ${b.seq} has hash ${b.found ?? '(none)'}, not the expected one: the chain was rebuilt or the expected head is wrong`;
  }
}
