import { readdirSync, readFileSync } from 'node:fs';
import { vectorPath } from '../../helpers/vectors';

/**
 * Absolute path of a file or folder of the public test data (test/vectors in the repository,
 * unpacked for the run); a missing one fails the test.
 */
export function sharedDataPath(relative: string): string {
  return vectorPath(relative);
}

export function readSharedText(relative: string): string {
  return readFileSync(sharedDataPath(relative), 'utf8');
}

export function readSharedJson(relative: string): unknown {
  return JSON.parse(readSharedText(relative));
}

/** File names in a shared data folder, optionally filtered by a pattern. */
export function listShared(relative: string, pattern = /\.json$/): string[] {
  return readdirSync(sharedDataPath(relative))
    .filter((f) => pattern.test(f))
    .sort();
}

/** Every line of the real OSV advisories (8,158 records), with the file each came from. */
export function osvAdvisoryLines(): { file: string; line: string }[] {
  const out: { file: string; line: string }[] = [];
  for (const file of listShared('advisories', /\.ndjson$/)) {
    for (const line of readSharedText(`advisories/${file}`).split('\n')) {
      if (line.trim() !== '') out.push({ file, line });
    }
  }
  return out;
}
