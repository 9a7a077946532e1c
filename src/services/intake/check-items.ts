import { prepareDedup, type PreparedDedup } from '../../domain/intake/dedup-index';
import type { FieldProblem } from '../../domain/errors';
import { nulProblems } from '../../domain/input/nul';
import { checkFinding, type CheckedItem } from './finding-input';

/**
 * One item as the stream splitter handed it over: its JSON text (parsed when checked), an
 * already parsed value (the CLI's converted documents), or why it could not be read.
 */
export type RawItem =
  | { readonly index: number; readonly text: string }
  | { readonly index: number; readonly value: unknown }
  | { readonly index: number; readonly problem: string };

/** A checked item, with its dedup fingerprints and signature when it is valid. */
export interface Checked {
  readonly index: number;
  readonly item: CheckedItem;
  readonly prepared?: PreparedDedup;
}

/** A checked item with more problems: whatever it was, it is rejected with all of them. */
function withProblems(item: CheckedItem, problems: FieldProblem[]): CheckedItem {
  if (!problems.length) return item;
  return { ok: false, problems: [...problems, ...(item.ok ? [] : item.problems)], idempotencyKey: item.ok ? item.finding.idempotencyKey : item.idempotencyKey };
}

const unreadable = (index: number, message: string): Checked => ({ index, item: { ok: false, problems: [{ path: '', message }], idempotencyKey: null } });

/**
 * Everything about a chunk's items that needs no database: JSON parsing, every check, and
 * the dedup preparation. CPU-bound and without I/O, so it runs on the intake thread
 * (src/runtime/intake-check-thread.ts) while the caller stores the chunk before.
 */
export function checkItems(raw: readonly RawItem[], requestKey: string | null): Checked[] {
  return raw.map((r): Checked => {
    if ('problem' in r) return unreadable(r.index, r.problem);
    let value: unknown;
    if ('text' in r) {
      try {
        value = JSON.parse(r.text);
      } catch (err) {
        return unreadable(r.index, `not valid JSON: ${err instanceof Error ? err.message : 'syntax error'}`);
      }
    } else value = r.value;
    // A NUL character anywhere in the item is refused here, by JSON Pointer (issue 9 item 11):
    // PostgreSQL cannot store one, and the other checks still run so every problem is named.
    const nul = nulProblems(value);
    const item = withProblems(checkFinding(value, requestKey, r.index), nul);
    return item.ok ? { index: r.index, item, prepared: prepareDedup(item.finding.dedup) } : { index: r.index, item };
  });
}
