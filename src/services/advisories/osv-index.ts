import type { OsvRecord } from '../../standards/osv/index';
import { compileAffected, type AffectedMatcher } from '../../standards/ranges/index';
import { ecosystemFor } from '../../standards/versions/registry';
import type { Ecosystem } from '../../standards/versions/registry';

/** What a query answers with per advisory (OSV.dev querybatch: `id` and `modified`). */
export interface OsvHit {
  readonly id: string;
  readonly modified: string;
}

interface PackageEntry {
  readonly hit: OsvHit;
  readonly matchers: readonly AffectedMatcher[];
  /** `affected[].versions` as written, for versions the ecosystem cannot parse. */
  readonly listed: ReadonlySet<string>;
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
  private readonly modified = new Map<string, string>();

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
      let m = this.packages.get(key);
      if (!m) this.packages.set(key, (m = new Map()));
      m.set(record.id, { hit, matchers: slot.matchers, listed: slot.listed });
    }
    for (const c of commits) {
      let s = this.commits.get(c);
      if (!s) this.commits.set(c, (s = new Set()));
      s.add(record.id);
    }
    this.placed.set(record.id, { keys: [...byKey.keys()], commits: [...commits] });
    this.modified.set(record.id, record.modified);
  }

  remove(id: string): void {
    const p = this.placed.get(id);
    if (!p) return;
    for (const k of p.keys) {
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
    this.modified.delete(id);
  }

  /**
   * Advisories affecting a package, at a version when given (every advisory of the package
   * otherwise), sorted by id. A version the ecosystem cannot parse matches listed versions only.
   */
  matchPackage(ecosystem: string, name: string, version?: string): OsvHit[] {
    const m = this.packages.get(keyOf(ecosystem, name));
    if (!m) return [];
    const out: OsvHit[] = [];
    if (version === undefined) {
      for (const e of m.values()) out.push(e.hit);
    } else {
      let eco: Ecosystem | null = null;
      let parsed = null;
      try {
        eco = ecosystemFor(ecosystem);
        parsed = eco.parse(version);
      } catch {
        parsed = null;
      }
      for (const e of m.values()) {
        if (e.listed.has(version) || (parsed && e.matchers.some((x) => x.matches(parsed)))) out.push(e.hit);
      }
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Advisories that name `commit` as an affected commit (full hash, or the abbreviation as published). */
  matchCommit(commit: string): OsvHit[] {
    const ids = this.commits.get(commit.toLowerCase());
    return ids ? [...ids].sort().map((id) => ({ id, modified: this.modified.get(id)! })) : [];
  }
}
