import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vectorPath } from '../../helpers/vectors';

/** Where the public version ground truth lives (osv-scalibr semantic testdata, test/vectors/standards/versions). */
export const VERSIONS_DIR = vectorPath('standards/versions');

export interface GroundTruthLine {
  readonly file: string;
  readonly line: number;
  readonly a: string;
  readonly op: '<' | '=' | '>';
  readonly b: string;
}

/**
 * Reads `<prefix>-versions.txt` and `<prefix>-versions-generated.txt`: one `A op B` per line,
 * blank lines and `#` / `//` comments skipped (the format osv-scalibr's compare_test reads).
 */
export function readGroundTruth(prefix: string): GroundTruthLine[] {
  const out: GroundTruthLine[] = [];
  for (const file of readdirSync(VERSIONS_DIR)
    .filter((f) => f.startsWith(`${prefix}-versions`))
    .sort()) {
    readFileSync(join(VERSIONS_DIR, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith('//')) return;
        const parts = line.split(' ');
        if (parts.length !== 3 || !['<', '=', '>'].includes(parts[1]!)) throw new Error(`${file}:${i + 1}: bad line ${line}`);
        out.push({ file, line: i + 1, a: parts[0]!, op: parts[1] as '<' | '=' | '>', b: parts[2]! });
      });
  }
  return out;
}

/** The sign a comparison result should have for an operator. */
export function signOf(op: '<' | '=' | '>'): number {
  return op === '<' ? -1 : op === '>' ? 1 : 0;
}
