import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pep440Lib from '@renovatebot/pep440';
import * as rubySemver from '@renovatebot/ruby-semver';
import semver from 'semver';
import { compileAffected, compileNpmRange, type OsvAffected } from '../src/standards/ranges';
import { ecosystemFor, type ParsedVersion } from '../src/standards/versions';
import { opsPerSecond, type BenchResult, type BenchSuite } from './harness';

const DATA = join(process.cwd(), '../shared/data');

/** A deterministic pseudo-random sequence (the same inputs every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function npmInputs(): { ranges: string[]; versions: string[] } {
  const r = lcg(42);
  const n = (): number => Math.floor(r() * 12);
  const v = (): string => `${n()}.${n()}.${n()}${r() < 0.15 ? `-beta.${n()}` : ''}`;
  const shapes = [
    () => `^${v()}`,
    () => `~${v()}`,
    () => `>=${v()} <${v()}`,
    () => `${n()}.x || >=${v()}`,
    () => `${v()} - ${v()}`,
    () => `<${v()} || >=${v()} <${v()}`,
    () => `>=${v()}`,
  ];
  return {
    ranges: Array.from({ length: 200 }, () => shapes[Math.floor(r() * shapes.length)]!()),
    versions: Array.from({ length: 200 }, v),
  };
}

function npmRangeBench(): BenchResult {
  const { ranges, versions } = npmInputs();
  const npm = ecosystemFor('npm');
  const compiled = ranges.map((x) => compileNpmRange(x));
  const parsed = versions.map((x) => npm.parse(x));
  let sink = 0;
  const pairs = ranges.length * versions.length;
  const ours = opsPerSecond(
    () => {
      for (const m of compiled) for (const v of parsed) if (m.matches(v)) sink++;
    },
    1500,
    pairs,
  );
  const base = opsPerSecond(
    () => {
      for (const x of ranges) for (const v of versions) if (semver.satisfies(v, x)) sink++;
    },
    1500,
    pairs,
  );
  return {
    name: 'npm range check (compiled, pre-parsed)',
    value: ours,
    unit: 'checks/s',
    baseline: { name: 'semver.satisfies(version, range)', value: base },
    goal: '≥ 5× semver.satisfies',
    met: ours >= 5 * base,
    notes: `200 ranges × 200 versions, same inputs for both (${sink > 0 ? 'checked' : 'none'})`,
  };
}

/** Pairs from the ground truth when present, so each scheme sorts its real-world versions. */
function pairsFor(prefix: string, fallback: string[]): [string, string][] {
  const files = [`${prefix}-versions-generated.txt`, `${prefix}-versions.txt`].map((f) => join(DATA, 'standards/versions', f));
  const file = files.find((f) => existsSync(f));
  const lines = file ? readFileSync(file, 'utf8').split('\n') : [];
  const pairs = lines
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('//'))
    .slice(0, 5000)
    .map((l) => {
      const [a, , b] = l.split(' ');
      return [a!, b!] as [string, string];
    });
  return pairs.length ? pairs : fallback.map((v, i) => [v, fallback[(i + 1) % fallback.length]!]);
}

const COMPARE_SETS: { ecosystem: string; prefix: string; baselineName: string; baseline: (a: string, b: string) => number }[] = [
  { ecosystem: 'npm', prefix: 'semver', baselineName: 'semver.compare', baseline: (a, b) => semver.compare(a, b) },
  { ecosystem: 'PyPI', prefix: 'pypi', baselineName: '@renovatebot/pep440 compare', baseline: (a, b) => pep440Lib.compare(a, b) },
  {
    ecosystem: 'RubyGems',
    prefix: 'rubygems',
    baselineName: '@renovatebot/ruby-semver lt/eq',
    baseline: (a, b) => (rubySemver.eq(a, b) ? 0 : rubySemver.lt(a, b) ? -1 : 1),
  },
  { ecosystem: 'Maven', prefix: 'maven', baselineName: 'String#localeCompare', baseline: (a, b) => a.localeCompare(b) },
  { ecosystem: 'Debian', prefix: 'debian', baselineName: 'String#localeCompare', baseline: (a, b) => a.localeCompare(b) },
  { ecosystem: 'Alpine', prefix: 'alpine', baselineName: 'String#localeCompare', baseline: (a, b) => a.localeCompare(b) },
  { ecosystem: 'Packagist', prefix: 'packagist', baselineName: 'String#localeCompare', baseline: (a, b) => a.localeCompare(b) },
  { ecosystem: 'Red Hat', prefix: 'redhat', baselineName: 'String#localeCompare', baseline: (a, b) => a.localeCompare(b) },
  { ecosystem: 'NuGet', prefix: 'nuget', baselineName: 'String#localeCompare', baseline: (a, b) => a.localeCompare(b) },
];

