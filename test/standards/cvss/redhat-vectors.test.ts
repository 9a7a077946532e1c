import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreCvss, type CvssScore } from '../../../src/standards/cvss';
import { vectorPath } from '../../helpers/vectors';

const DIR = pathToFileURL(`${vectorPath('standards/cvss')}/`);

interface Expected {
  vector: string;
  base: number;
  temporal: number | null;
  environmental: number | null;
}

/** Parses one line: 'VECTOR - (base, temporal, env)' (v2/v3), 'VECTOR - (score,)' or 'VECTOR - score' (v4). */
function parseLine(line: string): Expected {
  const [vector, rest] = line.split(' - ') as [string, string];
  const numbers = rest
    .replace(/[()]/g, '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s === 'None' ? null : Number(s)));
  return { vector, base: numbers[0]!, temporal: numbers[1] ?? null, environmental: numbers[2] ?? null };
}

/** Returns null when the score matches Red Hat's line. */
function check(e: Expected, s: CvssScore): string | null {
  // Red Hat prints -0.0 for a zero v2 score.
  if (s.baseScore !== Math.abs(e.base)) return `base ${s.baseScore} ≠ ${e.base}`;
  if (s.version === '4.0') return null;
  // Red Hat prints 3.x temporal and environmental scores even for a base-only vector; ask for
  // them by stating one metric of each group as Not Defined.
  const full =
    s.version === '2.0' ? s : scoreCvss(`${s.vectorString}${s.temporalScore === undefined ? '/E:X' : ''}${s.environmentalScore === undefined ? '/CR:X' : ''}`);
  const temporal = full.temporalScore ?? null;
  const environmental = full.environmentalScore ?? null;
  if (temporal !== e.temporal) return `temporal ${temporal} ≠ ${e.temporal}`;
  if (environmental !== e.environmental) return `environmental ${environmental} ≠ ${e.environmental}`;
  return null;
}

const files = readdirSync(DIR).filter((f) => f.startsWith('redhat_vectors_'));

describe("Red Hat's CVSS vectors", () => {
  const byVersion: Record<string, { pass: number; total: number }> = {};
  it.each(files)('%s: every line scores as Red Hat does', (file) => {
    const lines = readFileSync(new URL(file, DIR), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const failures: string[] = [];
    for (const line of lines) {
      const expected = parseLine(line);
      let why: string | null;
      let version = '?';
      try {
        const score = scoreCvss(expected.vector);
        version = score.version;
        why = check(expected, score);
      } catch (err) {
        why = `threw ${String(err)}`;
      }
      const tally = byVersion[version] ?? { pass: 0, total: 0 };
      byVersion[version] = tally;
      tally.total++;
      if (why === null) tally.pass++;
      else failures.push(`${line}: ${why}`);
    }
    console.info(`${file}: ${lines.length - failures.length}/${lines.length}`);
    expect(lines.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
  it('reports pass counts per version', () => {
    console.info(`CVSS per version: ${JSON.stringify(byVersion)}`);
    expect(Object.keys(byVersion).sort()).toEqual(['2.0', '3.0', '3.1', '4.0']);
  });
});
