import { describe, expect, it } from 'vitest';
import { AffectedTable } from '../../../src/standards/ranges/affected-table';
import { type AffectedMatcher, compileAffected, type OsvAffected } from '../../../src/standards/ranges/index';
import { ecosystemFor } from '../../../src/standards/versions/registry';
import { osvAdvisoryLines } from '../formats/shared-data';

/** Every entry matched on its own: the answer the table must give. */
function oneByOne(entries: readonly (readonly AffectedMatcher[])[], ecosystem: string, version: string): number[] {
  let parsed = null;
  try {
    parsed = ecosystemFor(ecosystem).parse(version);
  } catch {
    parsed = null;
  }
  const out: number[] = [];
  entries.forEach((ms, i) => {
    if (ms.some((m) => m.compiled.listedText.has(version) || (parsed !== null && m.matches(parsed)))) out.push(i);
  });
  return out;
}

describe('AffectedTable: many advisories of a package on one sorted axis', () => {
  it('answers exactly as each entry matched on its own, over the real advisories, at every bound, between bounds and outside them', () => {
    const byPackage = new Map<string, { ecosystem: string; entries: AffectedMatcher[][]; versions: Set<string> }>();
    for (const { line } of osvAdvisoryLines()) {
      const record = JSON.parse(line) as { affected?: (OsvAffected & { package?: { ecosystem: string; name: string } })[] };
      const mine = new Map<string, AffectedMatcher[]>();
      for (const a of record.affected ?? []) {
        if (!a.package?.ecosystem || !a.package.name) continue;
        const key = `${a.package.ecosystem}\u0000${a.package.name}`;
        let p = byPackage.get(key);
        if (!p) {
          p = { ecosystem: a.package.ecosystem, entries: [], versions: new Set() };
          byPackage.set(key, p);
        }
        const list = mine.get(key) ?? [];
        list.push(compileAffected(a));
        mine.set(key, list);
        for (const r of a.ranges ?? []) for (const e of r.events) for (const v of Object.values(e)) p.versions.add(v);
        for (const v of a.versions ?? []) p.versions.add(v);
      }
      for (const [key, list] of mine) byPackage.get(key)!.entries.push(list);
    }
    let checked = 0;
    let tables = 0;
    const wrong: string[] = [];
    for (const [key, p] of byPackage) {
      const table = AffectedTable.of(p.entries);
      if (!table) continue;
      tables++;
      // bounds themselves, spellings just above and below them, and versions outside every range
      const probes = new Set(['0.0.0', '0.0.1', '999.0.0', 'not a version']);
      for (const v of p.versions)
        for (const probe of [v, `${v}.1`, `${v}-rc1`, `${v}0`, v.replace(/\d+$/, (d) => String(Math.max(0, Number(d) - 1)))]) probes.add(probe);
      for (const v of probes) {
        let parsed = null;
        try {
          parsed = ecosystemFor(p.ecosystem).parse(v);
        } catch {
          parsed = null;
        }
        const got = table.matching(parsed, v);
        const want = oneByOne(p.entries, p.ecosystem, v);
        checked++;
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${key.replace('\u0000', ' ')} @ ${v}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    expect(tables).toBeGreaterThan(1000);
    expect(checked).toBeGreaterThan(50_000);
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 300_000);

  it('places equal spellings of a version on one slot and keeps introduced/fixed/last_affected/limit semantics', () => {
    const entries = [
      [compileAffected({ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '2.0' }] }] })],
      [
        compileAffected({
          package: { ecosystem: 'PyPI', name: 'x' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { last_affected: '1.5' }] }],
        }),
      ],
      [compileAffected({ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit: '1.0' }] }] })],
      [compileAffected({ package: { ecosystem: 'PyPI', name: 'x' }, versions: ['3.0', 'weird-build'] })],
    ];
    const table = AffectedTable.of(entries)!;
    const at = (v: string) => {
      let parsed = null;
      try {
        parsed = ecosystemFor('PyPI').parse(v);
      } catch {
        parsed = null;
      }
      return table.matching(parsed, v);
    };
    expect(at('0.9')).toEqual([2]);
    expect(at('1.0')).toEqual([0, 1]);
    expect(at('1.5')).toEqual([0, 1]);
    expect(at('1.5.1')).toEqual([0]);
    expect(at('2.0')).toEqual([]);
    expect(at('3.0.0')).toEqual([3]);
    // listed by its text even where the ecosystem reads it some other way
    expect(at('weird-build')).toContain(3);
    for (const v of ['0.9', '1.0', '1.5', '1.5.1', '2.0', '3.0.0', 'weird-build']) expect(at(v), v).toEqual(oneByOne(entries, 'PyPI', v));
  });
});
