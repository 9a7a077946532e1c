import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file or folder under the shared public test data (../shared/data). */
export function sharedDataPath(relative: string): string {
  return fileURLToPath(new URL(`../../../../shared/data/${relative}`, import.meta.url));
}

/** Whether the shared data folder (or a part of it) is present; tests skip with a message when not. */
export function hasSharedData(relative = ''): boolean {
  const present = existsSync(sharedDataPath(relative));
  if (!present) console.warn(`skipping: ../shared/data/${relative} is absent`);
  return present;
}

export function readSharedText(relative: string): string {
  return readFileSync(sharedDataPath(relative), 'utf8');
}

export function readSharedJson(relative: string): unknown {
  return JSON.parse(readSharedText(relative));
}

/** File names in a shared data folder, optionally filtered by a pattern. */
export function listShared(relative: string, pattern = /\.json$/): string[] {
  return readdirSync(sharedDataPath(relative)).filter((f) => pattern.test(f)).sort();
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
