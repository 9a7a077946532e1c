import type { ParsedVersion, VersionScheme } from '../versions/types';
import { type AffectedMatcher, type CompiledRange, FIXED, INTRODUCED, LIMIT } from './osv';
import { inScheme } from './reparse';

/** Every distinct bound of one scheme, sorted once: a version's place among them is its slot. */
interface Axis {
  readonly scheme: VersionScheme;
  readonly bounds: ParsedVersion[];
}

/** Slots `lo..hi` (inclusive) of one axis where an entry is affected. */
interface Span {
  readonly axis: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * The OSV `affected` entries of many advisories about one package, placed on one sorted axis
 * per version scheme (OSV 1.7 §"Evaluation" done once instead of per query). With `n`
 * distinct bounds on an axis, slot `2j+1` is "equal to bound j" and slot `2j` is "strictly
 * between bounds j-1 and j"; an entry's affectedness is the same for every version in a slot,
 * so each entry becomes a few integer spans. A query is then one binary search per axis and
 * integer comparisons per entry, with the same answers as each entry's own `matches`.
 */
export class AffectedTable {
  private readonly axes: Axis[] = [];
  /** Axes of listed versions, which match only versions parsed by the same scheme (no re-reading). */
  private readonly listedAxes = new Set<number>();
  private readonly spans: Span[][];
  private readonly byText = new Map<string, number[]>();

  private constructor(entries: readonly (readonly AffectedMatcher[])[]) {
    const axisOf = new Map<string, number>();
    const axis = (scheme: VersionScheme, listed: boolean): number => {
      const key = `${listed ? 'l' : 'r'}:${scheme.id}`;
      let i = axisOf.get(key);
      if (i === undefined) {
        i = this.axes.length;
        axisOf.set(key, i);
        this.axes.push({ scheme, bounds: [] });
        if (listed) this.listedAxes.add(i);
      }
      return i;
    };
    for (const matchers of entries)
      for (const { compiled: c } of matchers) {
        for (const r of c.ranges) {
          const a = this.axes[axis(r.scheme, false)]!;
          for (const b of r.bounds) if (b) a.bounds.push(b);
        }
        if (c.listed.length) this.axes[axis(c.scheme, true)]!.bounds.push(...c.listed);
      }
    for (const a of this.axes) {
      a.bounds.sort((x, y) => a.scheme.compare(x, y));
      const distinct: ParsedVersion[] = [];
      for (const b of a.bounds) if (!distinct.length || a.scheme.compare(distinct[distinct.length - 1]!, b) !== 0) distinct.push(b);
      a.bounds.length = 0;
      a.bounds.push(...distinct);
    }
    this.spans = entries.map((matchers, entry) => {
      const out: Span[] = [];
      for (const { compiled: c } of matchers) {
        for (const r of c.ranges) out.push(...this.rangeSpans(axis(r.scheme, false), r));
        if (c.listed.length) {
          const i = axis(c.scheme, true);
          for (const l of c.listed) {
            const s = this.slotOf(i, l);
            out.push({ axis: i, lo: s, hi: s });
          }
        }
        for (const t of c.listedText) {
          const list = this.byText.get(t);
          if (!list) this.byText.set(t, [entry]);
          else if (list[list.length - 1] !== entry) list.push(entry);
        }
      }
      return out;
    });
  }

  /**
   * The table of `entries` (each: one advisory's compiled entries for the package), or null
   * when a scheme's order is not consistent over their bounds (then callers match entry by
   * entry, as `listedSearch` in osv.ts does for the same reason).
   */
  static of(entries: readonly (readonly AffectedMatcher[])[]): AffectedTable | null {
    const table = new AffectedTable(entries);
    for (const a of table.axes) for (let i = 1; i < a.bounds.length; i++) if (a.scheme.compare(a.bounds[i - 1]!, a.bounds[i]!) >= 0) return null;
    return table;
  }

  /** Indexes of the entries `version` (parsed by the ecosystem; `text` as asked) is affected by, ascending. */
  matching(version: ParsedVersion | null, text: string): number[] {
    const slots = this.axes.map((a, i) => {
      if (!version) return -1;
      if (this.listedAxes.has(i)) return version.scheme === a.scheme.id ? this.slotOf(i, version) : -1;
      const own = inScheme(version, a.scheme);
      return own ? this.slotOf(i, own) : -1;
    });
    const byText = this.byText.get(text);
    const out: number[] = [];
    let t = 0;
    for (let e = 0; e < this.spans.length; e++) {
      while (byText && t < byText.length && byText[t]! < e) t++;
      if (byText && byText[t] === e) {
        out.push(e);
        continue;
      }
      for (const s of this.spans[e]!) {
        const slot = slots[s.axis]!;
        if (slot >= s.lo && slot <= s.hi) {
          out.push(e);
          break;
        }
      }
    }
    return out;
  }

  /** `2j+1` when `v` equals bound j, else `2i` with i the number of bounds below `v`. */
  private slotOf(axis: number, v: ParsedVersion): number {
    const { scheme, bounds } = this.axes[axis]!;
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = scheme.compare(v, bounds[mid]!);
      if (c === 0) return 2 * mid + 1;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return 2 * lo;
  }

  /** The slots where a range holds: its events walked as `inRange` (osv.ts) walks them, once per slot class. */
  private rangeSpans(axis: number, r: CompiledRange): Span[] {
    const at = r.bounds.map((b) => (b === null ? -1 : this.slotOf(axis, b)));
    const last = 2 * this.axes[axis]!.bounds.length;
    const affectedAt = (slot: number): boolean => {
      let affected = false;
      for (let i = 0; i < at.length; i++) {
        const c = at[i] === -1 ? 1 : Math.sign(slot - at[i]!);
        if (c < 0) break;
        const kind = r.kinds[i];
        if (kind === INTRODUCED) affected = true;
        else if (kind === FIXED || kind === LIMIT) affected = false;
        else if (c > 0) affected = false;
      }
      return affected;
    };
    // The answer can only change at a bound's own slot or just after it.
    const cuts = [...new Set([0, ...at.flatMap((p) => (p < 0 ? [] : [p, p + 1]))])].filter((s) => s <= last).sort((a, b) => a - b);
    const out: Span[] = [];
    for (let i = 0; i < cuts.length; i++) {
      if (!affectedAt(cuts[i]!)) continue;
      const hi = i + 1 < cuts.length ? cuts[i + 1]! - 1 : last;
      const prev = out[out.length - 1];
      if (prev && prev.hi === cuts[i]! - 1) out[out.length - 1] = { axis, lo: prev.lo, hi };
      else out.push({ axis, lo: cuts[i]!, hi });
    }
    return out;
  }
}
