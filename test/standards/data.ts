import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The public test data folder (../shared/data from the project root), or undefined when absent. */
export const SHARED_DATA = join(process.cwd(), '..', 'shared', 'data', 'standards');

/** True when `relative` exists under the shared standards data. */
export function hasData(relative: string): boolean {
  return existsSync(join(SHARED_DATA, relative));
}

/** Every file under `relative` whose name matches `pattern`, sorted. */
export function dataFiles(relative: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name)) out.push(path);
    }
  };
  walk(join(SHARED_DATA, relative));
  return out.sort();
}

/** A data file's text, without a UTF-8 byte order mark. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}
