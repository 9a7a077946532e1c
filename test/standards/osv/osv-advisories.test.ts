import { describe, expect, it } from 'vitest';
import { parseOsv, serializeOsv, type OsvRecord } from '../../../src/standards/osv';
import { problemsOf } from '../../../src/standards/formats/json-adapter';
import { osvAdvisoryLines } from '../formats/shared-data';

const FULL_COMMIT = /^(0|[a-f0-9]{40}|[a-f0-9]{64})$/;

/** GIT range events whose value is not a full commit hash (OSV 1.7 forbids them), by JSON Pointer. */
function shortGitEvents(record: OsvRecord): string[] {
  const out: string[] = [];
  for (const [i, a] of (record.affected ?? []).entries()) {
    for (const [j, r] of (a.ranges ?? []).entries()) {
      if (r.type !== 'GIT') continue;
      for (const [k, e] of r.events.entries()) {
        for (const [key, value] of Object.entries(e)) {
          if (!FULL_COMMIT.test(value as string)) out.push(`/affected/${i}/ranges/${j}/events/${k}/${key}`);
        }
      }
    }
  }
  return out;
}

describe('OSV: the 8,158 real advisories', () => {
  it('all parse and validate against the OSV 1.7 schema and round-trip, except short GIT hashes, reported exactly', () => {
    const lines = osvAdvisoryLines();
    const perFile = new Map<string, { total: number; valid: number; shortGitHash: number }>();
    const unexplained: string[] = [];
    for (const { file, line } of lines) {
      const count = perFile.get(file) ?? { total: 0, valid: 0, shortGitHash: 0 };
      count.total++;
      perFile.set(file, count);
      const raw = JSON.parse(line) as OsvRecord;
      const expected = shortGitEvents(raw);
      const problems = problemsOf(() => parseOsv(line));
      if (problems.length === 0 && expected.length === 0) {
        expect(parseOsv(serializeOsv(parseOsv(line)))).toEqual(raw);
        count.valid++;
      } else if (expected.length > 0 && problems.map((p) => p.path).join() === expected.join()) {
        // OSV 1.7 "GIT ranges must use full-length commit hashes": a few PyPA records predate it.
        for (const p of problems) expect(p.message).toMatch(/^GIT ranges must use full-length commit hashes \(OSV 1\.7\): ".+"/);
        count.shortGitHash++;
      } else {
        unexplained.push(`${raw.id}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(problems)}`);
      }
    }
    console.log('OSV advisories (valid and round-tripped / rejected by the schema for a short GIT hash):', Object.fromEntries(perFile));
    expect(unexplained).toEqual([]);
    expect(lines.length).toBe(8158);
    expect([...perFile.values()].reduce((n, c) => n + c.shortGitHash, 0)).toBe(7);
  });

  it('with { strictCommits: false } every advisory imports unchanged and round-trips', () => {
    const imported = osvAdvisoryLines().filter(({ line }) => {
      const record = parseOsv(line, { strictCommits: false });
      expect(parseOsv(serializeOsv(record), { strictCommits: false })).toEqual(JSON.parse(line));
      return true;
    });
    expect(imported.length).toBe(8158);
  });

  it('serializes with a stable key order whatever the input order', () => {
    const { line } = osvAdvisoryLines()[0]!;
    const record = parseOsv(line);
    const reversed = Object.fromEntries(Object.entries(record).reverse());
    expect(serializeOsv(parseOsv(JSON.stringify(reversed)))).toBe(serializeOsv(record));
    expect(Object.keys(JSON.parse(serializeOsv(record)))[0]).toBe('schema_version');
  });
});
