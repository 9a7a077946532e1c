import type { OsvRecord } from '../../standards/osv/index';
import { AffectedTable } from '../../standards/ranges/affected-table';
import { compileAffected, type AffectedMatcher } from '../../standards/ranges/index';
import { ecosystemFor } from '../../standards/versions/registry';

/** What a query answers with per advisory (OSV.dev querybatch: `id` and `modified`). */
export interface OsvHit {
  readonly id: string;
  readonly modified: string;
  /** The hit as served under an id prefix (osv-ids.ts), made once per hit instead of once per answer. */
  served?: { readonly prefix: string; readonly hit: OsvHit };
}

interface PackageEntry {
  readonly hit: OsvHit;
  readonly matchers: readonly AffectedMatcher[];
  /** `affected[].versions` as written, for versions the ecosystem cannot parse. */
  readonly listed: ReadonlySet<string>;
}

/** A package's entries in id order, with their table (built at the first query after a change). */
interface Compiled {
  readonly entries: readonly PackageEntry[];
  /** null: a scheme's order is inconsistent over these bounds; entries are matched one by one. */
  readonly table: AffectedTable | null;
}

interface Placed {
  readonly keys: readonly string[];
  readonly commits: readonly string[];
}

/** PEP 503: PyPI names compare lower-cased with runs of `-_.` as one `-` (OSV.dev does the same). */
export function normalizePackageName(ecosystem: string, name: string): string {
  return ecosystem.toLowerCase().startsWith('pypi') ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

const keyOf = (ecosystem: string, name: string) => `${ecosystem.toLowerCase()}\u0000${normalizePackageName(ecosystem, name)}`;

/**
 * The in-memory OSV matching index (ADR 0020): compiled `affected` matchers per
 * (ecosystem, package name) and affected commits, for published advisories only. It is a
 * cache — built from the database, refreshed by outbox events; the database stays the truth.
 */
export class OsvIndex {
  private readonly packages = new Map<string, Map<string, PackageEntry>>();
  private readonly commits = new Map<string, Set<string>>();
  private readonly placed = new Map<string, Placed>();
  private readonly hits = new Map<string, OsvHit>();
  /** Per package key, dropped when an advisory of the package is put or removed. */
  private readonly compiled = new Map<string, Compiled>();

  get size(): number {
    return this.placed.size;
  }

  /** Adds or replaces an advisory. Withdrawn ones match nothing (OSV.dev leaves them out of queries). */
  put(record: OsvRecord): void {
    this.remove(record.id);
    if (record.withdrawn) return;
    const hit: OsvHit = { id: record.id, modified: record.modified };
    const byKey = new Map<string, { matchers: AffectedMatcher[]; listed: Set<string> }>();
    const commits = new Set<string>();
    for (const a of record.affected ?? []) {
      for (const range of a.ranges ?? []) {
        // OSV §affected.ranges GIT: introduced and last_affected commits are affected ones.
        if (range.type === 'GIT')
          for (const e of range.events)
            for (const [k, v] of Object.entries(e)) if ((k === 'introduced' || k === 'last_affected') && v !== '0') commits.add(v.toLowerCase());
      }
      if (!a.package?.ecosystem || !a.package.name) continue;
      const key = keyOf(a.package.ecosystem, a.package.name);
      const slot = byKey.get(key) ?? { matchers: [], listed: new Set<string>() };
      slot.matchers.push(compileAffected(a));
      for (const v of a.versions ?? []) slot.listed.add(v);
      byKey.set(key, slot);
    }
    for (const [key, slot] of byKey) {
      this.compiled.delete(key);
      let m = this.packages.get(key);
      if (!m) {
        m = new Map();
        this.packages.set(key, m);
      }
      m.set(record.id, { hit, matchers: slot.matchers, listed: slot.listed });
    }
    for (const c of commits) {
      let s = this.commits.get(c);
      if (!s) {
        s = new Set();
        this.commits.set(c, s);
      }
      s.add(record.id);
    }
    this.placed.set(record.id, { keys: [...byKey.keys()], commits: [...commits] });
    this.hits.set(record.id, hit);
  }

  remove(id: string): void {
    const p = this.placed.get(id);
    if (!p) return;
    for (const k of p.keys) {
      this.compiled.delete(k);
      const m = this.packages.get(k);
      m?.delete(id);
      if (m?.size === 0) this.packages.delete(k);
    }
    for (const c of p.commits) {
      const s = this.commits.get(c);
      s?.delete(id);
      if (s?.size === 0) this.commits.delete(c);
    }
    this.placed.delete(id);
    this.hits.delete(id);
  }

  /**
   * Advisories affecting a package, at a version when given (every advisory of the package
   * otherwise), sorted by id. A version the ecosystem cannot parse matches listed versions only.
   */
  matchPackage(ecosystem: string, name: string, version?: string): OsvHit[] {
    const key = keyOf(ecosystem, name);
    const m = this.packages.get(key);
    if (!m) return [];
    const { entries, table } = this.compiledOf(key, m);
    if (version === undefined) return entries.map((e) => e.hit);
    let parsed = null;
    try {
      parsed = ecosystemFor(ecosystem).parse(version);
    } catch {
      parsed = null;
    }
    if (table) return table.matching(parsed, version).map((i) => entries[i]!.hit);
    return entries.filter((e) => e.listed.has(version) || (parsed && e.matchers.some((x) => x.matches(parsed)))).map((e) => e.hit);
  }

  /** The package's entries sorted by id and placed on one axis per scheme, once per change of the package. */
  private compiledOf(key: string, m: Map<string, PackageEntry>): Compiled {
    let c = this.compiled.get(key);
    if (!c) {
      const entries = [...m.values()].sort((a, b) => (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0));
      c = { entries, table: AffectedTable.of(entries.map((e) => e.matchers)) };
      this.compiled.set(key, c);
    }
    return c;
  }

  /** Advisories that name `commit` as an affected commit (full hash, or the abbreviation as published). */
  matchCommit(commit: string): OsvHit[] {
    const ids = this.commits.get(commit.toLowerCase());
    return ids ? [...ids].sort().map((id) => this.hits.get(id)!) : [];
  }
}
