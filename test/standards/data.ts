import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { vectorPath } from '../helpers/vectors';

/** The standards' public test data, in the repository under test/vectors/standards (unpacked for the run). */
export const SHARED_DATA = vectorPath('standards');

/** Every file under `relative` whose name matches `pattern`, sorted (a missing folder fails the test). */
export function dataFiles(relative: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name)) out.push(path);
    }
  };
  walk(vectorPath(`standards/${relative}`));
  return out.sort();
}

/** A data file's text, without a UTF-8 byte order mark. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}