function compareBench(set: (typeof COMPARE_SETS)[number]): BenchResult {
  const eco = ecosystemFor(set.ecosystem);
  const fallback = ['1.0.0', '1.2.3', '2.0.0', '1.10.0', '0.9.9', '3.1.4'];
  const raw = pairsFor(set.prefix, fallback).filter(([a, b]) => {
    try {
      eco.parse(a);
      eco.parse(b);
      set.baseline(a, b);
      return true;
    } catch {
      return false;
    }
  });
  const parsed = raw.map(([a, b]) => [eco.parse(a), eco.parse(b)] as [ParsedVersion, ParsedVersion]);
  let sink = 0;
  const ours = opsPerSecond(
    () => {
      for (const [a, b] of parsed) sink += eco.compare(a, b);
    },
    800,
    parsed.length,
  );
  const base = opsPerSecond(
    () => {
      for (const [a, b] of raw) sink += set.baseline(a, b);
    },
    800,
    raw.length,
  );
  return {
    name: `${set.ecosystem} compare (pre-parsed)`,
    value: ours,
    unit: 'compares/s',
    baseline: { name: `${set.baselineName} (strings)`, value: base },
    // `sink` keeps the comparisons from being optimised away; reading it here keeps it live
    notes: `${parsed.length} ground-truth pairs (localeCompare is only a string-work reference, not a correct order${sink === 0 ? '; all equal' : ''})`,
  };
}

function osvBench(): BenchResult | undefined {
  const file = join(DATA, 'advisories/pypa.osv.ndjson');
  if (!existsSync(file)) return undefined;
  const entries: OsvAffected[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(0, 2000)) {
    if (!line) continue;
    for (const a of (JSON.parse(line) as { affected?: OsvAffected[] }).affected ?? []) if (a.ranges) entries.push({ ranges: a.ranges });
  }
  const pypi = ecosystemFor('PyPI');
  const versions = ['0.1', '1.0.0', '1.2.3', '2.0rc1', '2.31.0', '3.4.5.post1', '10.0.0'].map((v) => pypi.parse(v));
  const compiled = entries.map((e) => compileAffected(e, pypi));
  let sink = 0;
  const checks = entries.length * versions.length;
  const ours = opsPerSecond(
    () => {
      for (const m of compiled) for (const v of versions) if (m.matches(v)) sink++;
    },
    1500,
    checks,
  );
  const base = opsPerSecond(
    () => {
      for (const e of entries) for (const v of versions) if (compileAffected(e, pypi).matches(pypi.parse(v.text))) sink++;
    },
    1500,
    checks,
  );
  return {
    name: 'OSV affected-entry evaluation (compiled)',
    value: ours,
    unit: 'checks/s',
    baseline: { name: 'parse the entry and version on every check', value: base },
    notes: `${entries.length} PyPA affected entries × ${versions.length} versions (${sink > 0 ? 'some match' : 'none match'})`,
  };
}

export const suite: BenchSuite = {
  name: 'Version ordering and ranges (issue 3)',
  async run() {
    const results: BenchResult[] = [npmRangeBench()];
    for (const set of COMPARE_SETS) results.push(compareBench(set));
    const osv = osvBench();
    if (osv) results.push(osv);
    return results;
  },
};
